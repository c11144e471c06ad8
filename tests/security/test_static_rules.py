"""Our own static rules for Django, over the hub's source (semgrep's job; see README Security).

- no raw SQL built with formatting (f-strings, %, +, .format) in .raw/.extra/RawSQL/execute;
- no mark_safe (or SafeString) on anything but a literal;
- no `|safe` filter or `{% autoescape off %}` in templates;
- no csrf_exempt;
- DEBUG is never switched on in the settings production reads.

Each rule is shown to catch a sample of what it forbids, so that it can fail.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "var", "tests", "migrations", "node_modules", ".git", "benchmarks"}

SQL_CALLS = {"raw", "extra", "execute", "executemany", "RawSQL"}
SAFE_CALLS = {"mark_safe", "SafeString", "SafeText"}


def source_files() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if not SKIP.intersection(p.relative_to(ROOT).parts))


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _formatted(node: ast.expr) -> bool:
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        return True
    return isinstance(node, ast.Call) and _name(node.func) == "format"


def violations(source: str, *, settings_file: bool = False) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            first = node.args[0] if node.args else None
            if name in SQL_CALLS and first is not None and _formatted(first):
                found.append(f"line {node.lineno}: SQL built with formatting in {name}()")
            if name in SAFE_CALLS and not (
                isinstance(first, ast.Constant) and isinstance(first.value, str)
            ):
                found.append(f"line {node.lineno}: {name}() on something not a literal")
        if isinstance(node, ast.Name | ast.Attribute) and _name(node) == "csrf_exempt":
            found.append(f"line {node.lineno}: csrf_exempt")
        if settings_file and isinstance(node, ast.Assign):
            targets = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if "DEBUG" in targets and not _debug_off_by_default(node.value):
                found.append(f"line {node.lineno}: DEBUG may be on in production")
    return found


def _debug_off_by_default(value: ast.expr) -> bool:
    """Only `DEBUG = env_bool("DEBUG", False)` is allowed."""
    return (
        isinstance(value, ast.Call)
        and _name(value.func) == "env_bool"
        and len(value.args) == 2
        and isinstance(value.args[1], ast.Constant)
        and value.args[1].value is False
    )


def template_violations(text: str) -> list[str]:
    import re

    return [
        what
        for what, pattern in {
            "|safe filter": r"\|\s*safe\b",
            "autoescape off": r"{%\s*autoescape\s+off",
        }.items()
        if re.search(pattern, text)
    ]


FILES = source_files()


def test_the_source_is_found():
    assert ROOT / "hub" / "settings.py" in FILES
    assert len(FILES) > 20


# Each exception: the file, the finding allowed there (without its line number), how many
# times, and why. Anything else in the file still fails.
SOURCE_EXCEPTIONS = {
    "hub/markdown.py": (
        "mark_safe() on something not a literal",
        1,
        "curators' Markdown after nh3 has sanitised it (test_markdown_is_sanitised proves it)",
    ),
    "catalog/demo.py": (
        "SQL built with formatting in",
        3,
        (
            "demo bulk load: only table and column names from the models are formatted in; "
            "every value is a query parameter"
        ),
    ),
}


def _unexcused(relative: str, found: list[str]) -> list[str]:
    if relative not in SOURCE_EXCEPTIONS:
        return found
    allowed, times, _why = SOURCE_EXCEPTIONS[relative]
    excused = [f for f in found if allowed in f]
    rest = [f for f in found if allowed not in f]
    return rest + (excused if len(excused) != times else [])


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_the_source_keeps_the_rules(path):
    relative = str(path.relative_to(ROOT))
    found = violations(path.read_text(), settings_file=path == ROOT / "hub" / "settings.py")
    assert not _unexcused(relative, found), f"{relative}: {found}"


def test_every_source_exception_is_still_needed():
    for relative, (allowed, times, _why) in SOURCE_EXCEPTIONS.items():
        found = [f for f in violations((ROOT / relative).read_text()) if allowed in f]
        assert len(found) == times, f"{relative}: update SOURCE_EXCEPTIONS ({found})"


# Each exception: the template, the exact text allowed there, and why.
TEMPLATE_EXCEPTIONS = {
    # Help text is written by developers, never by users (Django's own form templates do the
    # same, and allauth's password help is an HTML list).
    "templates/forms/field.html": "help_text|safe",
    # The QR code is an SVG that segno draws from the device's otpauth:// URL, which the
    # server makes (a random key and the hub's name): no user text reaches it.
    "templates/twofactor/setup.html": "qr_svg|safe",
}


def test_the_templates_keep_the_rules():
    from tests.security.test_templates import TEMPLATES

    found = {}
    for template in TEMPLATES:
        text = template.read_text()
        allowed = TEMPLATE_EXCEPTIONS.get(str(template.relative_to(ROOT)))
        if allowed:
            text = text.replace(allowed, "")
        if problems := template_violations(text):
            found[str(template.relative_to(ROOT))] = problems
    assert not found


@pytest.mark.parametrize(
    "bad",
    [
        'User.objects.raw(f"SELECT * FROM t WHERE id = {uid}")',
        "cursor.execute(\"SELECT * FROM t WHERE name = '%s'\" % name)",
        'cursor.execute("SELECT * FROM t WHERE name = " + name)',
        'qs.extra(where=["a"]) or qs.extra("x = {}".format(x))',
        "RawSQL(f'SELECT {column} FROM t', [])",
        "mark_safe(user_input)",
        'mark_safe(f"<b>{name}</b>")',
        "SafeString(text)",
        "@csrf_exempt\ndef view(request): pass",
        "urlpatterns = [path('x', csrf_exempt(view))]",
    ],
)
def test_each_rule_catches_what_it_forbids(bad):
    assert violations(bad)


@pytest.mark.parametrize(
    "bad", ["DEBUG = True", 'DEBUG = env_bool("DEBUG", True)', 'DEBUG = os.environ["DEBUG"]']
)
def test_debug_on_in_settings_is_caught(bad):
    assert violations(bad, settings_file=True)


@pytest.mark.parametrize(
    "good",
    [
        'cursor.execute("SELECT * FROM t WHERE id = %s", [uid])',
        'User.objects.raw("SELECT * FROM t WHERE id = %s", [uid])',
        'mark_safe("<br>")',
        'DEBUG = env_bool("DEBUG", False)',
    ],
)
def test_the_rules_let_safe_code_through(good):
    assert not violations(good, settings_file=True)


def test_template_rules_catch_safe_and_autoescape_off():
    assert template_violations("{{ body|safe }}")
    assert template_violations("{% autoescape off %}{{ x }}{% endautoescape %}")
    assert not template_violations("{{ body }}")
