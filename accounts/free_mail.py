"""Free-mail domains: where anyone can open an address, so an address there proves nothing.

A supervisor on one of these is a warning signal for vetting officers, never a decision. The
list is small on purpose: the largest providers, which are most of what an impostor uses.
Operators add their region's own with the `EXTRA_FREE_MAIL_DOMAINS` setting (comma-separated).
"""

from django.conf import settings

FREE_MAIL_DOMAINS = frozenset(
    {
        "aol.com",
        "gmail.com",
        "googlemail.com",
        "gmx.com",
        "gmx.de",
        "gmx.net",
        "hotmail.com",
        "hotmail.co.uk",
        "hotmail.fr",
        "icloud.com",
        "mac.com",
        "me.com",
        "live.com",
        "mail.com",
        "mail.ru",
        "msn.com",
        "outlook.com",
        "pm.me",
        "proton.me",
        "protonmail.com",
        "qq.com",
        "163.com",
        "126.com",
        "tuta.io",
        "tutanota.com",
        "web.de",
        "yahoo.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "yandex.com",
        "yandex.ru",
        "zoho.com",
    }
)


def is_free_mail(domain: str) -> bool:
    domain = domain.strip().lower()
    return domain in FREE_MAIL_DOMAINS or domain in settings.EXTRA_FREE_MAIL_DOMAINS
