"""Command palette providers: every app command, and "Go to entity…" fuzzy over the whole store."""
from __future__ import annotations

from functools import partial

from rich.console import RenderableType
from rich.text import Text
from textual.command import CommandInput, CommandPalette, DiscoveryHit, Hit, Hits, Provider

from dateline.store.index.fuzzy import positions, score
from dateline.tui.widgets.inert_widgets import InertHighlighter
from dateline.tui.safe_text import clean
from dateline.tui.widgets.dimmed_background import tinted_once

ENTITY_HITS = 20


class InertCommandPalette(CommandPalette):
    """Textual's command palette with its search field drawn inertly (a pasted escape stays visible), its
    dimmed background tinted once per style (``tinted_once``)."""

    def render(self) -> RenderableType:
        return tinted_once(self, super().render())

    def on_mount(self) -> None:
        self.query_one(CommandInput).highlighter = InertHighlighter()


class EntityProvider(Provider):
    """Entities by name or alias, answered by ``Store.search_entities`` (the whole store, typo-tolerant),
    with the matched letters of each name highlighted as Textual's own palette does."""

    async def search(self, query: str) -> Hits:
        app = self.app
        store = getattr(app, "store", None)
        if store is None or not query.strip():
            return
        for rank, entity in enumerate(store.search_entities(query, limit=ENTITY_HITS)):
            label = Text(no_wrap=True)
            label.append("Go to entity: ", style="dim")
            label.append_text(highlighted(entity.name, query, self.match_style))
            label.append(f"  {clean(entity.type)}", style="dim")
            if entity.aliases:
                label.append("  aka " + ", ".join(clean(a) for a in entity.aliases[:3]), style="dim italic")
            yield Hit(1.0 - rank / (ENTITY_HITS * 2), label, partial(app.go_to_entity, entity.id),
                      text=f"Go to entity: {clean(entity.name)}", help="Make this entity the focus")


def highlighted(name: str, query: str, match_style) -> Text:
    """``name`` shown inertly (``clean`` keeps offsets), its letters that match ``query`` in ``match_style``."""
    text = Text(clean(name), style="bold", no_wrap=True)
    style = getattr(match_style, "rich_style", None) or "bold underline"  # Textual's Style, as Rich draws it
    for at in positions(query, name):
        text.stylize(style, at, at + 1)
    return text


class DatelineCommands(Provider):
    """The app's own commands (the same actions its keys run), plus entity hits as you type."""

    def _commands(self) -> list[tuple[str, str, str]]:
        return self.app.palette_commands()

    async def discover(self) -> Hits:
        for name, action, help_text in self._commands():
            yield DiscoveryHit(name, partial(self.app.run_palette_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        for name, action, help_text in self._commands():
            value = score(query, name)
            if value > 0:
                yield Hit(value, name, partial(self.app.run_palette_action, action), help=help_text)
        async for hit in EntityProvider(self.screen, self.match_style).search(query):
            yield Hit(hit.score * 0.5, hit.match_display, hit.command, text=hit.text, help=hit.help)
