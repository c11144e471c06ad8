"""User-visible text in a template that is not inside {% translate %} or {% blocktranslate %}.

The template is read with Django's own lexer: translated tags and blocks, variables and comments
become a neutral mark, other tags vanish, and what is left is read as HTML. Text with a letter
in it, and the alt, title, aria-label and placeholder attributes, are what a reader sees.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.template.base import Lexer, TokenType

LETTER = re.compile(r"[^\W\d_]")
MARK = "\x00"  # stands for translated text or a variable: no letter in it
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "value"}
# Inputs whose `value` a reader sees as a label; hidden ones carry data.
LABELLED_INPUTS = {"submit", "button", "reset"}
TRANSLATING_BLOCKS = {"blocktranslate", "blocktrans"}


@dataclass(frozen=True)
class Untranslated:
    template: str
    line: int
    text: str


def skeleton(source: str) -> list[tuple[str, int]]:
    """The template's markup with translated text, variables and tags taken out, per line."""
    pieces: list[tuple[str, int]] = []
    closing: str | None = None
    for token in Lexer(source).tokenize():
        name = (token.contents.split(maxsplit=1) or [""])[0]
        if closing is not None:
            if token.token_type == TokenType.BLOCK and name == closing:
                closing = None
            continue
        if token.token_type == TokenType.TEXT:
            pieces.append((token.contents, token.lineno))
        elif token.token_type == TokenType.VAR:
            pieces.append((MARK, token.lineno))
        elif token.token_type == TokenType.BLOCK:
            if name in TRANSLATING_BLOCKS:
                closing = "end" + name
                pieces.append((MARK, token.lineno))
            elif name == "comment":
                closing = "endcomment"
            elif name in {"translate", "trans"}:
                pieces.append((MARK, token.lineno))
            elif name == "verbatim":
                closing = "endverbatim"
            elif name == "block" and token.contents.split()[1:2] == ["body_class"]:
                closing = "endblock"  # a class name for the stylesheet, never shown
    return pieces


class _Reader(HTMLParser):
    def __init__(self, template: str) -> None:
        super().__init__(convert_charrefs=True)
        self.template = template
        self.line_offset = 0
        self.found: list[Untranslated] = []
        self.hidden_depth = 0

    def _add(self, text: str) -> None:
        text = " ".join(text.replace(MARK, " ").split())
        if LETTER.search(text):
            line = self.line_offset + self.getpos()[0]
            self.found.append(Untranslated(self.template, line, text))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.hidden_depth += 1
        values = dict(attrs)
        for name, value in attrs:
            if name not in VISIBLE_ATTRIBUTES or not value:
                continue
            if name == "value" and (tag != "input" or values.get("type") not in LABELLED_INPUTS):
                continue
            self._add(value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self.hidden_depth -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.hidden_depth = max(0, self.hidden_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden_depth:
            self._add(data)


def untranslated_html(template: str, source: str) -> list[Untranslated]:
    reader = _Reader(template)
    reader.feed("".join(text for text, _line in skeleton(source)))
    reader.close()
    # The skeleton keeps every newline of the text it kept, so lines are close, not exact.
    return reader.found


def untranslated_text(template: str, source: str) -> list[Untranslated]:
    """For plain-text templates (emails): every piece of text with a letter in it."""
    found = []
    for text, line in skeleton(source):
        flat = " ".join(text.replace(MARK, " ").split())
        if LETTER.search(flat):
            found.append(Untranslated(template, line, flat))
    return found
