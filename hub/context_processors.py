from django.conf import settings
from django.http import HttpRequest


def hub(request: HttpRequest) -> dict:
    """The site's name, the operator's contact details and the languages. Which links show is
    the access policy's decision (`{% may %}`)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SUPPORT_EMAIL": settings.SUPPORT_EMAIL,
        "SUPPORT_PHONE": settings.SUPPORT_PHONE,
        # The picker names each language in itself: untranslated, unlike get_available_languages.
        "LANGUAGE_CHOICES": settings.LANGUAGES,
    }
