"""The reader's text cursor model: motions, selection, word jumps and wrapped lines."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.tui.panes.article_reader import wrap_offsets
from dateline.tui.panes.reader_cursor import TextCursor, offset_at_cell

BODY = "He Lifeng met Scott Bessent in London.\nTalks went on, said U.S. officials."


def cursor_on(body: str, width: int = 20) -> TextCursor:
    lines, offset = [], 0
    for paragraph in body.split("\n"):
        lines += wrap_offsets(body, offset, offset + len(paragraph), width)
        offset += len(paragraph) + 1
    cursor = TextCursor()
    cursor.reset(body)
    cursor.set_lines(lines)
    return cursor


def test_word_motions_land_on_word_starts_and_punctuation():
    cursor = cursor_on(BODY)
    starts = []
    for _ in range(8):
        cursor.word_forward()
        starts.append(BODY[cursor.offset:cursor.offset + 6])
    assert starts == ["Lifeng", "met Sc", "Scott ", "Bessen", "in Lon", "London", ".\nTalk", "Talks "]
    cursor.word_back()
    assert cursor.offset == BODY.index(".")
    cursor.word_back()
    assert cursor.offset == BODY.index("London")


def test_selection_includes_both_ends_like_vi():
    cursor = cursor_on(BODY)
    cursor.toggle_selection()
    for _ in range(len("He Lifeng") - 1):
        cursor.right(extend=True)
    assert BODY[slice(*cursor.selection())] == "He Lifeng"
    cursor.toggle_selection()
    assert cursor.selection() is None


def test_shift_motion_starts_a_selection_and_backwards_selection_is_ordered():
    cursor = cursor_on(BODY)
    cursor.move_to(BODY.index("Bessent") + len("Bessent") - 1)
    assert cursor.selection() is None
    cursor.word_back(extend=True)
    cursor.word_back(extend=True)
    assert BODY[slice(*cursor.selection())] == "Scott Bessent"


def test_vertical_keeps_the_column_and_stops_at_the_ends():
    cursor = cursor_on(BODY, width=20)
    assert len(cursor.lines) >= 4
    cursor.move_to(3)
    assert cursor.vertical(1)
    assert cursor.line_index() == 1 and cursor.offset - cursor.lines[1][0] == 3
    while cursor.vertical(1):
        pass
    assert cursor.line_index() == len(cursor.lines) - 1
    assert not cursor.vertical(1)
    cursor.move_to(0)
    assert not cursor.vertical(-1)


def test_line_start_and_end_skip_trailing_spaces():
    cursor = cursor_on(BODY, width=20)
    cursor.move_to(5)
    cursor.line_end()
    start, end = cursor.lines[0]
    assert cursor.offset == start + len(BODY[start:end].rstrip()) - 1
    cursor.line_start()
    assert cursor.offset == start


def test_word_at_finds_the_word_under_the_cursor():
    cursor = cursor_on(BODY)
    cursor.move_to(BODY.index("ondon"))
    assert BODY[slice(*cursor.word_at())] == "London"
    cursor.move_to(BODY.index(" in"))
    assert cursor.word_at() is None


def test_offset_at_cell_counts_wide_characters():
    body = "中文 text"
    assert offset_at_cell(body, 0, len(body), 0) == 0
    assert offset_at_cell(body, 0, len(body), 2) == 1  # each Chinese character takes two cells
    assert offset_at_cell(body, 0, len(body), 5) == 3


@given(st.text(min_size=1, max_size=80), st.lists(st.sampled_from(
    ["left", "right", "word_forward", "word_back", "line_start", "line_end", "up", "down", "v"]), max_size=30),
    st.integers(5, 30))
def test_any_motions_keep_the_cursor_and_selection_inside_the_body(body, motions, width):
    cursor = cursor_on(body, width)
    for motion in motions:
        if motion == "v":
            cursor.toggle_selection()
        elif motion in ("up", "down"):
            cursor.vertical(1 if motion == "down" else -1, extend=True)
        else:
            getattr(cursor, motion)(extend=True)
        assert 0 <= cursor.offset < len(body)
        selected = cursor.selection()
        if selected:
            assert 0 <= selected[0] < selected[1] <= len(body)
            assert selected[0] <= cursor.offset < selected[1]
