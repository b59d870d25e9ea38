"""Markdown to readable text: drop the markup people do not read, keep words and paragraphs."""
from __future__ import annotations

import re

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_INLINE = [
    (re.compile(r"<!--.*?-->", re.S), ""),
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                   # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),               # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),              # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),                # <https://autolink>
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),       # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # *italic*
    (re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"), r"\1"),    # _italic_
    (re.compile(r"`([^`\n]+)`"), r"\1"),                         # inline code
]


def leading_heading(text: str) -> tuple[str | None, str]:
    """A title from a first ``# Heading`` (or underlined heading) line, and the text after it."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    match = _HEADING.match(first)
    if match and match["text"]:
        return clean_inline(match["text"]), rest
    second, _, after = rest.partition("\n")
    if first.strip() and _SETEXT_UNDERLINE.match(second) and second.strip()[0] == "=":
        return clean_inline(first.strip()), after
    return None, text


def markdown_to_text(text: str) -> str:
    """Paragraph text of a Markdown document."""
    out: list[str] = []
    for line in text.split("\n"):
        if _FENCE.match(line) or _RULE.match(line) or _REFERENCE_DEFINITION.match(line):
            continue
        if _SETEXT_UNDERLINE.match(line) and out and out[-1].strip():
            continue
        heading = _HEADING.match(line)
        if heading:
            line = heading["text"]
        line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quotes
        out.append(clean_inline(line))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip()


def clean_inline(line: str) -> str:
    for pattern, replacement in _INLINE:
        line = pattern.sub(replacement, line)
    return line
