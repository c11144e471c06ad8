"""Demo guidance: articles in every category, two learning paths. Safe to run again."""

from datetime import date

from catalog.models import Tool
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
            "disclosure, not in a footnote.\n"
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
            "the evidence.\n"
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
            "\n\n## Test it yourself\n\nRun a pilot on data you know the answer for, under "
            "supervision, before relying on the tool.\n"
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
            "its limits.\n"
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
            "use hash matching to avoid re-viewing known material.\n\n## Habits\n\nTake "
            "breaks, and talk about the work with colleagues and support services.\n"
        ),
        False,
    ),
]

PATHS = [
    (
        "getting-started-with-responsible-ai",
        "Getting started with responsible AI",
        "Five articles that cover the basics before you use any AI tool on a case.",
        [
            "proportionality-in-practice",
            "choosing-a-legal-basis",
            "data-protection-impact-assessments",
            "human-review-of-classifier-output",
            "reducing-exposure-with-tools",
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
            article.related_tools.set(
                published_tools[(index * 2) % len(published_tools) :][:2] or published_tools[:2]
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
    return f"{len(ARTICLES)} articles in {len(CATEGORIES)} categories, {len(PATHS)} paths"
