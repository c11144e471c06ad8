"""The five catalogues: every marked string is in each, translated, with the same placeholders.

`make messages` (Django's makemessages, which needs GNU gettext) writes the catalogues;
`tests/i18n/extraction.py` finds the same msgids in pure Python, so this runs on a machine
without gettext, CI's included.
"""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import to_locale
from pytest_django.fixtures import Settings as SettingsFixture

from tests.i18n.extraction import source_messages

LOCALE = Path(settings.LOCALE_PATHS[0])
TRANSLATED_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
# How many plural forms each language's catalogue has (its Plural-Forms header, as Django's own
# catalogues for these languages have them).
PLURAL_FORMS = {"ar": 6, "zh-hans": 1, "fr": 2, "ru": 4, "es": 3}

PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")


def catalogue_path(code: str) -> Path:
    return LOCALE / to_locale(code) / "LC_MESSAGES" / "django.po"


def catalogue(code: str) -> polib.POFile:
    path = catalogue_path(code)
    assert path.is_file(), f"No catalogue for {code}: {path} (run `make messages`)"
    return polib.pofile(str(path))


def entries(code: str) -> list[polib.POEntry]:
    return [entry for entry in catalogue(code) if not entry.obsolete]


def placeholders(text: str) -> list[str]:
    """The printf-style placeholders of `text`, named ones by name, `%%` left out."""
    text = text.replace("%%", "")
    return sorted(match.group("name") or match.group(0)[-1] for match in PLACEHOLDER.finditer(text))


@pytest.fixture(scope="module")
def in_source() -> dict:
    return source_messages()


def test_the_extraction_finds_strings_of_each_kind(in_source: dict) -> None:
    # Guards the extraction itself: a Python gettext_lazy, a template {% translate %}, a
    # {% blocktranslate %} with a variable, and an email template.
    keys = {msgid for _context, msgid in in_source}
    assert "official email address" in keys  # accounts/models.py
    assert "Skip to main content" in keys  # templates/base.html
    assert "Change language" in keys  # templates/includes/language_picker.html
    assert any("%(" in msgid for msgid in keys)  # blocktranslate variables
    assert any(message.where.endswith(".txt") for message in in_source.values())


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_marked_string_is_in_the_catalogue(code: str, in_source: dict) -> None:
    present = {(entry.msgctxt or "", entry.msgid) for entry in entries(code)}
    missing = [message for key, message in sorted(in_source.items()) if key not in present]
    assert not missing, (
        f"{len(missing)} msgids missing from {catalogue_path(code)} — run `make messages`: "
        + "; ".join(f"{m.msgid!r} ({m.where})" for m in missing[:20])
    )


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_nothing_is_fuzzy(code: str) -> None:
    # msgfmt and polib leave fuzzy entries out of the .mo: the reader would see English.
    fuzzy = [entry.msgid for entry in entries(code) if entry.msgid and "fuzzy" in entry.flags]
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries in {catalogue_path(code)}: {fuzzy[:20]}"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_every_msgid_is_translated(code: str) -> None:
    untranslated = [
        entry.msgid for entry in entries(code) if entry.msgid and not entry.translated()
    ]
    assert not untranslated, (
        f"{len(untranslated)} untranslated in {catalogue_path(code)}: {untranslated[:20]}"
    )


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_the_plural_forms_are_the_languages(code: str) -> None:
    header = catalogue(code).metadata.get("Plural-Forms", "")
    match = re.search(r"nplurals\s*=\s*(\d+)", header)
    assert match, f"{catalogue_path(code)} has no Plural-Forms header"
    assert int(match.group(1)) == PLURAL_FORMS[code]
    for entry in entries(code):
        if entry.msgid_plural and entry.translated():
            assert len(entry.msgstr_plural) == PLURAL_FORMS[code], entry.msgid


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_placeholders_survive_translation(code: str) -> None:
    wrong = []
    for entry in entries(code):
        if not entry.msgid or not entry.translated():
            continue
        if entry.msgid_plural:
            allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
            for form in entry.msgstr_plural.values():
                # A form may leave the number out ("one file"), never add a placeholder.
                if not set(placeholders(form)) <= allowed:
                    wrong.append((entry.msgid, form))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append((entry.msgid, entry.msgstr))
    assert not wrong, f"placeholders differ in {catalogue_path(code)}: {wrong[:10]}"


def test_placeholder_check_itself() -> None:
    assert placeholders("%(name)s has %(count)d tools, 100%% sure") == ["count", "name"]
    assert placeholders("%s of %s") == ["s", "s"]
    assert placeholders("%(nom)s") != placeholders("%(name)s")


def test_compiling_needs_no_gettext_and_leaves_out_fuzzy(
    tmp_path: Path, settings: SettingsFixture
) -> None:
    po_dir = tmp_path / "fr" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n > 1);",
    }
    po.append(polib.POEntry(msgid="Sign out", msgstr="Se déconnecter"))
    po.append(polib.POEntry(msgid="Help", msgstr="Aide", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="Contact", msgstr=""))
    po.save(str(po_dir / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]
    call_command("compile_translations", verbosity=0)
    with (po_dir / "django.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    assert compiled.gettext("Sign out") == "Se déconnecter"
    assert compiled.gettext("Help") == "Help"
    assert compiled.gettext("Contact") == "Contact"
    # Written whole and moved into place: nothing half-written is left, and the web process, which
    # may run as another user than the one that compiled, can read it.
    assert sorted(path.name for path in po_dir.iterdir()) == ["django.mo", "django.po"]
    assert (po_dir / "django.mo").stat().st_mode & 0o777 == 0o644


def test_the_compiled_files_stay_out_of_git() -> None:
    ignored = (Path(settings.BASE_DIR) / ".gitignore").read_text().split()
    assert "*.mo" in ignored
