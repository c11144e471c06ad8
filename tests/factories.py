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
