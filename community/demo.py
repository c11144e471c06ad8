"""Demo community: 12 fictional officers who opted in, two conversations for the demo member,
and three forum categories with threads. Every name is invented and marked as fictional.

Safe to run again (it updates or skips what exists) and from an empty database (it makes
the catalogue's taxonomy terms it needs when the catalogue's demo has not run).
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from accounts import roles
from accounts.demo import _user
from catalog.models import Capability, Country, InvestigationStage, Language, Tool
from community.models import (
    ContactRequest,
    Conversation,
    ForumCategory,
    Message,
    Participant,
    Post,
    Profile,
    Thread,
    ThreadFollow,
)
from hub import clock

if TYPE_CHECKING:
    from accounts.models import User
    from catalog.models import Term

DEMO_MEMBER = "member@demo.example.org"
DEMO_MODERATOR = ("moderator@demo.example.org", "Mo Moderator")
FICTIONAL = " (fictional)"

# (email, display name, country, languages, expertise, stages, bio)
OFFICERS = [
    ("amara.okafor@community.demo.example", "Amara Okafor", "Kenya", ["English", "Swahili"],
     ["Age estimation", "Triage and prioritisation"], ["Victim identification"],
     "Victim identification specialist; happy to talk about triage workflows."),
    ("lukas.brandt@community.demo.example", "Lukas Brandt", "Germany", ["German", "English"],
     ["Hash matching", "Deduplication"], ["Analysis and triage of seized media"],
     "Digital forensics lead. Large seizures and hash sets."),
    ("sofia.moreau@community.demo.example", "Sofia Moreau", "France", ["French", "English"],
     ["Grooming and chat analysis", "OCR and text analysis"], ["Offender identification"],
     "Online grooming investigations; chat analysis tools."),
    ("kenji.sato@community.demo.example", "Kenji Sato", "Japan", ["Japanese", "English"],
     ["Image and video classification"], ["Report intake and triage"],
     "Referral intake and classifier evaluation."),
    ("ana.ribeiro@community.demo.example", "Ana Ribeiro", "Brazil", ["Portuguese", "Spanish"],
     ["OSINT and dark-web monitoring"], ["Offender identification"],
     "OSINT and dark-web monitoring; Portuguese and Spanish."),
    ("liam.walsh@community.demo.example", "Liam Walsh", "Ireland", ["English"],
     ["Network and metadata analysis"], ["Lawful acquisition"],
     "Lawful acquisition and metadata analysis."),
    ("priya.nair@community.demo.example", "Priya Nair", "India", ["English", "Hindi"],
     ["Translation", "Audio analysis"], ["Case preparation and disclosure"],
     "Case preparation; audio and translation tooling."),
    ("eva.lindqvist@community.demo.example", "Eva Lindqvist", "Sweden", ["English"],
     ["Redaction and blurring"], ["Investigator wellbeing"],
     "Wellbeing lead for a national unit; exposure reduction."),
    ("mateo.garcia@community.demo.example", "Mateo García", "Spain", ["Spanish", "English"],
     ["Geolocation", "Object and scene detection"], ["Victim identification"],
     "Geolocation and scene analysis for victim identification."),
    ("noor.haddad@community.demo.example", "Noor Haddad", "Netherlands", ["Dutch", "Arabic"],
     ["Grooming and chat analysis"], ["Prioritisation and risk assessment"],
     "Risk assessment of online offenders; Arabic and Dutch."),
    ("tom.kowalski@community.demo.example", "Tom Kowalski", "Poland", ["Polish", "English"],
     ["Face matching", "Deduplication"], ["Analysis and triage of seized media"],
     "Media triage and face matching evaluation."),
    ("grace.tan@community.demo.example", "Grace Tan", "Australia", ["English", "Mandarin Chinese"],
     ["Triage and prioritisation", "Hash matching"], ["Report intake and triage"],
     "Intake triage; international referrals."),
]  # fmt: skip

# (slug, name, description, [(title, author index, opening post, [(reply author index, text)])])
FORUMS = [
    (
        "victim-identification",
        "Victim identification",
        "Finding and safeguarding children.",
        [
            (
                "Geolocating indoor scenes",
                8,
                "What has worked for you when a scene has no outdoor clues? We start from objects.",
                [
                    (0, "Product catalogues for furniture and sockets helped us twice this year."),
                    (9, "Agree. Keep a shared list of sources per country."),
                ],
            ),
            (
                "Age estimation: how far do you trust it?",
                0,
                "We use it for triage only, never as evidence. How do you phrase that in reports?",
                [(3, "Same here: triage only, with a human review of every result.")],
            ),
        ],
    ),
    (
        "tools-in-practice",
        "Tools in practice",
        "Experience with the catalogue's tools.",
        [
            (
                "Hash sets for large seizures",
                1,
                "Deduplicating before review halved our exposure. Which hash sets do you load?",
                [(10, "We load the national set first, then our own. Order matters for speed.")],
            ),
            (
                "Running classifiers air-gapped",
                3,
                "Notes from installing an image classifier on an isolated network.",
                [],
            ),
        ],
    ),
    (
        "wellbeing-at-work",
        "Wellbeing at work",
        "Looking after ourselves and our teams.",
        [
            (
                "Greyscale and blur by default",
                7,
                "Our unit turned greyscale and blur on by default. Exposure complaints dropped.",
                [
                    (11, "We did the same; new staff take to it easily."),
                    (
                        2,
                        "Any trouble in court over altered views? We keep originals untouched.",
                    ),
                ],
            ),
        ],
    ),
]

# The demo member's two conversations: (officer index, [(from member?, text)]).
CONVERSATIONS = [
    (1, [(True, "Hello Lukas, I saw you work on hash sets. Could we compare notes?"),
         (False, "Of course. Our deduplication guide is on the hub: https://example.org/guide"),
         (True, "Thanks, I will read it this week.")]),
    (4, [(False, "Hi Morgan, thanks for accepting. Do you have OSINT colleagues in Demoland?"),
         (True, "Yes, two. I will introduce you.")]),
]  # fmt: skip


def _terms(model: type[Term], names: list[str]) -> list[int]:
    """The ids of the terms named, made if missing."""
    found = []
    for name in names:
        term, _created = model._default_manager.get_or_create(
            slug=slugify(name)[:120], defaults={"name": name}
        )
        found.append(term.pk)
    return found


def _profile(
    user: User,
    name: str,
    country: str,
    languages: list[str],
    capabilities: list[str],
    stages: list[str],
    bio: str,
) -> Profile:
    profile, _created = Profile.objects.update_or_create(
        user=user,
        defaults={
            "published": True,
            "display_name": name + FICTIONAL,
            "country_id": _terms(Country, [country])[0],
            "bio": bio + " Fictional demo profile.",
            "show_agency": True,
            "agency": "Demo agency" + FICTIONAL,
            "unit": "Online child protection",
        },
    )
    profile.languages.set(_terms(Language, languages))
    profile.capabilities.set(_terms(Capability, capabilities))
    profile.stages.set(_terms(InvestigationStage, stages))
    tools = list(Tool.objects.published().filter(capabilities__in=profile.capabilities.all())[:3])
    profile.tools.set(tools)
    return profile


def _conversation(member: User, officer: User, lines: list[tuple[bool, str]]) -> None:
    ContactRequest.objects.update_or_create(
        sender=officer,
        recipient=member,
        defaults={
            "message": "Hello, may we talk about our work? (fictional)",
            "status": ContactRequest.Status.ACCEPTED,
            "answered_at": clock.now(),
        },
    )
    conversation, created = Conversation.objects.get_or_create(
        pair=Conversation.pair_of(member, officer)
    )
    for user in (member, officer):
        Participant.objects.get_or_create(conversation=conversation, user=user)
    if not created and conversation.messages.exists():
        return
    start = clock.now() - timedelta(days=3)
    for number, (from_member, text) in enumerate(lines):
        Message.objects.create(
            conversation=conversation,
            sender=member if from_member else officer,
            body=text,
            created_at=start + timedelta(hours=number * 5),
        )
    conversation.last_message_at = start + timedelta(hours=(len(lines) - 1) * 5)
    conversation.save(update_fields=["last_message_at"])
    if not lines[-1][0]:
        Participant.objects.owned_by(member).filter(conversation=conversation).update(unread=1)


def seed(*, tools: int | None = None) -> str:
    officers = []
    for email, name, country, languages, capabilities, stages, bio in OFFICERS:
        user = _user(email, name + FICTIONAL, member=True)
        _profile(user, name, country, languages, capabilities, stages, bio)
        officers.append(user)
    member = get_user_model().objects.filter(email__iexact=DEMO_MEMBER).first()
    if member is None:
        member = _user(DEMO_MEMBER, "Morgan Member", member=True)
    Profile.objects.get_or_create(
        user=member, defaults={"display_name": "Morgan Member" + FICTIONAL, "published": False}
    )
    moderator = _user(*DEMO_MODERATOR, member=True)
    roles.grant_role(moderator, roles.MODERATOR)  # does nothing when already granted
    for index, lines in CONVERSATIONS:
        _conversation(member, officers[index], lines)
    threads = 0
    for position, (slug, name, description, items) in enumerate(FORUMS):
        category, _created = ForumCategory.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )
        for days, (title, author, opening, replies) in enumerate(items):
            if Thread.objects.filter(category=category, title=title).exists():
                continue
            started = clock.now() - timedelta(days=10 - days)
            thread = Thread.objects.create(
                category=category,
                author=officers[author],
                title=title,
                created_at=started,
                last_post_at=started + timedelta(hours=len(replies)),
                reply_count=len(replies),
            )
            Post.objects.create(
                thread=thread, author=officers[author], body=opening, created_at=started
            )
            for hour, (replier, text) in enumerate(replies, start=1):
                Post.objects.create(
                    thread=thread,
                    author=officers[replier],
                    body=text,
                    created_at=started + timedelta(hours=hour),
                )
            ThreadFollow.objects.get_or_create(user=officers[author], thread=thread)
            threads += 1
    return (
        f"{len(officers)} demo profiles, a moderator ({DEMO_MODERATOR[0]}), "
        f"{len(CONVERSATIONS)} conversations, "
        f"{len(FORUMS)} forum categories ({threads} new threads)"
    )
