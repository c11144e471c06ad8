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
