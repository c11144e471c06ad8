"""Demo guidance: articles in every category, two learning paths. Safe to run again.

The articles are written for the demo but meant to be read: each says what a reader needs to
know before using a kind of tool, or after a hard day with one.
"""

from datetime import date

from catalog.models import Tool
from guidance import demo_i18n
from guidance.models import Article, Category, LearningPath, PathStep, Status

CATEGORIES = [
    ("ethics-and-human-rights", "Ethics and human rights"),
    ("legal-basis-and-admissibility", "Legal basis and admissibility"),
    ("data-protection", "Data protection"),
    ("procurement-and-evaluation", "Procurement and evaluation"),
    ("operational-use", "Operational use"),
]

# (slug, category slug, title, summary, body, content warning)
ARTICLES = [
    (
        "rights-of-victims-in-automated-triage",
        "ethics-and-human-rights",
        "The rights of victims in automated triage",
        (
            "Why every image in a seized collection belongs to a person with rights, and what "
            "that means when software sorts them."
        ),
        (
            "## A person behind every file\n\nTriage software ranks material so that children "
            "at risk are found sooner. Each file still depicts a person whose privacy and "
            "dignity continue to matter.\n\n## Practical consequences\n\n- Limit who sees "
            "material to those who must.\n- Prefer tools that blur or greyscale previews.\n- "
            "Record why a tool's ranking was accepted or overruled.\n"
        ),
        True,
    ),
    (
        "proportionality-in-practice",
        "ethics-and-human-rights",
        "Proportionality in practice",
        "A short method to weigh the intrusion of a tool against the aim of an investigation.",
        (
            "## Four questions\n\n1. Is the aim legitimate and pressing?\n2. Is the tool suited "
            "to it?\n3. Is there a less intrusive way?\n4. Is the remaining intrusion balanced "
            "by the benefit?\n\nWrite the answers down: the written reasoning is what a court "
            "or an oversight body will ask for.\n"
        ),
        False,
    ),
    (
        "admissibility-of-ai-assisted-evidence",
        "legal-basis-and-admissibility",
        "Admissibility of AI-assisted findings",
        "How to present findings that a tool helped produce so that they survive challenge.",
        (
            "## Describe the method\n\nA court needs to know what the tool did, how reliable it "
            "is and what a person checked. Keep the tool's version, settings and the analyst's "
            "verification notes.\n\n## Disclose limitations\n\nKnown error rates belong in the "
            "disclosure, not in a footnote.\n\n"
            "## Separate the lead from the finding\n\nWrite findings so that each one stands on "
            'what a person verified: "the analyst viewed the file and found …", not "the '
            "tool identified …\". The tool's part is how the file came to be looked at first.\n\n"
            "## Keep what a defence expert will ask for\n\n- the tool's name, version and model "
            "version on the day it ran;\n- its settings and thresholds, and who chose them;\n- "
            "the provider's published accuracy figures, and your own pilot's;\n- the files the "
            "tool set aside and how many of them a person sampled.\n\n"
            "## Expect challenge\n\nIf the method cannot be explained without the provider, ask "
            "the provider before the trial whether it will give evidence or documents, and what "
            "it will not disclose.\n"
        ),
        False,
    ),
    (
        "choosing-a-legal-basis",
        "legal-basis-and-admissibility",
        "Choosing a legal basis for a new tool",
        "Which powers typically cover analysis of lawfully seized media, and which do not.",
        (
            "## Start from the power you already use\n\nAnalysis of media seized under a "
            "warrant is usually covered by that warrant. Searching the open internet, or "
            "matching faces against other databases, usually needs its own basis.\n\n"
            "> Ask your legal adviser before a pilot, not after.\n"
        ),
        False,
    ),
    (
        "data-protection-impact-assessments",
        "data-protection",
        "Data protection impact assessments for investigative tools",
        "When a DPIA is required, who writes it, and what it should cover.",
        (
            "## When\n\nAny new processing that is likely to result in a high risk to people's "
            "rights needs an assessment before it starts. Classification of images of "
            "children is such processing.\n\n## What\n\n| Part | Question |\n|---|---|\n| "
            "Scope | What data, whose, how much? |\n| Necessity | Why this tool? |\n| Risks | "
            "What could go wrong, for whom? |\n| Measures | What reduces those risks? |\n"
        ),
        False,
    ),
    (
        "retention-and-deletion",
        "data-protection",
        "Retention and deletion of tool outputs",
        (
            "Hash lists, classifications and logs are personal data too. Keep them only as long "
            "as the case needs them."
        ),
        (
            "## Outputs are data\n\nA classification score attached to a file is information "
            "about a person. Retention schedules must cover tool outputs and logs, not only "
            "the evidence.\n\n"
            "## What to list\n\n- hash match reports and the hash list versions used;\n- "
            "classification scores and review queues;\n- face templates and match lists;\n- "
            "translations and transcripts;\n- the tool's own logs and caches, including on "
            "analysts' workstations.\n\n"
            "## When to delete\n\nTie each output to the case: when the case's retention "
            "period ends, its outputs go with it. Outputs of material that turned out not to "
            "be relevant go sooner. Ask the provider how to delete from the tool itself, and "
            "test it: some tools keep caches that survive deleting a case.\n"
        ),
        False,
    ),
    (
        "evaluating-vendor-accuracy-claims",
        "procurement-and-evaluation",
        "Evaluating vendors' accuracy claims",
        "Questions to ask before trusting a figure such as “99% accurate”.",
        (
            "## Accurate on what?\n\nAsk which data set the figure comes from, whether it "
            "resembles your casework, and how it varies with age, skin tone and image quality."
            '\n\n## One number is never enough\n\n"Accuracy" mixes two errors that matter '
            "differently: material the tool misses (false negatives) and material it flags "
            "wrongly (false positives). Ask for both, at the threshold you would use, and for "
            "how they change when the threshold moves.\n\n"
            "## Questions for the vendor\n\n- Who built the test set, and was it kept apart from "
            "the training data?\n- How many images of children, by age band, does it hold?\n- "
            "What happens on compressed, dark, cropped or screen-recorded material?\n- How often "
            "does the model change, and will you be told?\n\n"
            "## Test it yourself\n\nRun a pilot on data you know the answer for, under "
            "supervision, before relying on the tool. A closed case, reviewed in full by people, "
            "gives the missed and false counts that matter to you.\n"
        ),
        False,
    ),
    (
        "procurement-checklist",
        "procurement-and-evaluation",
        "A procurement checklist for AI tools",
        "Contract terms that protect your agency, your data and the people in it.",
        (
            "## In the contract\n\n- Data stays where you say it stays.\n- The supplier cannot "
            "train on your data.\n- You may audit, and you get notice of model changes.\n- "
            "There is a way out, with your data returned or destroyed.\n"
        ),
        False,
    ),
    (
        "human-review-of-classifier-output",
        "operational-use",
        "Human review of classifier output",
        "How to organise review so that people, not scores, make decisions.",
        (
            "## Review is a task, not a click\n\nPlan time for it. Rotate reviewers, limit "
            "session length, and record disagreements with the tool: they are how you learn "
            "its limits.\n\n"
            "## Who decides\n\nA classifier's score orders the work; a trained person decides "
            "what a file shows. Make that visible in the record: the reviewer's name, the "
            "decision and, where it differs from the score, a word on why.\n\n"
            "## Sampling what the tool set aside\n\nFiles with low scores are where missed "
            "material hides. Review a random sample of them on every case (for example 1 in 200, "
            "or at least 50 files), and raise the sample if it finds anything.\n\n"
            "## Thresholds\n\nSet the threshold for review from a pilot on your own casework, "
            "not from the vendor's default, and write down who chose it and when. Check it again "
            "after every model update.\n\n"
            "## Protecting reviewers\n\nShow previews blurred or in greyscale, mute audio, and "
            "let reviewers reveal only what they need. Sessions of no more than an hour or two "
            "with breaks, and a colleague to talk to afterwards, are part of doing the review "
            "well.\n"
        ),
        True,
    ),
    (
        "reducing-exposure-with-tools",
        "operational-use",
        "Reducing exposure with the tools you have",
        (
            "Settings and habits that cut the time investigators spend looking at distressing "
            "material."
        ),
        (
            "## Settings\n\nTurn on blurring and greyscale previews, mute audio by default and "
            "use hash matching to avoid re-viewing known material.\n\n"
            "## Order of work\n\nRun hash matching and deduplication before anyone looks: known "
            "and repeated files drop out of the queue. Then let classification order what is "
            "left, so that the material most likely to matter is reviewed while people are "
            "fresh, and review text (chats, file names) before images where the case allows.\n\n"
            "## Habits\n\nTake breaks, and talk about the work with colleagues and support "
            "services. Keep review out of the last hour of the day, and do something ordinary "
            "between a session and going home.\n\n"
            "## For supervisors\n\nRecord exposure time per person per week, rotate people "
            "through non-exposure tasks, and ask how people are after a hard case, not only "
            "when something seems wrong.\n"
        ),
        False,
    ),
    (
        "before-face-matching-on-seized-media",
        "legal-basis-and-admissibility",
        "Before you use face matching on seized media",
        (
            "What face matching can and cannot tell you, the legal basis it needs, and how to "
            "record a match so that it survives challenge."
        ),
        (
            "## What the tool does\n\nA face-matching tool finds faces in images and video, "
            "turns each into a numerical template, and lists pairs of faces that may show the "
            "same person, ranked by a similarity score. Used within one seizure it helps to "
            "group images of the same child, to link a victim across several cases, and to "
            "find the images in which an offender appears.\n\n"
            "A similarity score is not an identification. It says two faces look alike to the "
            "software; a trained person decides whether they are the same person, and that "
            "decision is what you rely on.\n\n"
            "## The legal basis\n\nFace templates are biometric data, a special category in "
            "most data-protection laws. Matching within media seized under a warrant is usually "
            "covered by the purpose of that warrant. Matching against anything else — a custody "
            "image database, another case, a public website — is a new processing with its own "
            "basis, and in several countries it needs prior authorisation. Ask your legal "
            "adviser before the first case, and write the answer into the data-protection "
            "impact assessment.\n\n"
            "## Accuracy on children's faces\n\nVendors' accuracy figures usually come from "
            "adults photographed in good light. Children's faces change quickly, images in "
            "seized media are often small, dark or compressed, and error rates differ between "
            "demographic groups. Before you rely on a tool:\n\n"
            "- ask the provider for figures on children, by age band and by group;\n"
            "- run a pilot on a closed case whose identifications are already known;\n"
            "- set the threshold for review from that pilot, not from the default.\n\n"
            "## Recording a match\n\nFor each identification you act on, record the tool and "
            "its version, the threshold, the score, who reviewed the pair and what else "
            "supports the identification. A court will ask how the match was made and how "
            "often the method is wrong: disclose the known error rates.\n\n"
            "## Limits that protect people\n\n- Delete templates with the case; never add them "
            "to a standing database.\n- Limit who can run searches, and log every search.\n"
            "- Never act against a person on a match alone.\n"
        ),
        False,
    ),
    (
        "hash-matching-explained",
        "operational-use",
        "Hash matching: what a match tells you",
        (
            "Cryptographic and perceptual hashes, CSAM hash lists, and why hash matching finds "
            "only what is already known."
        ),
        (
            "## Two kinds of hash\n\nA **cryptographic hash** (MD5, SHA-1, SHA-256) is a "
            "fingerprint of a file's exact bytes: change one pixel and the hash changes. A match "
            "means the file is identical to one already categorised. A **perceptual hash** "
            "(such as PhotoDNA or PDQ) describes what an image looks like, so resized or "
            "recompressed copies still match; each match comes with a distance, and a small "
            "distance is a strong lead, not a certainty.\n\n"
            "## Hash lists\n\nNational centres and international bodies keep lists of hashes "
            "of known, categorised child sexual abuse material (CSAM). Your agency needs the "
            "right to use each list, and the list's own rules (who may see it, whether hits may "
            "be shared) travel with it. Keep to the newest version: lists grow every week.\n\n"
            "## What a match does for you\n\n- Known material is set aside without anyone "
            "viewing it again, which protects your staff.\n- Counts of known material by "
            "category are ready for the charging decision.\n- Analysts can spend their time on "
            "what is not matched — where new victims are found.\n\n"
            "## What it cannot do\n\nHash matching never finds new material. A device with no "
            "hits is not a clean device, and the most important images in a case are often the "
            "ones no list contains. Pair it with classification and human review for the "
            "rest.\n\n"
            "## Recording\n\nNote the list and its version, the tool and its version, and for "
            "perceptual matches the distance threshold and who confirmed each hit.\n"
        ),
        False,
    ),
    (
        "triage-of-seized-devices",
        "operational-use",
        "Triage of seized devices",
        (
            "How to decide which devices to examine first, on site and in the lab, so that a "
            "child at risk is found before the backlog is cleared."
        ),
        (
            "## Why triage\n\nA single search can seize dozens of devices holding millions of "
            "files. Examining each one fully takes months. Triage is a quick, documented first "
            "look that decides which devices, and which parts of them, are examined first.\n\n"
            "## On site\n\n- Photograph devices as found and note who uses them.\n- Look for "
            "signs of ongoing contact with children: open chats, recent camera images, "
            "messaging apps used at night.\n- Keep running devices running where encryption "
            "would lock them; follow your acquisition procedure.\n\n"
            "## In the lab\n\nRun hash matching and deduplication first: they remove known and "
            "repeated material without anyone viewing it. Then use classification to order what "
            "is left, and chat analysis on messaging data. Devices that show recent production "
            "of material, or contact with a child, go to the front of the queue.\n\n"
            "## Keep it defensible\n\n- Triage tools only read; use write-blockers and verified "
            "images where your procedure requires them.\n- Record what was looked at, by which "
            "tool and version, and why a device was put back in the queue.\n- A device triaged "
            "as low priority is still examined before the case closes.\n\n"
            "## Look after the team\n\nTriage means seeing the worst material first and fast. "
            "Turn on blurred previews, mute audio, share the work, and plan breaks.\n"
        ),
        True,
    ),
    (
        "grooming-detection-in-chat-logs",
        "ethics-and-human-rights",
        "Grooming detection in chat logs",
        (
            "What software that flags grooming in chat logs looks for, where it goes wrong, and "
            "how to use its flags fairly."
        ),
        (
            "## What the software looks for\n\nGrooming usually follows recognisable stages: "
            "making contact and building trust, flattery and gifts, isolating the child from "
            "others, requests for secrecy, testing boundaries with sexual talk, asking for "
            "images, and arranging to meet. Grooming detection tools mark messages that match "
            "these stages and show how a conversation escalated over time.\n\n"
            "## Where it goes wrong\n\n- **Language changes.** Slang, emoji and code words "
            "move faster than any model; what it has not seen, it misses.\n- **Context.** Jokes "
            "between adults, sex education and conversations between teenagers of the same age "
            "can be flagged.\n- **Age.** The tool does not know who is a child; it relies on "
            "what people say about themselves.\n- **Languages.** Performance outside the main "
            "languages of its training data is much weaker.\n\n"
            "## Using flags fairly\n\nA flag is a pointer to messages to read, never proof of "
            "intent. Read the whole conversation before you rely on any part of it, note the "
            "messages that speak against the flag as well as those that support it, and "
            "disclose that software chose what was read first.\n\n"
            "## Privacy of others\n\nChat logs contain the words of children and of people with "
            "no part in the offence. Extract only the conversations the case needs, and keep "
            "them with the case.\n"
        ),
        True,
    ),
    (
        "wellbeing-after-exposure",
        "operational-use",
        "Looking after yourself after exposure",
        (
            "What is normal after viewing distressing material, what helps in the hours and "
            "days after, and when to ask for more support."
        ),
        (
            "## What is normal\n\nAfter a hard session many people notice images or sounds "
            "that come back without warning, trouble sleeping, irritability, or feeling numb. "
            "These are common reactions to abnormal material, not signs of weakness, and they "
            "usually ease within days.\n\n"
            "## In the hours after\n\n- Stop before you are exhausted: set a limit to each "
            "review session and keep to it.\n- Do something physical or ordinary before you go "
            "home: a walk, a conversation about something else.\n- Use a grounding or "
            "breathing exercise if an image comes back (see Wellbeing).\n\n"
            "## In the days after\n\nTalk to a colleague or peer supporter; you do not need to "
            "describe the material. Keep to your sleep and exercise routines, and notice if "
            "you are using alcohol to switch off.\n\n"
            "## When to ask for more\n\nIf reactions last more than a few weeks, get worse, or "
            "affect your home life, speak to occupational health or a counsellor who works "
            "with investigators. If you ever feel unsafe, call a crisis line now: the support "
            "directory lists the ones in your country.\n\n"
            "## For supervisors\n\nPlan exposure: rotate tasks, protect breaks and leave, check "
            "in after difficult cases, and make asking for help ordinary.\n"
        ),
        False,
    ),
]

# Articles about one capability link to tools that have it.
RELATED_CAPABILITY = {
    "before-face-matching-on-seized-media": "Face matching",
    "hash-matching-explained": "Hash matching",
    "triage-of-seized-devices": "Triage and prioritisation",
    "grooming-detection-in-chat-logs": "Grooming and chat analysis",
    "reducing-exposure-with-tools": "Redaction and blurring",
    "human-review-of-classifier-output": "Image and video classification",
}

PATHS = [
    (
        "getting-started-with-responsible-ai",
        "Getting started with responsible AI",
        "Six articles that cover the basics before you use any AI tool on a case.",
        [
            "proportionality-in-practice",
            "choosing-a-legal-basis",
            "data-protection-impact-assessments",
            "human-review-of-classifier-output",
            "reducing-exposure-with-tools",
            "wellbeing-after-exposure",
        ],
    ),
    (
        "bringing-in-a-new-tool",
        "Bringing in a new tool",
        "From the first vendor meeting to a tool your agency can defend in court.",
        [
            "evaluating-vendor-accuracy-claims",
            "procurement-checklist",
            "data-protection-impact-assessments",
            "admissibility-of-ai-assisted-evidence",
        ],
    ),
]


def seed(*, tools: int | None = None) -> str:
    categories = {}
    for position, (slug, name) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.update_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
    published_tools = list(Tool.objects.published().order_by("name")[:20])
    articles = {}
    for index, (slug, category, title, summary, body, warning) in enumerate(ARTICLES):
        article, created = Article.objects.update_or_create(
            slug=slug,
            defaults={
                "title": title,
                "category": categories[category],
                "summary": summary,
                "body": body,
                "content_warning": warning,
                "status": Status.PUBLISHED,
                "reviewed_on": date(2026, 10, 1),
            },
        )
        if created and published_tools:
            about = Tool.objects.published().filter(
                capabilities__name=RELATED_CAPABILITY.get(slug, "")
            )
            article.related_tools.set(
                list(about.order_by("name")[:3])
                or published_tools[(index * 2) % len(published_tools) :][:2]
                or published_tools[:2]
            )
        articles[slug] = article
    for slug, title, summary, steps in PATHS:
        path, _ = LearningPath.objects.update_or_create(
            slug=slug, defaults={"title": title, "summary": summary, "status": Status.PUBLISHED}
        )
        for position, article_slug in enumerate(steps, start=1):
            PathStep.objects.update_or_create(
                path=path, article=articles[article_slug], defaults={"position": position}
            )
    translated = demo_i18n.apply()  # issue 21: the other five languages
    return (
        f"{len(ARTICLES)} articles in {len(CATEGORIES)} categories, {len(PATHS)} paths"
        f" ({translated} in six languages)"
    )
