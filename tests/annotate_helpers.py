"""Shared pieces of the annotation Pilot tests: a store with a missed name and a duplicate, and helpers."""
from __future__ import annotations

from dateline.store import NewArticle
from tui_fake_store import settle

SIZE = (160, 50)
EXTRA_TITLE = "Geneva follow-up talks"
EXTRA_BODY = ("Vice Premier He Lifeng met H. Lutnick and Li Chenggang in Geneva on Friday.\n"
              "Officials said He Lifeng would return next month.")


def extra_article() -> NewArticle:
    """An article whose (hand-written) extraction missed He Lifeng and split Lutnick into a duplicate."""
    at = EXTRA_BODY.index("H. Lutnick")
    entity = {"name": "H. Lutnick", "type": "PERSON", "aliases": [], "roles": [], "ticker": None,
              "mentions": [{"start": at, "end": at + len("H. Lutnick"), "text": "H. Lutnick", "role": None}]}
    split = EXTRA_BODY.index("\n")
    return NewArticle(title=EXTRA_TITLE, body=EXTRA_BODY, url="https://example.com/extra", source="Example Wire",
                      published="2025-06-13", origin="extra.txt",
                      extraction={"entities": [entity], "events": [], "figures": []},
                      sentences=[(0, split), (split + 1, len(EXTRA_BODY))])


def mention_texts(store, entity_id: str) -> list[str]:
    return sorted(m.text for m in store.mentions_of(entity_id))


async def open_article(pilot, title_words: str) -> None:
    """Open an article in the reader from the articles pane (filter by title, enter)."""
    await pilot.press("escape", "escape", "3", "slash", *title_words, "enter", "enter")
    await settle(pilot)


async def select_text(pilot, text: str, occurrence: int = 0) -> tuple[int, int]:
    """Select ``text`` in the reader with its keys: `w` to its first word, `v`, `l` to its last letter."""
    reader = pilot.app.detail_pane.reader
    start = -1
    for _ in range(occurrence + 1):
        start = reader.data.body.index(text, start + 1)
    await pilot.press("g")
    for _ in range(len(reader.data.body)):
        if reader.text.offset >= start:
            break
        await pilot.press("w")
    assert reader.text.offset == start, "w stops at every word start"
    await pilot.press("v", *["l"] * (len(text) - 1))
    assert reader.data.body[slice(*reader.text.selection())] == text
    return start, start + len(text)


async def focus_entity(pilot, name: str) -> None:
    await pilot.press("escape", "escape", "1", "slash", *name, "enter")
    await settle(pilot)


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def card_text(app) -> str:
    card = app.detail_pane.card
    return "\n".join(card.render_row(line, 200).plain for line in card.lines)


def entity_rows(app) -> list[str]:
    return [line.data.entity.name for line in app.entities_pane.lines if line.selectable]


# ----- the reader -------------------------------------------------------------------------------------
