"""Listing the app's keys for the help screen and the command palette, as the keymap left them."""
from __future__ import annotations

from tui.commands import EntityProvider, InertCommandPalette
from tui.help_screen import HelpScreen


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
    """``DatelineApp``'s keys for the help screen and the palette (a mixin)."""

    def _key_nodes(self) -> list[tuple[str, object]]:
        return [("App", self), ("Entities pane", self.entities_pane), ("Timeline pane", self.timeline_pane),
                ("Articles pane", self.articles_pane), ("Article reader", self.detail_pane.reader),
                ("Entity card", self.detail_pane.card)]

    def key_sections(self) -> list[tuple[str, list[tuple[str, str, str]]]]:
        """Every binding with its current (remapped) keys, by section, for the help screen."""
        return key_sections(self, self._key_nodes())

    def palette_commands(self) -> list[tuple[str, str, str]]:
        """(name, "node_index:action", help) for every keyed command plus "Go to entity…"."""
        return palette_commands(self, self._key_nodes())

    def get_system_commands(self, screen):
        """Textual's palette commands less "Quit", which the app's own commands already list."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_sections()))

    def action_go_to_entity_palette(self) -> None:
        self.push_screen(InertCommandPalette(providers=[EntityProvider], placeholder="Go to entity…"))

    def action_command_palette(self) -> None:
        """`ctrl+p`: Textual's palette, with an inert search field."""
        if self.use_command_palette and not InertCommandPalette.is_open(self):
            self.push_screen(InertCommandPalette(id="--command-palette"))

    def run_palette_action(self, spec: str) -> None:
        number, action = spec.split(":", 1)
        node = self._key_nodes()[int(number)][1]
        if node is not self:
            node.focus()
        self.call_later(self.run_action, action, node)
