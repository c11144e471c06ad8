"""factory_boy factories shared by every app's tests. Apps add theirs below their heading."""

from datetime import timedelta

import factory
from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify

from accounts import roles
from accounts.models import Agency, AgencyDomain, SupervisorAttestation, User, VettingApplication
from hub import clock

TEST_PASSWORD = "correct horse battery staple 42"


class UserFactory(factory.django.DjangoModelFactory):
    """A person who has an account but is not (yet) a member: an applicant."""

    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"officer{n}@police.example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password(TEST_PASSWORD)
    # Accepted at sign-up; read when made, so a test that changes TERMS_VERSION later sees a
    # person who accepted the old version.
    terms_version = factory.LazyFunction(lambda: settings.TERMS_VERSION)
    terms_accepted_at = factory.LazyFunction(timezone.now)


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


# Catalogue


class _TermFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class CapabilityFactory(_TermFactory):
    class Meta:
        model = "catalog.Capability"
        django_get_or_create = ("slug",)


class InvestigationStageFactory(_TermFactory):
    class Meta:
        model = "catalog.InvestigationStage"
        django_get_or_create = ("slug",)


class DataTypeFactory(_TermFactory):
    class Meta:
        model = "catalog.DataType"
        django_get_or_create = ("slug",)


class DeploymentFactory(_TermFactory):
    class Meta:
        model = "catalog.Deployment"
        django_get_or_create = ("slug",)


class LicenceFactory(_TermFactory):
    class Meta:
        model = "catalog.Licence"
        django_get_or_create = ("slug",)


class LanguageFactory(_TermFactory):
    class Meta:
        model = "catalog.Language"
        django_get_or_create = ("slug",)


class PlatformFactory(_TermFactory):
    class Meta:
        model = "catalog.Platform"
        django_get_or_create = ("slug",)


class CountryFactory(_TermFactory):
    class Meta:
        model = "catalog.Country"
        django_get_or_create = ("slug",)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "catalog.Provider"

    name = factory.Sequence(lambda n: f"Provider {n} Ltd")
    website = "https://provider.example.org/"


class ToolFactory(factory.django.DjangoModelFactory):
    """A published tool. Pass facets as lists: `ToolFactory(capabilities=[cap])`."""

    class Meta:
        model = "catalog.Tool"

    name = factory.Sequence(lambda n: f"Tool {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    summary = factory.LazyAttribute(lambda o: f"{o.name} helps investigators.")
    status = "published"
    provider = factory.SubFactory(ProviderFactory)
    maturity = "production"
    last_verified = factory.LazyFunction(timezone.localdate)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        facets = {
            name: kwargs.pop(name)
            for name in (
                "capabilities", "stages", "data_types", "deployments", "licences",
                "languages", "platforms", "countries",
            )
            if name in kwargs
        }  # fmt: skip
        tool = super()._create(model_class, *args, **kwargs)
        for name, terms in facets.items():
            getattr(tool, name).set(terms)
        return tool


class ToolReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "catalog.ToolReview"

    tool = factory.SubFactory(ToolFactory)
    author = factory.SubFactory(MemberFactory)
    rating = 4
    context = "Used it on a pilot in our unit."
    what_worked = "Quick triage."
    limits = "Struggled with low-resolution images."
    status = "pending"


class BookmarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "catalog.Bookmark"

    user = factory.SubFactory(MemberFactory)
    tool = factory.SubFactory(ToolFactory)


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "catalog.SavedSearch"

    user = factory.SubFactory(MemberFactory)
    name = factory.Sequence(lambda n: f"Search {n}")
    query_string = "q=hash"
    weekly_digest = True


# Technology providers (issue 23)


class ProviderUserFactory(UserFactory):
    """A technology provider's account (never a member): pair it with a ProviderAccountFactory."""

    email = factory.Sequence(lambda n: f"contact{n}@provider.example.org")
    is_provider = True


class ProviderAccountFactory(factory.django.DjangoModelFactory):
    """An organisation's application, email confirmed, waiting for a curator."""

    class Meta:
        model = "providers.ProviderAccount"

    user = factory.SubFactory(ProviderUserFactory)
    organisation = factory.Sequence(lambda n: f"Applicant Org {n}")
    website = "https://provider.example.org/"
    contact_name = factory.LazyAttribute(lambda o: o.user.full_name)
    email = factory.LazyAttribute(lambda o: o.user.email)
    tools_description = "Image classification for triage of seized media."
    terms_version = factory.LazyFunction(lambda: settings.PROVIDER_TERMS_VERSION)
    terms_accepted_at = factory.LazyFunction(timezone.now)
    submitted_at = factory.LazyFunction(timezone.now)
    email_confirmed_at = factory.LazyFunction(timezone.now)


class ApprovedProviderAccountFactory(ProviderAccountFactory):
    """An approved provider, speaking for one `Provider` of the catalogue."""

    state = "approved"
    provider = factory.SubFactory(ProviderFactory)
    organisation = factory.LazyAttribute(lambda o: o.provider.name)
    decided_at = factory.LazyFunction(timezone.now)
    decision_reason = "Known supplier; domain matches."


def _current_values(tool) -> dict:
    from providers.changes import current_values

    return current_values(tool)


class ProposalFactory(factory.django.DjangoModelFactory):
    """A waiting proposal to change a tool's summary, from the tool's own provider."""

    class Meta:
        model = "providers.Proposal"

    account = factory.SubFactory(ApprovedProviderAccountFactory)
    provider = factory.LazyAttribute(lambda o: o.account.provider)
    tool = factory.LazyAttribute(lambda o: ToolFactory(provider=o.account.provider))
    changes = factory.LazyFunction(lambda: {"summary": "Now with audio analysis."})
    base = factory.LazyAttribute(lambda o: _current_values(o.tool))
    submitted_at = factory.LazyFunction(timezone.now)


class ProviderReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "providers.ProviderReply"

    account = factory.SubFactory(ApprovedProviderAccountFactory)
    provider = factory.LazyAttribute(lambda o: o.account.provider)
    review = factory.LazyAttribute(
        lambda o: ToolReviewFactory(
            tool=ToolFactory(provider=o.account.provider), status="published"
        )
    )
    body = "Thank you: the next release handles low-resolution images."
    created_at = factory.LazyFunction(timezone.now)


# Community (issue 22)


class ProfileFactory(factory.django.DjangoModelFactory):
    """A published community profile of an active member."""

    class Meta:
        model = "community.Profile"

    user = factory.SubFactory(MemberFactory)
    published = True
    display_name = factory.Sequence(lambda n: f"Officer {n}")
    bio = "Works on online child protection."


class ContactRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.ContactRequest"

    sender = factory.SubFactory(MemberFactory)
    recipient = factory.SubFactory(MemberFactory)
    message = "May we talk?"


def conversation_between(one, other):
    """An accepted pair's conversation, as accepting a contact request opens it."""
    from community import services

    request = ContactRequestFactory(sender=one, recipient=other)
    return services.answer_contact_request(request, accept=True)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Message"

    conversation = factory.LazyAttribute(lambda m: conversation_between(m.sender, MemberFactory()))
    sender = factory.SubFactory(MemberFactory)
    body = "Hello there."


class ForumCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.ForumCategory"

    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")


class ThreadFactory(factory.django.DjangoModelFactory):
    """A thread with its opening post."""

    class Meta:
        model = "community.Thread"
        skip_postgeneration_save = True

    category = factory.SubFactory(ForumCategoryFactory)
    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"Thread {n}")

    @factory.post_generation
    def opening(self, create, extracted, **kwargs):
        if create:
            from community.models import Post

            Post.objects.create(thread=self, author=self.author, body=extracted or "Opening post.")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Post"

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(MemberFactory)
    body = "A reply."


class ModeratorFactory(MemberFactory):
    """A member who holds the moderator role (community, issue 22)."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def grant_role(self, create, extracted, **kwargs):
        if create:
            roles.grant_role(self, roles.MODERATOR)
