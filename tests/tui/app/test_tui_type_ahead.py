"""Keys typed while the app is busy never confirm an edit (issue 15): a dialog — above all a destructive
one — ignores keys typed before it was on screen, and a pane key moves the focus at once."""
from __future__ import annotations

from textual import events

from dateline.tui.app.app import DatelineApp
from dateline.tui.dialogs.base import Dialog
from tui_fake_store import entity_id_named, focus_by_filter, run_async, settle

SIZE = (160, 50)


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
async def test_a_pane_key_moves_the_focus_before_the_next_key_is_read(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app._focus_pane("timeline")
        assert app.focused is app.timeline_pane  # at once, not a turn later
