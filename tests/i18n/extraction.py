"""The msgids in the source, found the way `makemessages` finds them, without GNU gettext.

`make messages` runs Django's makemessages (xgettext) for developers; CI and a fresh machine have
no xgettext. This reads the same files (.py, .html, .txt outside tests, benchmarks, var and the
virtualenv), turns templates into gettext calls with Django's own `templatize` (what
makemessages feeds xgettext), and reads every call of makemessages' keywords whose arguments are
string literals. A test proves it finds exactly what the committed catalogues hold.
"""

import ast
import io
import tokenize
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
EXTENSIONS = {".py", ".html", ".txt"}
IGNORED = {"tests", "benchmarks", "var", "locale", "node_modules", "staticfiles", "build"}

# Keyword → positions of (context, msgid, plural) among the call's arguments, as makemessages
# passes them to xgettext (plus xgettext's own Python defaults).
KEYWORDS: dict[str, tuple[int | None, int, int | None]] = {
    "_": (None, 0, None),
    "gettext": (None, 0, None),
    "gettext_lazy": (None, 0, None),
    "gettext_noop": (None, 0, None),
    "ngettext": (None, 0, 1),
    "ngettext_lazy": (None, 0, 1),
    "pgettext": (0, 1, None),
    "pgettext_lazy": (0, 1, None),
    "npgettext": (0, 1, 2),
    "npgettext_lazy": (0, 1, 2),
}


@dataclass(frozen=True)
class Message:
    msgid: str
    context: str = ""
    plural: str = ""
    where: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.msgid)


def source_files() -> list[Path]:
    """The files makemessages reads: symlinks (the shared .venv) and dot-folders left out."""
    found = []
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT)
        parts = relative.parts
        if parts[0] in IGNORED or any(part.startswith(".") for part in parts):
            continue
        if any((ROOT / Path(*parts[: i + 1])).is_symlink() for i in range(len(parts))):
            continue
        if path.is_file() and path.suffix in EXTENSIONS:
            found.append(path)
    return found


def _calls(source: str) -> list[ast.Call]:
    lines = source.splitlines(keepends=True)
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    calls = []
    for index, token in enumerate(tokens[:-1]):
        following = tokens[index + 1]
        if token.type != tokenize.NAME or token.string not in KEYWORDS:
            continue
        if following.type != tokenize.OP or following.string != "(":
            continue
        depth = 0
        for end in tokens[index + 1 :]:
            if end.type == tokenize.OP and end.string in "([{":
                depth += 1
            elif end.type == tokenize.OP and end.string in ")]}":
                depth -= 1
                if depth == 0:
                    break
        text = _span(lines, token.start, end.end)
        try:
            node = ast.parse(text.strip(), mode="eval").body
        except SyntaxError:
            continue
        if isinstance(node, ast.Call):
            calls.append(node)
    return calls


def _span(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    if start[0] == end[0]:
        return lines[start[0] - 1][start[1] : end[1]]
    middle = lines[start[0] : end[0] - 1]
    return "".join([lines[start[0] - 1][start[1] :], *middle, lines[end[0] - 1][: end[1]]])


def _literal(call: ast.Call, position: int | None) -> str | None:
    if position is None:
        return ""
    if position >= len(call.args):
        return None
    arg = call.args[position]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    return None


def messages_in(path: Path) -> list[Message]:
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        # Templatized text is not Python: its indentation follows the HTML. Inside brackets the
        # tokenizer ignores indentation, and the blanked-out text holds no brackets of its own.
        text = "(\n" + templatize(text, origin=str(path)) + "\n)"
    found = []
    for call in _calls(text):
        name = call.func.id if isinstance(call.func, ast.Name) else ""
        context_at, msgid_at, plural_at = KEYWORDS.get(name, (None, 0, None))
        context, msgid, plural = (_literal(call, at) for at in (context_at, msgid_at, plural_at))
        if msgid and context is not None and plural is not None:
            where = str(path.relative_to(ROOT))
            found.append(Message(msgid=msgid, context=context, plural=plural, where=where))
    return found


def source_messages() -> dict[tuple[str, str], Message]:
    """Every (context, msgid) marked for translation in the source, with one place it is."""
    messages: dict[tuple[str, str], Message] = {}
    for path in source_files():
        for message in messages_in(path):
            messages.setdefault(message.key, message)
    return messages
