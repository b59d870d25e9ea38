"""`w` on the timeline shows a cut-off row whole, wrapped under it, and cuts it again (issue 16)."""
from __future__ import annotations

from dateline.tui.app.app import DatelineApp
from tui_fake_store import focus_by_filter, run_async, settle


def pane_text(app, pane) -> str:
    """What the terminal shows inside ``pane``."""
    region = pane.content_region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return "\n".join("".join(seg.text for seg in strip.crop(region.x, region.right)) for strip in strips)


@run_async
async def test_w_expands_a_cut_off_timeline_row(store):
    app = DatelineApp(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "Lutnick")
        await pilot.press("2")
        pane = app.timeline_pane
        while "second day" not in pane.render_row(pane.current, 300).plain:
            await pilot.press("j")
        whole = pane.render_row(pane.current, 300).plain
        assert "He Lifeng" in whole and "He Lifeng" not in pane_text(app, pane), "the row is cut on screen"
        before = len(pane.lines)
        key = pane.current.key
        await pilot.press("w")
        await pilot.pause()
        assert len(pane.lines) > before
        assert "He Lifeng" in pane_text(app, pane), "the whole row is on screen"
        assert pane.current.key == key
        await pilot.press("j")
        assert pane.current is not None and not pane.current.continued, "the cursor never rests on them"
        await pilot.press("k")
        assert pane.current.key != key, "one up from the expanded row is the row above, not its text"
        await pilot.press("j", "w")
        await pilot.pause()
        assert len(pane.lines) == before and "He Lifeng" not in pane_text(app, pane)
