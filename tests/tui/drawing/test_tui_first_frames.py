"""What a key's first frame draws, and what drawing costs (issue 15): opening or closing the filter bar re-lays
out no pane, a focus move redraws the two panes it touches, a typed letter is drawn before its list is
filtered, a key that changes every pane draws its first response before it fills them, a modal dims the
screen below with each style tinted once, and drawing leaves (almost) nothing for the cyclic collector."""
from __future__ import annotations

import gc
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.geometry import Region
from textual.renderables.background_screen import BackgroundScreen
from textual.strip import Strip

from dateline.tui.app.app import DatelineApp
from dateline.tui.idle_gc import break_strip_cycles
from dateline.tui.widgets.dimmed_background import TintedOnce
from dateline.tui.widgets.filter_bar import FilterBar
from tui_fake_store import entity_id_named, run_async, settle

SIZE = (160, 50)
PANES = ("#entities", "#timeline", "#articles", "#detail")


def regions(app) -> dict[str, object]:
    return {pane: app.query_one(pane).region for pane in PANES}


@run_async
async def test_opening_and_closing_the_filter_bar_moves_no_pane(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = regions(app)
        await pilot.press("1", "slash")
        await pilot.pause()
        bar = app.query_one(FilterBar)
        assert bar.is_open and app.focused is bar
        assert regions(app) == before, "opening the filter bar re-laid out the panes"
        status_y = app.query_one("#status").region.y
        assert bar.region.height == 1 and bar.region.y == status_y - 2  # above the key bar and status line
        await pilot.press("G", "e", "n")
        await pilot.press("escape")
        await pilot.pause()
        assert not bar.is_open and regions(app) == before
        await pilot.press("slash", "G", "e", "n", "enter")
        await pilot.pause()
        assert not bar.is_open and regions(app) == before


@run_async
async def test_a_typed_letter_is_drawn_before_the_list_is_filtered(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash")
        await settle(pilot)
        pane = app.entities_pane
        happened: list[str] = []
        real_filter, real_display = pane.filter_rows, app._display

        def logged_filter(query, rows, *args):
            happened.append(f"filter {query}")
            return real_filter(query, rows, *args)

        def logged_display(screen, renderable):
            happened.append("frame")
            return real_display(screen, renderable)

        pane.filter_rows = logged_filter  # type: ignore[method-assign]
        app._display = logged_display  # type: ignore[method-assign]
        await pilot.press("G")
        await settle(pilot)
        assert "filter G" in happened and happened.index("frame") < happened.index("filter G"), happened


def record_frames(app) -> list[list]:
    """The screen regions each frame re-draws from now on (the compositor's dirty regions), frame by frame."""
    frames: list[list] = []
    compositor = app.screen._compositor
    real = compositor.render_update

    def logged(*args, **kwargs):
        frames.append(list(compositor._dirty_regions))
        return real(*args, **kwargs)

    compositor.render_update = logged
    return frames


@run_async
async def test_opening_or_closing_the_filter_bar_first_redraws_its_line_not_the_other_panes(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        bar_y = app.query_one(FilterBar).region.y or app.query_one("#status").region.y - 2
        others = [app.query_one(pane).region.intersection(Region(0, 0, SIZE[0], bar_y)) for pane in PANES[1:]]
        for keys in (["slash"], ["G", "escape"]):
            frames = record_frames(app)
            await pilot.press(*keys)
            await pilot.pause()
            assert frames, "no frame was drawn"
            redrawn = [region for region in frames[0] if any(region.overlaps(other) for other in others)]
            assert not redrawn, f"{keys[-1]}: the first frame re-drew other panes: {redrawn}"


@run_async
async def test_moving_between_panes_redraws_the_panes_it_leaves_and_reaches_not_the_whole_screen(store):
    """Textual's screen repaints everything when the focus moves (``tui/app/main_screen.py``); a pane's scroll
    bar may follow its ``-active`` mark."""
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, left, reached in (("3", "#entities", "#articles"), ("2", "#articles", "#timeline"),
                                   ("4", "#timeline", "#detail"), ("1", "#detail", "#entities")):
            untouched = [app.query_one(p).region for p in PANES if p not in (left, reached)]
            frames = record_frames(app)
            await pilot.press(key)
            await settle(pilot)
            assert app.focused is app.query_one(reached) or app.query_one(reached) in app.focused.ancestors
            redrawn = [r for r in frames[0] if any(r.overlaps(u) for u in untouched)]  # later: the preview
            assert all(r.width <= 2 for r in redrawn), f"{key}: re-drew panes the focus did not move: {redrawn}"


def log_frames_and(app, obj, name: str, happened: list[str]) -> None:
    """Append "frame" to ``happened`` for every frame written, and ``name`` whenever ``obj.<name>`` runs."""
    real_display, real = app._display, getattr(obj, name)

    def logged_display(screen, renderable):
        if renderable is not None:
            happened.append("frame")
        return real_display(screen, renderable)

    def logged(*args, **kwargs):
        happened.append(name)
        return real(*args, **kwargs)

    app._display = logged_display
    setattr(obj, name, logged)


@run_async
async def test_a_key_that_changes_every_pane_draws_its_first_response_before_it_fills_them(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lutnick = entity_id_named(store, "Howard Lutnick")
        await pilot.press("1", "slash", *"Lutnick", "enter")
        await settle(pilot)
        for key, focus in (("enter", lutnick), ("escape", None), ("backspace", lutnick)):
            if key == "escape":
                await pilot.press("escape")  # the first clears the filter; the second drops the focus
                await settle(pilot)
            happened: list[str] = []
            log_frames_and(app, app.timeline_pane, "set_items", happened)
            log_frames_and(app, app.detail_pane, "show_card" if focus else "show_overview", happened)
            await pilot.press(key)
            await settle(pilot)
            assert app._focus == focus, key
            assert "set_items" in happened and happened.index("frame") < happened.index("set_items"), (key, happened)
            assert happened.index("frame") < max(happened.index(n) for n in ("show_card", "show_overview")
                                                 if n in happened), (key, happened)
            assert ("Focus: Howard Lutnick" if focus else "focus: —").lower() in status_line(app).lower()
            dates = [row.data.label for row in app.timeline_pane.lines if row.selectable]
            assert ("2025-06-09" in dates) and (focus is None or len(dates) == 2), (key, dates)  # settled right
        assert store.log() == []  # navigation never edits


def status_line(app) -> str:
    from dateline.tui.widgets.status_bar import StatusBar

    return app.query_one(StatusBar).render().plain


# Textual's ``Strip.divide`` cached ``[self]`` on the strip, so every drawn line became a reference cycle of
# about 14 objects, and at 100k articles the collector's passes over them (100–250 ms) held keys.
def test_dividing_a_strip_at_its_end_makes_no_cycle():
    break_strip_cycles()
    was = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        for _ in range(200):
            strip = Strip([Segment("hello "), Segment("world")], 11)
            assert strip.divide([11]) == [strip]
            assert [s.text for s in strip.divide([5, 11])] == ["hello", " world"]  # other cuts as before
        del strip
        assert gc.collect() == 0, "every strip was freed by reference counting"
    finally:
        if was:
            gc.enable()


@run_async
async def test_moving_around_the_app_leaves_no_strip_for_the_collector(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        gc.collect()
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            for key in ["j"] * 15 + ["enter", "2", "j", "j", "1", "slash", "c", "enter", "escape", "3", "j"]:
                await pilot.press(key)
                await pilot.pause(0.02)
            await settle(pilot)
            gc.collect()
            kinds = Counter(type(o).__name__ for o in gc.garbage)
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
        # without the fix: about 3,000 strips here (every line drawn); with it, those of widgets torn down
        assert kinds["Strip"] < 50, kinds.most_common(8)


colours = st.one_of(st.none(), st.builds(lambda r, g, b: f"#{r:02x}{g:02x}{b:02x}", *[st.integers(0, 255)] * 3))
metas = st.one_of(st.none(), st.just({"@click": "x"}))
styles = st.one_of(st.none(), st.builds(lambda fg, bg, bold, meta: RichStyle(color=fg, bgcolor=bg, bold=bold,
                                                                             meta=meta), colours, colours,
                                        st.booleans(), metas))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.text(max_size=4), styles), max_size=30), st.integers(0, 255))
def test_a_modal_dims_what_is_below_it_exactly_as_textual_does(pieces, alpha):
    """``tinted_once`` tints each style once (the palette's first frame blended ~1,000 segments), same colours."""
    segments = [Segment(text, style) for text, style in pieces] + [Segment("\x1b[0m", None, [(1,)])]
    colour = Color(10, 20, 30, alpha / 255)
    expected = list(BackgroundScreen.process_segments(segments, colour))
    tints: dict = {}
    for _ in range(2):  # the second frame reuses the first one's tints
        assert list(TintedOnce(None, colour, tints).process_segments(segments, colour)) == expected



@run_async
async def test_the_palette_and_a_dialog_draw_the_screen_below_with_the_tints_kept(store, monkeypatch):
    drawn: list[object] = []
    real = TintedOnce.process_segments

    def recording(self, segments, color):
        drawn.append(self.screen)
        return real(self, segments, color)

    monkeypatch.setattr(TintedOnce, "process_segments", recording)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        main = app.screen
        for opening in (["ctrl+p"], ["r"]):  # the palette; the rename dialog of the entity under the cursor
            drawn.clear()
            await pilot.press(*opening)
            await settle(pilot)
            assert app.screen is not main and drawn and set(drawn) == {main}, opening
            await pilot.press("escape")
            await settle(pilot)
