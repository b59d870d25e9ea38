"""Keys typed while the app is busy never confirm an edit (issue 15): a dialog — above all a destructive
one — ignores keys typed before its first frame and takes those typed after, a pane key moves the focus at
once, letters typed in one burst are filtered once, for the latest text, and keys typed ahead of a list wait
for it and are read once each, in order, ending as if typed slowly. What a key's first frame draws is in
``tests/tui/drawing/test_tui_first_frames.py``."""
from __future__ import annotations


from textual import _time, events
from textual._compositor import Compositor
from textual.widgets import Input

from dateline.tui.app.app import DatelineApp
from dateline.tui.app.held_keys import HeldKeys
from dateline.tui.dialogs.base import Dialog
from tui_fake_store import entity_id_named, focus_by_filter, run_async, settle

SIZE = (160, 50)
PANES = ("#entities", "#timeline", "#articles", "#detail")


@run_async
async def test_a_delete_is_never_confirmed_by_keys_typed_before_its_dialog(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Geneva")
        geneva = entity_id_named(store, "Geneva")
        await pilot.press("1")
        await settle(pilot)
        typed_ahead = [events.Key("enter", None), events.Key("y", "y")]  # typed with `d`, read late (busy app)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, Dialog)
        for key in typed_ahead:
            app.post_message(key)
        await settle(pilot, 0.3)
        assert isinstance(app.screen, Dialog), "the confirmation is still waiting for an answer"
        assert store.entity(geneva) is not None and store.log() == []
        await pilot.press("enter")  # typed after the dialog was on screen: that one answers it
        await settle(pilot)
        assert store.entity(geneva) is None and [e.action for e in store.log()] == ["delete"]


@run_async
async def test_a_key_typed_once_the_dialog_is_drawn_answers_it_however_late_the_app_reads_it(store, monkeypatch):
    """A busy app may read a key long after the user typed it on seeing the dialog: the dialog counts as shown
    from its first frame, not from when the app next had a moment (which dropped such keys under load)."""
    frames: list[tuple[float, object]] = []
    render_update = Compositor.render_update

    def drawing(compositor, *args, **kwargs):
        update = render_update(compositor, *args, **kwargs)
        frames.append((_time.get_time(), app.screen))  # the frame goes to the terminal now
        return update

    monkeypatch.setattr(Compositor, "render_update", drawing)
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Geneva")
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, Dialog)
        drawn = min(t for t, screen in frames if screen is dialog)
        typed = events.Key("ctrl+u", None)
        typed.time = drawn + 1e-6  # typed the moment the dialog showed, read only now
        app.post_message(typed)
        await settle(pilot)
        assert dialog.query_one(Input).value == "", "the key typed on seeing the dialog was dropped"


@run_async
async def test_a_pane_key_moves_the_focus_before_the_next_key_is_read(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app._focus_pane("timeline")
        assert app.focused is app.timeline_pane  # at once, not a turn later


@run_async
async def test_letters_typed_in_one_burst_are_filtered_once_for_the_latest_text(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash")
        await pilot.pause()
        pane = app.entities_pane
        filtered: list[str] = []
        real_filter = pane.filter_rows

        def counting_filter(query, rows, *args):
            filtered.append(query)
            return real_filter(query, rows, *args)

        pane.filter_rows = counting_filter  # type: ignore[method-assign]
        for letter in "Geneva":  # one write: every key is read before the first change reaches the app
            app.post_message(events.Key(letter, letter))
        app.post_message(events.Key("enter", None))
        await settle(pilot, 0.3)
        assert filtered == ["Geneva"], f"filtered once per letter: {filtered}"
        assert pane.filter_query == "Geneva" and app.focused is pane
        assert pane.current is not None and "Geneva" in str(pane.current.data or pane.current.key)


@run_async
async def test_letters_typed_apart_still_filter_live(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "slash")
        pane = app.entities_pane
        shown = []
        for letter in "Gen":
            await pilot.press(letter)
            await pilot.pause()
            shown.append(pane.filter_query)
        assert shown == ["G", "Ge", "Gen"]


BURST = ["1", "slash", *"Lutnick", "enter", "enter", "2", "j", "j", "j", "enter"]


def slow_filters(app, monkeypatch) -> None:
    """As at 100,000 articles on a loaded machine: every filter runs in a worker, on `enter`, and takes a while."""
    import time

    from dateline.tui.app import app as app_module
    from dateline.tui.widgets import list_filter

    monkeypatch.setattr(list_filter, "ASYNC_FILTER_ROWS", 0)
    monkeypatch.setattr(app_module, "LIVE_FILTER_LIMIT", 0)
    for pane in (app.entities_pane, app.timeline_pane, app.articles_pane):
        real = pane.filter_rows

        def slow(query, rows, stop=lambda: False, real=real):
            time.sleep(0.15)
            return real(query, rows, stop)

        pane.filter_rows = slow  # type: ignore[method-assign]


def end_state(app) -> tuple:
    timeline = app.timeline_pane
    return (app._focus, app._detail, app._current_pane(), timeline.current.key if timeline.current else None,
            app.entities_pane.filter_query)


async def typed(store, monkeypatch, at_once: bool) -> tuple:
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        slow_filters(app, monkeypatch)
        if at_once:  # one write: every key is read before the app has answered the first
            for key in BURST:
                app.post_message(events.Key(key, key if len(key) == 1 else None))
        else:
            for key in BURST:
                await pilot.press(key)
                await settle(pilot, 0.3)
        state = None
        for _ in range(100):  # until no key waits and the screen's state stays the same for a while
            await settle(pilot, 0.1)
            held, staged = getattr(app, "held_keys", None), getattr(app, "staged", None)
            if not (held and held.held) and not (staged and staged.pending) and state == end_state(app):
                break
            state = end_state(app)
        return state


class _QuietApp:
    """What ``HeldKeys`` asks of the app: nothing focused, nothing queued; it records the keys posted."""

    focused = None
    screen_stack = ["main"]

    def __init__(self) -> None:
        self.posted: list = []
        self.screen = self

    def walk_children(self) -> list:
        return []

    def post_message(self, message) -> None:
        self.posted.append(message)

    def update_status(self) -> None:
        pass


def test_held_keys_are_posted_once_each_the_next_after_the_last_arrived():
    """Found by the burst below (1 run in 25): the release timer posted the next key while the last one still
    waited in the app's queue; the first, arriving, was taken for a new key and held again (an extra
    `enter` reached the card)."""
    app = _QuietApp()
    held = HeldKeys(app)
    keys = [events.Key("enter", None), events.Key("j", "j"), events.Key("enter", None)]
    held._held.extend(keys)  # typed while the list was filtering
    for key in keys:
        for _ in range(3):  # the timer ticks before the app reads the key posted
            held._release_when_ready()
        assert app.posted[-1] is key and len(app.posted) == keys.index(key) + 1, app.posted
        assert held.hold(key) is False  # it arrives: handled now, not held again
    held._release_when_ready()
    assert app.posted == keys and held.held == 0


@run_async
async def test_keys_typed_at_once_end_as_typed_slowly_and_never_edit(store, monkeypatch):
    slowly = await typed(store, monkeypatch, at_once=False)
    assert slowly[0] == entity_id_named(store, "Howard Lutnick") and slowly[2] == "detail"
    assert slowly[1] is not None and slowly[1].record_id == slowly[3]  # `enter` opened the timeline row `j` reached
    assert await typed(store, monkeypatch, at_once=True) == slowly
    assert store.log() == []  # navigation never edits


@run_async
async def test_a_key_that_waits_for_its_list_is_seen_at_once_in_the_status_bar(store, monkeypatch):
    """The focusing `enter` typed while the filter still runs waits for the rows (held_keys.py); the status
    bar says so at once, so the key shows a response before the list has its rows, and the mark goes after."""
    from dateline.tui.widgets.status_bar import StatusBar

    def status(app) -> str:
        return app.query_one(StatusBar).render().plain

    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        slow_filters(app, monkeypatch)
        for key in ["1", "slash", *"Lutnick", "enter", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        seen = ""
        for _ in range(200):
            await pilot.pause(0.01)
            if "⌛" in status(app):
                seen = status(app)
                break
        assert "⌛ 1 key waits for the list" in seen, seen
        for _ in range(100):
            await settle(pilot, 0.1)
            if not app.held_keys.held:
                break
        await settle(pilot)
        assert "⌛" not in status(app) and app._focus == entity_id_named(store, "Howard Lutnick")
        assert store.log() == []
