"""Entity type colours taken from the theme, made readable on its background (issue 16).

Each type takes one of the theme's colour variables; on a background where that colour reads
poorly (yellow on white), it is darkened (light themes) or lightened (dark themes) until its
contrast ratio reaches ``MIN_CONTRAST`` (WCAG's 4.5:1 for text).
"""
from __future__ import annotations

from textual.color import Color, ColorParseError

TYPE_VARIABLES = {
    "PERSON": "primary",
    "ORG": "warning",
    "PLACE": "success",
    "PRODUCT": "secondary",
    "EVENT": "accent",
    "OTHER": "error",
}
MIN_CONTRAST = 4.5


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: Color, background: Color) -> Color:
    """``color``, darkened or lightened just enough to read on ``background``."""
    light_background = _luminance(background) > 0.5
    for _ in range(20):
        if contrast(color, background) >= MIN_CONTRAST:
            break
        color = color.darken(0.05) if light_background else color.lighten(0.05)
    return color


def type_styles(variables: dict[str, str]) -> dict[str, str]:
    """Rich style strings for each entity type under a theme's variables (``App.theme_variables``)."""
    background = Color.parse(variables.get("background", "#000000"))
    styles = {}
    for entity_type, name in TYPE_VARIABLES.items():
        try:
            color = Color.parse(variables[name])
        except (KeyError, ColorParseError):
            color = Color.parse("#d7afff")
        styles[entity_type] = f"bold {readable(color, background).hex6}"
    return styles
