"""Right to left: logical CSS, mirrored pointers, charts and numbers that survive any locale."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.factories import MemberFactory, SelfCheckFactory

pytestmark = pytest.mark.django_db

STATIC = Path(settings.BASE_DIR) / "static"
# A physical side where a logical one mirrors by itself in Arabic.
PHYSICAL = re.compile(
    r"(?:margin|padding|border)-(?:left|right)\b|(?<![-\w])(?:left|right)\s*:"
    r"|text-align:\s*(?:left|right)|float:\s*(?:left|right)|clear:\s*(?:left|right)"
)


@pytest.mark.parametrize("path", sorted((STATIC / "css").glob("*.css")), ids=lambda p: p.name)
def test_stylesheets_use_logical_properties(path: Path) -> None:
    text = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.DOTALL)
    found = [line for line in text.splitlines() if PHYSICAL.search(line)]
    assert not found, f"{path.name}: physical sides: {found}"


def test_the_check_itself_finds_a_physical_side() -> None:
    assert PHYSICAL.search(".a { margin-left: 1rem; }")
    assert PHYSICAL.search(".a { left: 0; }")
    assert not PHYSICAL.search(".a { margin-inline-start: 1rem; inset-inline-start: 0; }")


def test_pointing_separators_turn_round_in_arabic() -> None:
    css = (STATIC / "css" / "guidance.css").read_text()
    assert '[dir="rtl"] .breadcrumbs li + li::before { content: "\u2039"; }' in css


@pytest.mark.parametrize("language", ["fr", "ru", "es", "ar"])
def test_the_self_check_chart_keeps_svg_numbers_in_every_language(
    client: Client, language: str
) -> None:
    member = MemberFactory(language=language)
    SelfCheckFactory(owner=member, sleep=3)
    SelfCheckFactory(owner=member, mood=2)
    SelfCheckFactory(owner=member, support=5)
    sign_in(client, member)
    content = client.get(reverse("wellbeing:checkins")).content.decode()
    svg = content[content.index("<svg") : content.index("</svg>")]
    numbers = re.findall(r'\s(?:cx|cy|x|y|x1|x2|y1|y2)="([^"]*)"', svg)
    assert numbers
    assert all(re.fullmatch(r"-?\d+(?:\.\d+)?", number) for number in numbers), numbers
    points = re.search(r'points="([^"]*)"', svg).group(1)
    assert re.fullmatch(r"[\d. ,]+", points)
    assert "," not in " ".join(numbers)


def test_the_chart_runs_left_to_right_in_arabic_too() -> None:
    css = (STATIC / "css" / "wellbeing.css").read_text()
    assert re.search(r"\.trend-chart \{ direction: ltr;", css)


def test_dates_are_in_the_readers_language(client: Client) -> None:
    member = MemberFactory(language="fr")
    check = SelfCheckFactory(owner=member)
    sign_in(client, member)
    content = client.get(reverse("wellbeing:checkin_detail", args=[check.pk])).content.decode()
    french_months = (
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
    )
    assert any(month in content for month in french_months.split())


SCRIPT_STRING = re.compile(r"\"([^\"\\\n]|\\.)*\"|'([^'\\\n]|\\.)*'")


@pytest.mark.parametrize("path", sorted((STATIC / "js").glob("*.js")), ids=lambda p: p.name)
def test_scripts_carry_no_words_of_their_own(path: Path) -> None:
    # What a script shows comes from the page (data- attributes, <template>s rendered through
    # the catalogue) or from JavaScriptCatalog: a literal phrase here would stay English.
    code = re.sub(r"//[^\n]*|/\*.*?\*/", "", path.read_text(), flags=re.DOTALL)
    phrases = [
        match.group(0)
        for match in SCRIPT_STRING.finditer(code)
        if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", match.group(0))
        and match.group(0)[1:-1] != "use strict"
        and match.group(0)[1] not in ".#["  # a CSS selector
    ]
    assert not phrases, f"{path.name}: {phrases}"


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_the_standalone_error_pages_follow_the_language(template: str) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override("ar"):
        assert '<html lang="ar" dir="rtl">' in render_to_string(template)
    assert '<html lang="en" dir="ltr">' in render_to_string(template)
