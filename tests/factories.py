"""factory_boy factories shared by every app's tests. Apps add theirs below their heading."""

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.models import User

TEST_PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory):
    """A person who has an account but is not (yet) a member: an applicant."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"officer{n}@police.example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password(TEST_PASSWORD)


class MemberFactory(UserFactory):
    """A vetted member whose membership runs for another year."""

    membership_valid_until = factory.LazyFunction(lambda: timezone.now() + timedelta(days=365))


class ExpiredMemberFactory(UserFactory):
    membership_valid_until = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class SuspendedMemberFactory(MemberFactory):
    suspended_at = factory.LazyFunction(timezone.now)


# Accounts and vetting

from accounts import roles  # noqa: E402
from accounts.models import (  # noqa: E402
    Agency,
    AgencyDomain,
    SupervisorAttestation,
    VettingApplication,
)
from hub import clock  # noqa: E402


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Agency {n}")
    country = "Demoland"

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if create:
            for domain in extracted or []:
                AgencyDomain.objects.create(agency=self, domain=domain)


class VettingApplicationFactory(factory.django.DjangoModelFactory):
    """A first application whose email is confirmed, so it is in the officers' queue."""

    class Meta:
        model = VettingApplication

    applicant = factory.SubFactory(UserFactory)
    full_name = factory.LazyAttribute(lambda o: o.applicant.full_name)
    email = factory.LazyAttribute(lambda o: o.applicant.email)
    agency_name = "Demo Police"
    country = "Demoland"
    unit = "Online child exploitation team"
    role_title = "Detective"
    supervisor_name = "Sam Supervisor"
    supervisor_email = factory.Sequence(lambda n: f"supervisor{n}@police.example.org")
    reason = "Triage of seized media."
    terms_version = "2026-11"
    terms_accepted_at = factory.LazyFunction(clock.now)
    submitted_at = factory.LazyFunction(clock.now)
    email_confirmed_at = factory.LazyFunction(clock.now)


class SupervisorAttestationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisorAttestation

    application = factory.SubFactory(VettingApplicationFactory)
    supervisor_name = factory.LazyAttribute(lambda o: o.application.supervisor_name)
    supervisor_email = factory.LazyAttribute(lambda o: o.application.supervisor_email)
    sent_at = factory.LazyFunction(clock.now)
    expires_at = factory.LazyFunction(lambda: clock.now() + timedelta(days=7))


class VettingOfficerFactory(MemberFactory):
    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def grant_role(self, create, extracted, **kwargs):
        if create:
            roles.grant_role(self, roles.VETTING_OFFICER)


class CuratorFactory(MemberFactory):
    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def grant_role(self, create, extracted, **kwargs):
        if create:
            roles.grant_role(self, roles.CURATOR)


class AdministratorFactory(MemberFactory):
    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def grant_role(self, create, extracted, **kwargs):
        if create:
            roles.grant_role(self, roles.ADMINISTRATOR)
