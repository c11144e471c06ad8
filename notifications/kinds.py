"""The kinds of notification, and which of them a member may choose not to receive by email.

Apps call `notify(kind=...)` with any kind that has templates. A kind listed in
`OPTIONAL_KINDS` shows in the preferences page; a kind in `SECURITY_KINDS` is always emailed.
A kind in neither is always emailed too (it cannot be turned off until it is listed here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


# Notices about a person's own account and access: never optional, whatever the preferences say.
SECURITY_KINDS = frozenset(
    {
        "second_factor_changed",
        "member_suspended",
        "membership_expired",
        "application_decision",
        "supervisor_attestation",
        # Missing one would end a member's access without warning.
        "membership_reminder",
    }
)

# Kinds a member may receive in the notification centre only. Label: what the email is about.
OPTIONAL_KINDS: dict[str, StrOrPromise] = {
    "application_submitted": _("New applications waiting for vetting"),
    "application_answered": _("Answers from applicants to your questions (vetting officers)"),
    "tools_due_for_review": _("Tools due for review (curators)"),
    "review_published": _("Your review was published"),
    "review_declined": _("Your review was declined"),
    "saved_search_digest": _("Weekly digest of new tools matching your saved searches"),
    # Community (issue 22). None of them carries what members wrote to each other.
    "community_contact_request": _("Contact requests from other members"),
    "community_request_accepted": _("A member accepted your contact request"),
    "community_message": _("New messages from other members"),
    "community_thread_digest": _("Weekly digest of replies in the threads you follow"),
    "community_report": _("New reports to moderate (moderators)"),
}


def email_is_optional(kind: str) -> bool:
    return kind in OPTIONAL_KINDS and kind not in SECURITY_KINDS


# Kinds whose link is a credential (whoever holds it can act): the outbox row, which
# administrators read, holds `WITHHELD_LINK` in the link's place, and delivery asks the named
# function (notification -> path, or "" if the link is gone) for the real link at send time.
BEARER_LINKS: dict[str, str] = {
    "supervisor_attestation": "accounts.services.attestation_link",
}
WITHHELD_LINK = "link-withheld"
