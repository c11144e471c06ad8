"""Demo wellbeing content: resources, exercises and a support directory in several countries.

Every support service here is FICTIONAL: names, numbers and addresses are made up and use
reserved example ranges, and each says so. Safe to run again.
"""

from wellbeing import demo_i18n
from wellbeing.models import Area, Resource, SupportService

FICTIONAL = "Fictional service for demonstration only; replace with real services."

# (slug, kind, area, title, summary, minutes, body, content warning)
RESOURCES = [
    (
        "box-breathing",
        Resource.Kind.EXERCISE,
        Area.MOOD,
        "Box breathing",
        "Four slow counts in, hold, out, hold. Calms the body after a hard session.",
        3,
        (
            "## How\n\n1. Breathe in through your nose for four counts.\n2. Hold for four.\n"
            "3. Breathe out for four.\n4. Hold for four.\n\nRepeat for three minutes.\n"
        ),
        False,
    ),
    (
        "grounding-five-senses",
        Resource.Kind.EXERCISE,
        Area.INTRUSIVE_IMAGES,
        "Grounding with your five senses",
        "When an image from work comes back, bring yourself back to the room you are in.",
        5,
        (
            "## Notice\n\n- five things you can see,\n- four you can touch,\n- three you can "
            "hear,\n- two you can smell,\n- one you can taste.\n\nName them, out loud if you can.\n"
        ),
        False,
    ),
    (
        "wind-down-before-sleep",
        Resource.Kind.EXERCISE,
        Area.SLEEP,
        "A wind-down routine before sleep",
        "A short routine that helps you leave the day's work at work.",
        10,
        (
            "## Routine\n\nWrite down what is on your mind, then close the notebook. Dim the "
            "lights, put screens away, and do the box breathing exercise.\n"
        ),
        False,
    ),
    (
        "secondary-trauma-explained",
        Resource.Kind.ARTICLE,
        Area.INTRUSIVE_IMAGES,
        "Secondary traumatic stress, explained",
        "What repeated exposure to other people's trauma can do, and the early signs to watch for.",
        None,
        (
            "## What it is\n\nSecondary traumatic stress comes from exposure to other people's "
            "trauma. It is a normal reaction to abnormal material, not a weakness.\n\n## "
            "Early signs\n\n- images or sounds that come back without warning,\n"
            "- trouble sleeping,\n"
            "- irritability or numbness,\n- avoiding parts of the work.\n\n## What helps\n\n"
            "Most reactions ease within days when the work is planned: limits on exposure time, "
            "breaks between review sessions, colleagues who talk about the work, and tools that "
            "blur previews and match known material by hash so that it is not viewed again. If "
            "signs last for weeks or get worse, speak to occupational health or a counsellor "
            "who works with investigators; it is a sign of good practice, not of failure.\n"
        ),
        True,
    ),
    (
        "after-a-hard-session",
        Resource.Kind.EXERCISE,
        Area.INTRUSIVE_IMAGES,
        "After a hard session",
        "Ten minutes between distressing material and the rest of your day.",
        10,
        (
            "## Close the session\n\nWrite one line on where you stopped, so the work does not "
            "follow you home unfinished. Close the files.\n\n## Change the channel\n\nStand "
            "up, drink water, look out of a window or walk for five minutes. Talk to someone "
            "about something ordinary.\n\n## Check in\n\nAsk yourself how you are, from 1 to "
            "10. If the answer is low, tell a colleague or your supervisor today; the support "
            "directory lists who else you can call.\n"
        ),
        False,
    ),
    (
        "managing-workload",
        Resource.Kind.ARTICLE,
        Area.WORKLOAD,
        "Managing a workload that never ends",
        "Backlogs in this work do not empty. How to set limits that keep you going.",
        None,
        (
            "## Limits help the work\n\nAgree a maximum exposure time per day with your "
            "supervisor, plan non-exposure tasks between review sessions, and protect your "
            "leave.\n"
        ),
        False,
    ),
    (
        "asking-for-support",
        Resource.Kind.ARTICLE,
        Area.SUPPORT,
        "Asking for support",
        "Talking to colleagues, supervisors and professionals: how to start the conversation.",
        None,
        (
            "## Start small\n\nYou do not need to describe the material. “This week has been "
            "hard” is enough to start. Peer supporters and counsellors who work with "
            "investigators know the rest.\n"
        ),
        False,
    ),
]

# (name, country, kind, how to reach, hours)
SERVICES = [
    ("Investigator Support Line (demo)", "", SupportService.Kind.HELPLINE,
     "+00 000 000 0000 (fictional) · support@example.org", "24 hours"),
    ("Online Peer Circle (demo)", "", SupportService.Kind.ONLINE,
     "https://peer-circle.example.org (fictional)", "Weekly, Thursdays 18:00 UTC"),
    ("Police Welfare Counselling (demo)", "United Kingdom", SupportService.Kind.COUNSELLING,
     "+44 0000 000000 (fictional)", "Monday to Friday, 8:00-18:00"),
    ("Blue Light Peer Support (demo)", "United Kingdom", SupportService.Kind.PEER_SUPPORT,
     "peers@example.org (fictional)", "Evenings and weekends"),
    ("Bedrijfszorg Politie (demo)", "Netherlands", SupportService.Kind.OCCUPATIONAL_HEALTH,
     "+31 00 000 0000 (fictional)", "Maandag tot vrijdag, 9:00-17:00"),
    ("Polizei Seelsorge (demo)", "Germany", SupportService.Kind.COUNSELLING,
     "+49 000 0000000 (fictional)", "Rund um die Uhr"),
    ("Frontline Crisis Line (demo)", "Australia", SupportService.Kind.CRISIS,
     "+61 0 0000 0000 (fictional)", "24 hours"),
    ("Officer Wellness Program (demo)", "Canada", SupportService.Kind.OCCUPATIONAL_HEALTH,
     "wellness@example.org (fictional)", "Monday to Friday, 8:00-16:00"),
    ("Investigator Resilience Network (demo)", "United States", SupportService.Kind.PEER_SUPPORT,
     "+1 000 000 0000 (fictional)", "24 hours"),
]  # fmt: skip


def seed(*, tools: int | None = None) -> str:
    for slug, kind, area, title, summary, minutes, body, warning in RESOURCES:
        Resource.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "area": area,
                "title": title,
                "summary": summary,
                "minutes": minutes,
                "body": body,
                "content_warning": warning,
                "is_published": True,
            },
        )
    for name, country, service_kind, how_to_reach, hours in SERVICES:
        SupportService.objects.update_or_create(
            name=name,
            country=country,
            defaults={
                "kind": service_kind,
                "how_to_reach": how_to_reach,
                "hours": hours,
                "description": FICTIONAL,
                "is_listed": True,
            },
        )
    countries = {country for _, country, *_ in SERVICES if country}
    # Issue 21: the other five languages.
    translated = demo_i18n.apply(FICTIONAL, [name for name, *_ in SERVICES])
    return (
        f"{len(RESOURCES)} resources, {len(SERVICES)} fictional support services "
        f"in {len(countries)} countries and internationally ({translated} in six languages)"
    )
