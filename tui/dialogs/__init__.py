"""The editing dialogs, one modal screen a module."""
from dateline.tui.dialogs.confirm import ConfirmDialog
from dateline.tui.dialogs.event_editor import EventEditor
from dateline.tui.dialogs.mark_entity import MarkChoice, MarkEntityDialog
from dateline.tui.dialogs.note_editor import NoteEditor
from dateline.tui.dialogs.picker import PickerDialog
from dateline.tui.dialogs.text_prompt import TextPrompt

__all__ = ["ConfirmDialog", "EventEditor", "MarkChoice", "MarkEntityDialog", "NoteEditor", "PickerDialog",
           "TextPrompt"]
