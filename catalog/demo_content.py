"""The words and terms of the demo catalogue: fictional tools that read like real entries.

Everything here is invented and says so: the providers, the tools and their figures. A tool's
texts are built from its own facets (what it does, what it reads, where it runs, its licence),
so that a description never contradicts the filters that find it. The words a member would type
("CSAM", "hash", "grooming") are in the texts of the tools that are about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from catalog import models

if TYPE_CHECKING:
    from collections.abc import Sequence

DEMO_NOTE = "Fictional demo entry: this tool does not exist and no real product is described."

TAXONOMY: dict[type[models.Term], list[str]] = {
    models.Capability: [
        "Hash matching", "Image and video classification", "Age estimation", "Face matching",
        "Object and scene detection", "Deduplication", "Triage and prioritisation",
        "OCR and text analysis", "Grooming and chat analysis", "Audio analysis",
        "OSINT and dark-web monitoring", "Geolocation", "Network and metadata analysis",
        "Redaction and blurring", "Translation",
    ],
    models.InvestigationStage: [
        "Report intake and triage", "Lawful acquisition", "Analysis and triage of seized media",
        "Victim identification", "Offender identification",
        "Prioritisation and risk assessment", "Case preparation and disclosure",
        "Investigator wellbeing",
    ],
    models.DataType: [
        "Images", "Video", "Audio", "Text and chat", "Network and metadata", "Documents",
    ],
    models.Deployment: ["On-premises", "Cloud", "Hybrid", "Air-gapped"],
    models.Licence: ["Open source", "Free for law enforcement", "Commercial"],
    models.Language: [
        "English", "French", "German", "Spanish", "Portuguese", "Italian", "Dutch", "Polish",
        "Arabic", "Russian", "Ukrainian", "Turkish", "Hindi", "Mandarin Chinese", "Japanese",
        "Swahili", "Tagalog", "Thai",
    ],
    models.Platform: ["Windows", "Linux", "macOS", "Web browser", "Android", "iOS"],
    models.Country: [
        "Australia", "Austria", "Belgium", "Brazil", "Canada", "Denmark", "Finland", "France",
        "Germany", "India", "Ireland", "Italy", "Japan", "Kenya", "Netherlands", "New Zealand",
        "Norway", "Philippines", "Poland", "Portugal", "Spain", "Sweden", "Switzerland",
        "Thailand", "United Kingdom", "United States",
    ],
}  # fmt: skip

PROVIDER_PARTS = (
    ["Northwind", "Bluefield", "Harbour", "Meridian", "Lantern", "Kestrel", "Granite",
     "Tidewater", "Orchard", "Summit"],
    ["Forensics", "Labs", "Analytics", "Research Institute", "Collective"],
)  # fmt: skip
TOOL_PREFIXES = [
    "Aegis", "Beacon", "Cairn", "Delta", "Ember", "Fathom", "Glimmer", "Halo", "Iris", "Juniper",
    "Keystone", "Lumen", "Mosaic", "Nimbus", "Onyx", "Prism", "Quill", "Ridge", "Sentinel",
    "Tessera", "Umbra", "Vigil", "Warden", "Xylem", "Yarrow", "Zephyr", "Atlas", "Bastion",
    "Compass", "Drift",
]  # fmt: skip
TOOL_SUFFIXES = [
    "Scan", "Sight", "Triage", "Lens", "Trace", "Sort", "Match", "Map", "Guard", "Check",
    "Finder", "Sift", "Index", "Link", "Watch", "Shield", "Graph", "Reader", "Voice", "Blur",
]  # fmt: skip


@dataclass(frozen=True)
class Profile:
    """What a tool with this capability does, reads, cannot do, and asks of its users."""

    purpose: str  # completes "<tool name> …"; short, for the summary
    how: str  # a paragraph on how it works
    limits: tuple[str, ...]
    data_types: tuple[str, ...]  # what such a tool can read, most typical first
    data_protection: str
    human_rights: str


PROFILES = {
    "Hash matching": Profile(
        "matches seized media against known CSAM hash lists, so that known material is "
        "recognised without anyone viewing it again",
        "It computes a cryptographic hash (MD5, SHA-1) and a perceptual hash of every image and "
        "video frame and compares them with the hash lists your agency is entitled to use, such "
        "as a national CSAM hash database. Exact matches are certain; perceptual matches also "
        "find resized, recompressed or lightly cropped copies and come with a distance score "
        "that an analyst confirms.",
        (
            (
                "A hash match only finds material that is already known: new material, and victims "
                "not yet identified, are never matched."
            ),
            (
                "Perceptual hashes miss heavily cropped, mirrored or overlaid copies; in the "
                "provider's own test about 4 in 100 altered copies were missed."
            ),
            "The hash lists are not included: your agency must hold its own licence to them.",
        ),
        ("Images", "Video"),
        "Hash lists and match results relate to victims and suspects. Keep them on systems "
        "accredited for case data and delete match reports with the case.",
        "Matching known material spares investigators from viewing it again; a match is still "
        "a lead that a person confirms before it is relied on.",
    ),
    "Image and video classification": Profile(
        "classifies images and video as likely CSAM, adult or other material to speed up review",
        "A classifier scores each file for the likelihood that it shows child sexual abuse, "
        "adult content or neither, and groups files into review queues with the most likely "
        "first. Video is sampled at a configurable rate (one frame a second by default) and "
        "marked at the timestamps that raised the score.",
        (
            (
                "Scores are probabilities, not findings: the provider reports 91% recall at 5% "
                "false positives on its own test set, which may not resemble your casework."
            ),
            "Accuracy drops on low-light, low-resolution and heavily filtered images.",
            "Drawings and computer-generated material are classified less reliably.",
        ),
        ("Images", "Video"),
        "Classification of images of children is high-risk processing: a data-protection impact "
        "assessment is needed before use, and scores must be deleted with the case.",
        "Human review of every file that is charged is required; record where the analyst "
        "disagreed with the score.",
    ),
    "Age estimation": Profile(
        "estimates the apparent age of people in images to help decide whether material shows "
        "a child",
        "It detects each person in an image and gives an estimated age range with a confidence "
        "interval, such as 11 to 15 years. The estimate is meant to support an analyst's "
        "judgement and to prioritise review, not to replace a medical or expert opinion.",
        (
            (
                "Errors of three to five years are common, and larger in late adolescence, where "
                "the legal line usually falls."
            ),
            (
                "Accuracy varies with skin tone, make-up, lighting and pose; ask for the "
                "provider's figures by group."
            ),
            "It does not work on partially visible people or faces turned away.",
        ),
        ("Images", "Video"),
        "Estimating the age of a person from their face processes biometric data; the legal "
        "basis and retention must be set out before use.",
        "An age estimate must never be the only basis for a charge; disclose the method and "
        "its error range.",
    ),
    "Face matching": Profile(
        "suggests possible matches between faces across the media of a case, to help identify "
        "victims and offenders",
        "It detects faces, turns each into a template and lists pairs of faces that may belong "
        "to the same person, ranked by similarity. Matching runs only within the media you load "
        "for a case; it does not search the internet or other databases unless your agency "
        "connects one under its own legal basis.",
        (
            (
                "A similarity score is not an identification: false matches rise sharply with "
                "children's faces, low resolution and large age differences between images."
            ),
            (
                "Performance differs between demographic groups; the provider publishes figures "
                "for adults only."
            ),
            "Faces smaller than 40 pixels across are not matched.",
        ),
        ("Images", "Video"),
        "Face templates are biometric data, a special category in most data-protection laws. "
        "Delete templates with the case and never add them to a standing database.",
        "Matching against anything beyond the seized media needs its own legal basis and "
        "oversight; record who confirmed each identification.",
    ),
    "Object and scene detection": Profile(
        "finds objects, logos, text and scenes in images that help locate victims",
        "It tags what appears in each image (furniture, school uniforms, product labels, plug "
        "sockets, landscapes) and lets an analyst search a seizure for all images that show a "
        "given object or room. Victim-identification teams use it to group images taken in the "
        "same place.",
        (
            (
                "Tags come from a fixed vocabulary of about 3,000 objects; unusual or regional "
                "objects are often missed."
            ),
            "It does not say where a scene is: that is an analyst's work, or a geolocation tool's.",
            "Indoor scenes with little detail give few useful tags.",
        ),
        ("Images", "Video"),
        "Tags of images of children are personal data about them; keep them with the case.",
        "Sharing scene crops outside the agency for identification must follow your victim "
        "identification protocol.",
    ),
    "Deduplication": Profile(
        "removes duplicate and near-duplicate files from large seizures so that each item is "
        "reviewed once",
        "It groups exact copies by hash and near-copies (resized, recompressed, renamed) by "
        "visual similarity, keeps one representative of each group and records where every "
        "copy was found, so that the count of items stays correct for charging.",
        (
            (
                "Near-duplicate grouping can join two different images that look alike; check "
                "groups before charging on counts."
            ),
            "Encrypted archives must be opened first; it does not decrypt.",
            "Documents are compared by text, so scanned copies of the same page may not group.",
        ),
        ("Images", "Video", "Documents"),
        "Works on case data: run it on accredited systems and keep its reports with the case.",
        "Fewer views of the same material means less exposure for staff.",
    ),
    "Triage and prioritisation": Profile(
        "ranks incoming reports and seized devices so that children at immediate risk come first",
        "It reads referrals (for example from online platforms' CSAM reports) and first-pass "
        "extractions of devices, scores them on signs of ongoing abuse, contact with children "
        "or newly produced material, and orders the queue. Every score comes with the reasons "
        "that raised it, so a supervisor can overrule it.",
        (
            "It ranks; it does not clear: a low score does not mean a report is safe to close.",
            (
                "The weighting reflects the provider's pilot agencies; tune it with your own "
                "supervisors."
            ),
            "Reports with little metadata get middling scores whatever their content.",
        ),
        ("Images", "Video", "Text and chat", "Network and metadata", "Documents"),
        "Processes reports about suspects and victims; access must be limited to the triage "
        "team and decisions logged.",
        "Record why a ranking was accepted or overruled: automated prioritisation decides who "
        "is looked at first.",
    ),
    "OCR and text analysis": Profile(
        "reads text in images, screenshots and documents and makes it searchable",
        "Optical character recognition extracts printed and handwritten text from images, "
        "scans and screenshots; the text is then indexed with names, usernames, phone numbers "
        "and addresses picked out, so that an analyst can search a whole seizure for a "
        "username.",
        (
            "Handwriting and stylised fonts are read poorly; check every extracted identifier.",
            "Languages outside its list are extracted as characters but not analysed.",
            "Text inside video is only read from sampled frames.",
        ),
        ("Images", "Documents", "Text and chat"),
        "Extracted names and identifiers are personal data of third parties too; keep them "
        "with the case.",
        "Identifiers found by software are leads; confirm them before any action against a person.",
    ),
    "Grooming and chat analysis": Profile(
        "flags grooming patterns in chat logs, such as requests for secrecy, gifts and moves "
        "to private channels",
        "It reads chat exports from phones and platforms, reconstructs conversations and marks "
        "messages that match known grooming stages: building trust, isolating the child, "
        "requests for secrecy, sexualised talk and arranging to meet. A timeline shows how a "
        "conversation escalated, and each flag links to the messages behind it.",
        (
            (
                "Slang, emoji and code words change quickly; grooming detection misses what it has "
                "not seen, and flags banter between adults."
            ),
            "Age of the people in a chat is not known to it; it relies on what they say.",
            "Works best on one-to-one chats; group chats give more false flags.",
        ),
        ("Text and chat",),
        "Chat logs hold the words of children and of people with no part in the offence; "
        "minimise what is extracted and keep it with the case.",
        "A flag is not proof of intent: the full conversation must be read in context before "
        "it is used.",
    ),
    "Audio analysis": Profile(
        "transcribes and searches audio and the sound of video recordings",
        "Speech is transcribed with timestamps and speakers are separated, so that an analyst "
        "can search hours of recordings for a name or phrase and listen only to the passages "
        "that matter. Background sounds (traffic, announcements, languages spoken) are tagged "
        "to help place a recording.",
        (
            "Transcripts of children's voices, whispers and noisy rooms contain many errors.",
            "Speaker separation does not identify anyone; it only tells voices apart.",
            "Languages outside its list are not transcribed.",
        ),
        ("Audio", "Video"),
        "Voices are personal data and can be biometric data; do not keep voice prints beyond "
        "the case.",
        "Listening is exposure too: mute audio by default and transcribe first.",
    ),
    "OSINT and dark-web monitoring": Profile(
        "monitors open sources and hidden services for leads on offenders and new material",
        "It collects posts from forums, hidden services and public social media that your "
        "agency has the authority to watch, groups them by author and alias, and alerts when a "
        "watched username, phrase or hash appears. Collected pages are archived with a "
        "timestamp and checksum for evidence.",
        (
            (
                "It sees only what is publicly reachable; closed groups need an undercover officer "
                "and the authority for one."
            ),
            "Alias linking is probabilistic and must be confirmed.",
            "Hidden services come and go: coverage is never complete.",
        ),
        ("Network and metadata", "Text and chat", "Images"),
        "Collects personal data of many people who are not suspects; the legal basis for "
        "monitoring must be recorded and collection limited to the purpose.",
        "Systematic monitoring of open sources can be surveillance; it needs authorisation and "
        "periodic review.",
    ),
    "Geolocation": Profile(
        "suggests where a photo or video was taken, from its metadata and what it shows",
        "It reads location metadata where present and otherwise compares skylines, vegetation, "
        "road markings, signs and power sockets with reference imagery to propose candidate "
        "regions, each with its reasons. Victim-identification teams use the candidates to "
        "decide which country to ask for help.",
        (
            (
                "Most shared images have had their metadata removed; visual estimates are often "
                "only country-level."
            ),
            "Indoor images rarely give a location.",
            "Reference imagery is thinner outside Europe and North America.",
        ),
        ("Images", "Video"),
        "A location can identify a victim's home; share candidates only through your victim "
        "identification channels.",
        "Acting on a candidate location needs corroboration first.",
    ),
    "Network and metadata analysis": Profile(
        "links accounts, devices and payments through their metadata",
        "It imports subscriber records, IP logs, device identifiers and payment data obtained "
        "with the right legal orders and draws the links between them as a graph, so that an "
        "analyst sees which accounts share a device or an address over time.",
        (
            "Shared IP addresses (mobile networks, VPNs, cafés) create false links.",
            "The graph is only as complete as the orders that obtained the data.",
            "Time zones in imported logs must be checked; it assumes UTC unless told.",
        ),
        ("Network and metadata",),
        "Communications data is tightly regulated; record the order behind every imported "
        "record and delete what the case does not need.",
        "People linked by a shared address are not suspects by that alone.",
    ),
    "Redaction and blurring": Profile(
        "blurs, greyscales or masks material so that investigators see less of it",
        "Previews are blurred or shown in greyscale by default, with a click to reveal only the "
        "part an analyst needs; audio is muted until asked for. For disclosure, faces and "
        "bodies can be masked and the masked copy exported with a log of every change.",
        (
            (
                "Automatic masking misses some faces and bodies; check exported copies frame by "
                "frame before disclosure."
            ),
            "Blurring reduces exposure; it does not remove it.",
            "Video export is slow: about real time on a standard workstation.",
        ),
        ("Images", "Video", "Documents"),
        "Runs on case data; exported copies are evidence and must be controlled like it.",
        "Designed to reduce investigators' exposure to distressing material.",
    ),
    "Translation": Profile(
        "translates chat, documents and transcripts for review",
        "Machine translation turns foreign-language chat, documents and transcripts into the "
        "reviewer's language, keeping the original beside each line. Slang and abbreviations "
        "common in chat are flagged where the translation is uncertain.",
        (
            (
                "Machine translation of slang and sexual language is unreliable; a qualified "
                "interpreter must check anything that is relied on."
            ),
            "Rare languages are translated through English, which loses nuance.",
            "Translated text is not evidence; the original is.",
        ),
        ("Text and chat", "Documents", "Audio"),
        "Text sent for translation is case data; with a cloud deployment it leaves your "
        "network, so check the provider's processing agreement.",
        "A mistranslation can change the meaning of a message; disclose that translation was "
        "automated.",
    ),
}

# Kept for older callers: one short phrase for each capability.
PURPOSES = {name: profile.purpose for name, profile in PROFILES.items()}

MATURITY: dict[str, str] = {
    models.Tool.Maturity.RESEARCH: (
        "a research prototype: it comes from a university project, has no service-level "
        "agreement and suits supervised pilots only"
    ),
    models.Tool.Maturity.PILOT: (
        "in pilot with a few agencies: features still change between releases and the provider "
        "asks for feedback"
    ),
    models.Tool.Maturity.PRODUCTION: (
        "in production use: releases are versioned, change notes are published and support "
        "answers within one working day"
    ),
}
LICENCE = {
    "Open source": "It is open source, so your own staff can inspect and audit the code.",
    "Free for law enforcement": (
        "It is free for law-enforcement agencies once the provider has checked the agency."
    ),
    "Commercial": (
        "It is sold under a commercial licence, priced per seat; ask about agency-wide terms."
    ),
}
DEPLOYMENT = {
    "On-premises": "installed on your own servers, so case data stays on your network",
    "Cloud": (
        "run by the provider in its cloud, so case data leaves your network for the provider's "
        "data centre"
    ),
    "Hybrid": (
        "hybrid: analysis runs on your servers and only model updates come from the provider's "
        "cloud"
    ),
    "Air-gapped": "able to run air-gapped, with updates delivered on signed media",
}


def _listing(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def fitting_data_types(capabilities: Sequence[str], drawn: Sequence[str]) -> list[str]:
    """The data types among `drawn` that the capabilities can read, never none."""
    fit = {kind for name in capabilities for kind in PROFILES[name].data_types}
    kept = [kind for kind in drawn if kind in fit]
    return kept or [PROFILES[capabilities[0]].data_types[0]]


# Only tools that cut what investigators must see serve the wellbeing stage.
SPARING = {
    "Hash matching",
    "Deduplication",
    "Redaction and blurring",
    "Image and video classification",
}
WELLBEING_STAGE = "Investigator wellbeing"
DEFAULT_STAGE = "Analysis and triage of seized media"


def fitting_stages(capabilities: Sequence[str], drawn: Sequence[str]) -> list[str]:
    """The stages among `drawn` that fit the capabilities, never none."""
    sparing = SPARING.intersection(capabilities)
    kept = [stage for stage in drawn if stage != WELLBEING_STAGE or sparing]
    return kept or [DEFAULT_STAGE]


def texts(name: str, maturity: str, facets: dict[str, list[str]]) -> dict[str, str]:
    """Summary, description and notes of a demo tool, in agreement with its facets.

    `facets` maps each facet field of Tool to the names of its terms.
    """
    capabilities = facets["capabilities"]
    main = PROFILES[capabilities[0]]
    others = [PROFILES[c] for c in capabilities[1:]]
    deployments = facets["deployments"]
    licence = facets["licences"][0] if facets["licences"] else ""
    also = f"\n\nIt also {_listing([p.purpose.split(',')[0] for p in others])}." if others else ""
    where = "; or ".join(DEPLOYMENT[d] for d in deployments)
    limits = "\n".join(f"- {limit}" for profile in [main, *others] for limit in profile.limits[:2])
    description = (
        f"**{DEMO_NOTE}**\n\n"
        f"{name} {main.purpose}.\n\n{main.how}{also}\n\n"
        "## What it works with\n\n"
        f"- Data: {_listing(facets['data_types']).lower()}.\n"
        f"- Languages (of its screens, and of any text or speech it reads): "
        f"{_listing(facets['languages'])}.\n"
        f"- Runs on: {_listing(facets['platforms'])}.\n"
        f"- Available in: {_listing(facets['countries'])}.\n"
        f"- Stages of an investigation: {_listing(facets['stages']).lower()}.\n\n"
        "## Deployment and licence\n\n"
        f"{name} is {where}. It is {MATURITY[maturity]}. {LICENCE.get(licence, '')}\n\n"
        f"## Known limits\n\n{limits}\n\n"
        "## Before you use it\n\n"
        "Ask your legal adviser which power covers the processing, complete a data-protection "
        "impact assessment, and run a supervised pilot on a case whose answers you already "
        "know. The figures above are the (fictional) provider's own; test them on your data."
    )
    cloud = (
        " With the cloud deployment case data leaves your network: check the data centre's "
        "country and the processing agreement, and that the provider may not train on it."
        if "Cloud" in deployments
        else ""
    )
    return {
        "summary": f"{name} {main.purpose}. (Demo entry.)"[:300],
        "description": description,
        "data_protection_notes": f"{main.data_protection}{cloud} (Demo text.)",
        "human_rights_notes": f"{main.human_rights} (Demo text.)",
    }


# (context, what worked, limits): members' reviews, fictional
REVIEW_TEXTS = [
    (
        "Used on a backlog of 38 seized devices in a regional unit over six weeks.",
        "Set-up took an afternoon; the audit log answered every question the defence asked.",
        "About one suggestion in ten was wrong and had to be checked by hand.",
    ),
    (
        "Trialled during a three-month pilot with two analysts and a supervisor.",
        "Clear audit log and a vendor who answered within a day.",
        "No export to our case-management system, so results were copied by hand.",
    ),
    (
        "Used for triage of incoming platform reports in a national centre.",
        "Urgent reports reached an officer on the day they arrived instead of the next week.",
        "The licence is expensive for a small team, and the weighting needed tuning.",
    ),
    (
        "Used on one large case with several hundred thousand images.",
        "Blurred previews by default: the team reported less strain than on earlier cases.",
        "Slow on video; we left it running overnight.",
    ),
]
