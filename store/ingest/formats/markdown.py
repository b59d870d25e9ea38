"""Markdown to readable text with markdown-it-py (CommonMark, installed with Rich): the words and
paragraphs people read, without the markup (emphasis, links' URLs, images, fences, rules, HTML)."""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

_DROPPED_INLINE = {"image", "html_inline"}
_DROPPED_BLOCKS = {"hr", "html_block"}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def leading_heading(text: str) -> tuple[str | None, str]:
    """A title from a first ``# Heading`` (or ``===``-underlined heading), and the text after it."""
    tokens = _parser().parse(text)
    if len(tokens) < 3 or tokens[0].type != "heading_open" or tokens[0].markup == "-" or not tokens[0].map:
        return None, text
    title = _inline_text(tokens[1]).strip()
    if not title:
        return None, text
    lines = text.split("\n")
    return title, "\n".join(lines[tokens[0].map[1]:])


def markdown_to_text(text: str) -> str:
    """Paragraph text of a Markdown document: one block a paragraph, list items as ``- item``."""
    blocks: list[str] = []
    prefixes: list[str] = []  # the marker of each open list item, innermost last
    pending_item = ""
    lists: list[Token] = []
    for token in _parser().parse(text):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(token)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            marker = f"{token.info}{token.markup}" if lists and lists[-1].type == "ordered_list_open" else "-"
            pending_item = "  " * (len(lists) - 1) + marker + " "
            prefixes.append(pending_item)
        elif kind == "list_item_close":
            prefixes.pop()
        elif kind == "inline":
            line = _inline_text(token).strip(" \t")
            if pending_item:
                line, pending_item = pending_item + line, ""
            elif prefixes:
                line = " " * len(prefixes[-1]) + line
            blocks.append(line)
        elif kind in ("fence", "code_block"):
            blocks.append(token.content.rstrip("\n"))
        elif kind in _DROPPED_BLOCKS:
            continue
    return re.sub(r"\n{3,}", "\n\n", _join(blocks)).strip()


def _join(blocks: list[str]) -> str:
    """Paragraphs apart by a blank line; the items of one list on consecutive lines."""
    out: list[str] = []
    for block in blocks:
        if out and _is_item(block) and _is_item(out[-1].rsplit("\n", 1)[-1]):
            out[-1] += "\n" + block
        else:
            out.append(block)
    return "\n\n".join(out)


def _is_item(line: str) -> bool:
    return bool(re.match(r"\s*(-|\d+[.)]) ", line))


def _inline_text(token: Token) -> str:
    """The words of an inline token: text and code kept, breaks kept as written, markup dropped."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in _DROPPED_INLINE:
            continue
    return "".join(parts)
