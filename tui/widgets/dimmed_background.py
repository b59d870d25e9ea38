"""A modal screen's dimmed background, each style tinted once instead of each segment (issue 15).

A dialog or the command palette shows the screen below it dimmed: Textual's ``BackgroundScreen`` mixes
the tint into the colours of every segment of the whole screen below (about 1,000 segments at 160×50,
two colour blends each in Python) for every frame of the modal, its first frame included. A screen
holds some 50 distinct styles, so ``tinted_once`` keeps each style's tinted form and reuses it: the same
colours, Textual's own blend, a fraction of the work.
"""
from __future__ import annotations

from collections.abc import Iterable
from weakref import WeakKeyDictionary

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import Screen

MAX_TINTS = 4096  # distinct styles kept per modal screen (a frame holds about 50)


class TintedOnce(BackgroundScreen):
    """``BackgroundScreen`` with a memo of each style's tinted form (shared by the frames of one modal)."""

    def __init__(self, screen: Screen, color: Color, tints: dict[tuple[Color, Style | None], Style]) -> None:
        super().__init__(screen, color)
        self.tints = tints

    def process_segments(self, segments: Iterable[Segment], color: Color) -> Iterable[Segment]:  # type: ignore[override]
        tints = self.tints
        if len(tints) > MAX_TINTS:
            tints.clear()
        for segment in segments:
            text, style, control = segment
            if control:
                yield segment
                continue
            tinted = tints.get((color, style))
            if tinted is None:
                (blank,) = BackgroundScreen.process_segments([Segment(" ", style)], color)  # Textual's own tint
                tinted = tints[(color, style)] = blank.style or Style()
            yield Segment(text, tinted)


def tinted_once(screen: Screen, shown: RenderableType) -> RenderableType:
    """What a modal ``screen``'s ``render`` returns: Textual's dimmed background (``shown``) as ``TintedOnce``,
    with the tints kept for the screen's later frames; anything else as it is."""
    if type(shown) is not BackgroundScreen:
        return shown
    return TintedOnce(shown.screen, shown.color, _TINTS.setdefault(screen, {}))


_TINTS: WeakKeyDictionary[Screen, dict[tuple[Color, Style | None], Style]] = WeakKeyDictionary()
