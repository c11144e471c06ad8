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


# Notifications


class NotificationFactory(factory.django.DjangoModelFactory):
    """A row of the outbox, as `notify` writes it, for a member's notification centre."""

    class Meta:
        model = "notifications.Notification"

    recipient = factory.SubFactory(MemberFactory)
    to_email = factory.LazyAttribute(
        lambda n: n.recipient.email if n.recipient else "x@example.org"
    )
    idempotency_key = factory.Sequence(lambda n: f"test:{n}")
    kind = "test_kind"
    channel = "in_app"
    subject = factory.Sequence(lambda n: f"Notification {n}")
    body_text = "Something happened."


# Guidance and wellbeing


class GuidanceToolFactory(factory.django.DjangoModelFactory):
    """A published catalogue tool, as guidance links to it (the catalogue may define its own)."""

    class Meta:
        model = "catalog.Tool"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Tool {n}")
    slug = factory.Sequence(lambda n: f"tool-{n}")
    status = "published"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "guidance.Category"

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "guidance.Article"

    title = factory.Sequence(lambda n: f"Article {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    summary = "A short summary."
    body = "## A heading\n\nSome **guidance**."
    category = factory.SubFactory(CategoryFactory)
    status = "published"


class LearningPathFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "guidance.LearningPath"

    title = factory.Sequence(lambda n: f"Path {n}")
    slug = factory.Sequence(lambda n: f"path-{n}")
    summary = "Read these in order."
    status = "published"


class PathStepFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "guidance.PathStep"

    path = factory.SubFactory(LearningPathFactory)
    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "guidance.Assessment"

    owner = factory.SubFactory(MemberFactory)
    tool_name = factory.Sequence(lambda n: f"Tool {n}")


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wellbeing.Resource"

    title = factory.Sequence(lambda n: f"Resource {n}")
    slug = factory.Sequence(lambda n: f"resource-{n}")
    summary = "Something that helps."
    body = "Breathe in, and out."
    is_published = True


class SupportServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wellbeing.SupportService"

    name = factory.Sequence(lambda n: f"Service {n}")
    country = "United Kingdom"
    kind = "helpline"
    how_to_reach = "+00 000 000 0000 (fictional)"


class SelfCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "wellbeing.SelfCheck"

    owner = factory.SubFactory(MemberFactory)
    sleep = 4
    mood = 4
    intrusive_images = 4
    workload = 4
    support = 4


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
