"""The shape of one language's building blocks for the demo tools' texts (issue 21)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """One capability's texts: as catalog.demo_content.Profile, with the two limits composed."""

    purpose: str  # completes "<tool name> …" in the summary and the description's first line
    how: str
    limits: tuple[str, str]
    data_protection: str
    human_rights: str


@dataclass(frozen=True)
class Words:
    """Everything a tool's four texts are composed from, in one language.

    The templates never put a term's name inside a sentence (where gender and case would have
    to agree with it): term names only appear in lists after a colon, joined by `separator`.
    """

    demo_note: str
    profiles: dict[str, Profile]
    maturity: dict[str, str]  # Tool.Maturity value → a full sentence
    licence: dict[str, str]  # English licence name → a full sentence
    deployment: dict[str, str]  # English deployment name → a full sentence, one list item each
    summary: str  # {name} {purpose}
    also: str  # {names}: the other capabilities' names
    description: str  # {note} {name} {purpose} {how} {also} {data} {languages} {platforms}
    # {countries} {stages} {deployment} {maturity} {licence} {limits}
    cloud: str  # added to the data-protection notes of a tool with a cloud deployment
    demo_text: str  # ends both notes
    separator: str
    lowercase: bool  # lower-case data types and stages in running lists, as English does
    space: str = " "  # between a note and what is added to it (none in Chinese)
