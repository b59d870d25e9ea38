"""Themes (issue 16): every list row takes the theme's colours, type colours read on light themes,
and the theme chosen in the palette is remembered by the next start."""
from __future__ import annotations

from textual.color import Color

from dateline.tui.app.app import DatelineApp
from dateline.tui.formatting import type_style
from dateline.tui.settings import load_settings, settings_path
from dateline.tui.theme_colours import MIN_CONTRAST, contrast
from tui_fake_store import focus_by_filter, run_async, settle

SIZE = (160, 50)


async def choose_theme(pilot, name: str) -> None:
    """ctrl+p, "theme", enter (Textual's "Theme" command), the theme's name, enter."""
    await pilot.press("ctrl+p", *"theme", "enter")
    await pilot.pause(0.2)
    await pilot.press(*name)
    await pilot.pause(0.2)
    await pilot.press("enter")
    await settle(pilot, 0.2)


def row_backgrounds(app, widget) -> set:
    """The background colours painted anywhere in ``widget``'s rows on screen."""
    region = widget.content_region
    colours = set()
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if region.y <= y < region.bottom:
            for segment in strip.crop(region.x, region.right):
                colours.add(segment.style.bgcolor if segment.style else None)
    return colours


@run_async
async def test_light_theme_rows_have_no_dark_bars_and_is_remembered(store):
    app = DatelineApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await focus_by_filter(pilot, "China")
        await choose_theme(pilot, "textual-light")
        assert app.theme == "textual-light"
        background = Color.parse(app.theme_variables["background"])
        for pane in (app.entities_pane, app.timeline_pane, app.articles_pane):
            for colour in row_backgrounds(app, pane):
                assert colour is not None, f"{pane.id}: a row drawn on the terminal's own background"
                painted = Color.from_rich_color(colour)
                assert contrast(painted, background) < 2, f"{pane.id}: a dark bar {painted.hex} on a light theme"
        for entity_type in ("PERSON", "ORG", "PLACE", "PRODUCT", "EVENT", "OTHER"):
            colour = Color.parse(type_style(entity_type).split()[-1])
            assert contrast(colour, background) >= MIN_CONTRAST, f"{entity_type} unreadable on the light theme"
    assert load_settings().get("theme") == "textual-light"
    assert str(settings_path()).startswith(str(app_config_home()))
    again = DatelineApp(store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "textual-light", "the chosen theme is remembered"


def app_config_home():
    import os

    return os.environ["XDG_CONFIG_HOME"]
