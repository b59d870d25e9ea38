"""Listing the app's keys for the help screen and the command palette, as the keymap left them."""
from __future__ import annotations

from typing import Any

from dateline.tui.app_host import AppHost
from dateline.tui.commands import EntityProvider, InertCommandPalette
from dateline.tui.dialogs.help_screen import HelpScreen


def bindings_of(app, node) -> dict:
    """A node's ``key -> [Binding]`` with the user's keymap applied (as Textual does when keys arrive)."""
    bindings = node._bindings.copy()
    if app._keymap:
        bindings.apply_keymap(app._keymap)
    return bindings.key_to_bindings


def key_sections(app, nodes) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(section, [(keys, description, binding id)]) for every binding that has an id."""
    sections = []
    for title, node in nodes:
        keys_by_id: dict[str, list[str]] = {}
        described: dict[str, str] = {}
        for key, bindings in bindings_of(app, node).items():
            for binding in bindings:
                if not binding.id:
                    continue  # inherited scroll keys and the like: not ours to document
                shown = app.get_key_display(binding) if key == binding.key else key
                if shown not in keys_by_id.setdefault(binding.id, []):
                    keys_by_id[binding.id].append(shown)
                described[binding.id] = binding.description or binding.action
        sections.append((title, [(", ".join(keys), described[ident], ident) for ident, keys in keys_by_id.items()]))
    sections.append(("Palette", [("ctrl+p", "Command palette (every command above, and Go to entity…)", "")]))
    return sections


def palette_commands(app, nodes) -> list[tuple[str, str, str]]:
    """(name, "node index:action", help) for every keyed command, "Go to entity…" first."""
    commands = [("Go to entity…", "0:go_to_entity_palette", "Fuzzy search over every entity in the store")]
    for number, (title, node) in enumerate(nodes):
        seen = set()
        for key, bindings in bindings_of(app, node).items():
            for binding in bindings:
                if not binding.id or binding.action in seen or binding.action == "go_to_entity_palette":
                    continue
                seen.add(binding.action)
                commands.append((f"{title}: {binding.description or binding.action}", f"{number}:{binding.action}",
                                 f"key: {key}"))
    return commands


class KeyListing:
    """The keys of ``app`` and its panes, for the help screen and the palette (one per app)."""

    def __init__(self, app: AppHost) -> None:
        self.app = app

    def key_nodes(self) -> list[tuple[str, Any]]:
        app = self.app
        return [("App", app), ("Entities pane", app.entities_pane), ("Timeline pane", app.timeline_pane),
                ("Articles pane", app.articles_pane), ("Article reader", app.detail_pane.reader),
                ("Entity card", app.detail_pane.card)]

    def key_sections(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """Every binding with its current (remapped) keys, by section, for the help screen."""
        return key_sections(self.app, self.key_nodes())

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """(name, "node_index:action", help) for every keyed command plus "Go to entity…"."""
        return palette_commands(self.app, self.key_nodes())

    def help(self) -> None:
        self.app.push_screen(HelpScreen(self.key_sections()))

    def go_to_entity_palette(self) -> None:
        self.app.push_screen(InertCommandPalette(providers=[EntityProvider], placeholder="Go to entity…"))

    def command_palette(self, enabled: bool) -> None:
        """`ctrl+p`: Textual's palette, with an inert search field (``enabled``: the app allows a palette)."""
        if enabled and not InertCommandPalette.is_open(self.app):
            self.app.push_screen(InertCommandPalette(id="--command-palette"))

    def run_palette_action(self, spec: str) -> None:
        number, action = spec.split(":", 1)
        node = self.key_nodes()[int(number)][1]
        if node is not self.app:
            node.focus()
        self.app.call_later(self.app.run_action, action, node)
