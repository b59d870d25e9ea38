"""`ctrl+e`: the export dialog. What (pane / all / connected), which format, where; then a worker
writes it with a progress bar. The exporter writes a temp file and renames it, so a failure (or a
cancel) leaves no file behind; the dialog shows the one-line reason and stays open to try again.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from dateline.store.export import EXTENSIONS, FORMATS, ExportError, default_name, export
from dateline.tui.widgets.inert_widgets import InertInput
from dateline.tui.safe_text import clean, literal
from dateline.tui.widgets.selection import ExportScope, default_scope

FORMAT_HELP = {
    "json": "JSON: full records with provenance",
    "jsonl": "JSON Lines: one record a line",
    "csv": "CSV: flat rows for a spreadsheet (formula-safe)",
    "md": "Markdown: a dossier per entity",
    "ftm": "FollowTheMoney: entities for Aleph",
    "gexf": "GEXF 1.3: a graph with dates for Gephi",
    "timelinejs": "TimelineJS: events on a timeline",
}
HINT = "enter: export · tab: next field · escape: cancel"


class ExportCancelled(Exception):
    """Raised inside the writer when the user cancels; the exporter then removes its temp file."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What the dialog wrote (it dismisses with this, or with ``None`` when cancelled)."""

    path: Path
    fmt: str
    count: int


class ExportProgress(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done, self.total = done, total


class ExportEnded(Message):
    """The worker finished: ``result`` on success, else ``error`` ("" when cancelled)."""

    def __init__(self, result: ExportResult | None, error: str = "") -> None:
        super().__init__()
        self.result, self.error = result, error


def resolve_path(text: str, fmt: str, stem: str, cwd: Path) -> Path:
    """The file the user means: relative to ``cwd``; a folder gets the default name inside it."""
    raw = text.strip()
    if raw == "-":
        raise ExportError("standard output is for `dateline export`; give a file path here")
    path = Path(raw).expanduser() if raw else Path(default_name(fmt, stem))
    if not path.is_absolute():
        path = cwd / path
    if path.is_dir():
        path = path / default_name(fmt, stem)
    return path


def swap_extension(text: str, old: str, new: str) -> str:
    """``out.csv`` -> ``out.json`` when the format changes; other names are left alone."""
    old_ext, new_ext = EXTENSIONS[old], EXTENSIONS[new]
    return text[: -len(old_ext)] + new_ext if text.endswith(old_ext) else text


class ChoiceList(OptionList):
    """An option list whose highlighted option is the choice, marked ● (the others ○)."""

    def __init__(self, labels: list[str], *, disabled_at: Collection[int] = (), id: str | None = None) -> None:
        self.labels = labels
        super().__init__(*[Option(self._prompt(label, False), disabled=index in disabled_at)
                           for index, label in enumerate(labels)], id=id)

    @staticmethod
    def _prompt(label: str, chosen: bool) -> Text:
        return Text.assemble(("● " if chosen else "○ ", "bold" if chosen else "dim"), clean(label))

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        for index, label in enumerate(self.labels):
            self.replace_option_prompt_at_index(index, self._prompt(label, index == highlighted))

    async def _on_click(self, event: events.Click) -> None:
        """A click chooses an option (it does not start the export, as `enter` does)."""
        event.prevent_default()
        clicked = event.style.meta.get("option")
        if clicked is not None and not self.options[clicked].disabled:
            self.focus()
            self.highlighted = clicked


class ConfirmOverwrite(ModalScreen[bool]):
    """Asks before an export replaces a file: `y` overwrites, `n` / `escape` keeps it."""

    DEFAULT_CSS = """
    ConfirmOverwrite { align: center middle; }
    #confirm-box { width: 70; height: auto; border: thick $error; background: $surface; padding: 1 2; }
    ConfirmOverwrite .buttons { height: auto; margin-top: 1; }
    ConfirmOverwrite Button { margin-right: 2; }
    """

    BINDINGS = [
        Binding("y", "answer(True)", "Overwrite", id="export.overwrite_yes"),
        Binding("n,escape", "answer(False)", "Keep the file", id="export.overwrite_no"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(Text.assemble(clean(str(self.path)), (" already exists. Overwrite it?", "bold")))
            with Horizontal(classes="buttons"):
                yield Button("Keep it (n)", id="keep", variant="primary", compact=True)
                yield Button("Overwrite (y)", id="overwrite", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def action_answer(self, overwrite: bool) -> None:
        self.dismiss(overwrite)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "overwrite")


class ExportDialog(ModalScreen[ExportResult | None]):
    """Choose what to export, the format and the file; write it in a worker."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    #export-box { width: 84; max-width: 100%; height: auto; max-height: 100%; border: thick $accent;
                  background: $surface; padding: 0 1; }
    #export-box .heading { text-style: bold; margin-top: 1; }
    #export-box .heading.-first { margin-top: 0; }
    #export-path { margin: 0 0 0 2; }
    #export-box ChoiceList { height: auto; max-height: 9; border: none; padding: 0; }
    #export-box ChoiceList:focus { background-tint: $accent 10%; }
    #export-progress { display: none; }
    ExportDialog.-running #export-progress { display: block; }
    #export-message { height: auto; margin-top: 1; }
    #export-box .buttons { height: auto; margin-top: 1; }
    #export-box Button { margin-right: 2; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel export", id="export.cancel")]

    def __init__(self, store, scopes: list[ExportScope], *, cwd: Path | None = None, fmt: str = "json") -> None:
        super().__init__()
        self.store = store
        self.scopes = scopes
        self.cwd = cwd or Path.cwd()
        self.fmt = fmt
        self.scope = scopes[default_scope(scopes)]
        self._writing = False
        self.message = HINT  # the line under the path: a hint, progress, or why the export failed

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = literal("Export")
            yield Label("What", classes="heading -first")
            yield ChoiceList([scope.label for scope in self.scopes], id="export-what",
                             disabled_at={i for i, scope in enumerate(self.scopes) if not scope.enabled})
            yield Label("Format", classes="heading")
            yield ChoiceList([FORMAT_HELP[fmt] for fmt in FORMATS], id="export-format")
            yield Label("Path", classes="heading")
            yield InertInput(str(self.cwd / default_name(self.fmt, self.scope.stem)), id="export-path", compact=True)
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static(Text(HINT, style="dim"), id="export-message")
            with Horizontal(classes="buttons"):
                yield Button("Export", id="export-go", variant="primary", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        what = self.query_one("#export-what", ChoiceList)
        what.highlighted = self.scopes.index(self.scope)
        self.query_one("#export-format", ChoiceList).highlighted = FORMATS.index(self.fmt)
        # the first question first: what to export (when there is anything to choose)
        (what if any(scope.enabled for scope in self.scopes) else self.query_one("#export-format")).focus()

    # ----- choices ------------------------------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#export-what")
    def _scope_chosen(self, event: OptionList.OptionHighlighted) -> None:
        old, self.scope = self.scope, self.scopes[event.option_index]
        path = self.query_one("#export-path", Input)
        if path.value == str(self.cwd / default_name(self.fmt, old.stem)):
            path.value = str(self.cwd / default_name(self.fmt, self.scope.stem))

    @on(OptionList.OptionHighlighted, "#export-format")
    def _format_chosen(self, event: OptionList.OptionHighlighted) -> None:
        old, self.fmt = self.fmt, FORMATS[event.option_index]
        path = self.query_one("#export-path", Input)
        path.value = swap_extension(path.value, old, self.fmt)

    @on(OptionList.OptionSelected)
    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def _go(self) -> None:
        self.start()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # ----- running ------------------------------------------------------------------------------
    def start(self) -> None:
        """Check the choices, ask before overwriting, then write in the worker."""
        if self._writing:
            return
        if not self.scope.enabled:
            self._say("Nothing to export: select rows first (space, s, ctrl+a)", error=True)
            return
        try:
            path = resolve_path(self.query_one("#export-path", Input).value, self.fmt, self.scope.stem, self.cwd)
        except ExportError as exc:
            self._say(str(exc), error=True)
            return
        if path.exists():
            self.app.push_screen(ConfirmOverwrite(path), lambda yes: self._write(path) if yes else None)
        else:
            self._write(path)

    def _write(self, path: Path) -> None:
        self._writing = True
        self.query_one("#export-progress", ProgressBar).update(total=None, progress=0)
        self.add_class("-running")
        self._say(f"Writing {path}…")
        self.write_export(self.scope, self.fmt, path)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_export(self, scope: ExportScope, fmt: str, path: Path) -> None:
        """Build the selection (the connected one reads the store) and write it; report the end."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if worker.is_cancelled:
                raise ExportCancelled
            self.post_message(ExportProgress(done, total))

        try:
            selection = scope.selection(self.store)
            if worker.is_cancelled:
                raise ExportCancelled
            count = export(self.store, selection, fmt, path, progress=progress)
        except ExportCancelled:
            self.post_message(ExportEnded(None))
        except ExportError as exc:
            self.post_message(ExportEnded(None, str(exc)))
        except Exception as exc:  # a store error or a bug: say so, never leave the dialog hanging
            self.post_message(ExportEnded(None, f"export failed: {type(exc).__name__}: {exc}"))
        else:
            self.post_message(ExportEnded(ExportResult(path, fmt, count)))

    @on(ExportProgress)
    def _progress(self, message: ExportProgress) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=message.total or None, progress=message.done)

    @on(ExportEnded)
    def _ended(self, message: ExportEnded) -> None:
        self._writing = False
        self.remove_class("-running")
        result = message.result
        if result is not None:
            noun = "record" if result.count == 1 else "records"
            self.app.notify(f"Exported {result.count} {noun} as {result.fmt} to {result.path}",
                            title="Export", timeout=8, markup=False)
            self.dismiss(result)
        elif message.error:
            self._say(message.error, error=True)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """`escape`: stop a running export (nothing is left), or close the dialog."""
        if self._writing:
            self._say("Cancelling…")
            self.workers.cancel_group(self, "export")
        else:
            self.dismiss(None)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message = text
        line = Text(clean(text), style="bold red" if error else "")
        self.query_one("#export-message", Static).update(line)
