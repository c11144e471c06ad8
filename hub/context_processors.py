from django.conf import settings
from django.http import HttpRequest


def hub(request: HttpRequest) -> dict:
    """The site's name and the operator's contact details. Which links show is the access
    policy's decision (`{% may %}`)."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SUPPORT_EMAIL": settings.SUPPORT_EMAIL,
        "SUPPORT_PHONE": settings.SUPPORT_PHONE,
    }
