"""factory_boy factories shared by every app's tests. Apps add theirs below their heading."""

from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

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
    last_verified = factory.LazyFunction(lambda: timezone.localdate())

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
