"""The editing dialogs, one modal screen a module."""
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.event_editor import EventEditor
from tui.dialogs.mark_entity import MarkChoice, MarkEntityDialog
from tui.dialogs.note_editor import NoteEditor
from tui.dialogs.picker import PickerDialog
from tui.dialogs.text_prompt import TextPrompt

__all__ = ["ConfirmDialog", "EventEditor", "MarkChoice", "MarkEntityDialog", "NoteEditor", "PickerDialog",
           "TextPrompt"]
