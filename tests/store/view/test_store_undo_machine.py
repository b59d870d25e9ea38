"""Undo and redo over random sequences of edits: undoing everything returns the store to its start."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from dateline.store import Store
from dateline.store.view.edits import EditError
from tests.store_helpers import TALKS, article, talks_article

OTHER = "Howard Lutnick spoke in Geneva. He Lifeng was not there. H. Lutnick left."


def snapshot(s: Store) -> tuple:
    ents = sorted((e.id, e.name, e.type, e.aliases, e.notes, e.tags) for e in s.entities())
    counts = sorted((e.id, s.entity_counts(e.id)) for e in s.entities())
    events = sorted((e.id, e.date, e.summary, e.participants) for e in s.events())
    return ents, counts, events


class UndoMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.dir = Path(tempfile.mkdtemp())
        self.s = Store.open(self.dir / "s", wait=1)
        self.s.add_articles([talks_article(), article(OTHER, [("Howard Lutnick", "PERSON", OTHER),
                                                              ("H. Lutnick", "PERSON", OTHER),
                                                              ("Geneva", "PLACE", OTHER)], title="B")])
        self.start = snapshot(self.s)
        self.history: list[tuple] = [self.start]  # state after each live edit
        self.redo_states: list[tuple] = []

    def _pick(self, data, n=1):
        ents = self.s.entities()
        assume(ents)  # every mention rejected leaves no entity to pick (found by hypothesis: 7 rejects in a row)
        return [data.draw(st.sampled_from(ents)) for _ in range(n)]

    def _did(self, fn) -> None:
        try:
            fn()
        except EditError:
            return
        self.history.append(snapshot(self.s))
        self.redo_states.clear()

    @rule(data=st.data(), name=st.sampled_from(["Alpha", "Beta Co", "London"]))
    def rename(self, data, name):
        (e,) = self._pick(data)
        self._did(lambda: self.s.rename(e.id, name))

    @rule(data=st.data(), etype=st.sampled_from(["PERSON", "ORG", "PLACE", "EVENTX"]))
    def retype(self, data, etype):
        (e,) = self._pick(data)
        self._did(lambda: self.s.retype(e.id, etype))

    @rule(data=st.data(), note=st.text(max_size=5), tags=st.lists(st.sampled_from(["a", "b"]), max_size=2))
    def annotate(self, data, note, tags):
        (e,) = self._pick(data)
        self._did(lambda: (self.s.set_note(e.id, note), self.history.append(snapshot(self.s)),
                           self.s.set_tags(e.id, tags)))

    @rule(data=st.data())
    def merge(self, data):
        a, b = self._pick(data, 2)
        self._did(lambda: self.s.merge(a.id, b.id))

    @rule(data=st.data())
    def reject(self, data):
        (e,) = self._pick(data)
        ments = self.s.mentions_of(e.id)
        if ments:
            m = data.draw(st.sampled_from(ments))
            self._did(lambda: self.s.reject(m.id))

    @rule(data=st.data())
    def mark(self, data):
        body_art = next(a for a in self.s.articles() if self.s.body(a.id) == TALKS)
        i = TALKS.index("talks")
        self._did(lambda: self.s.mark(body_art.id, i, i + 5, "talks", "OTHER"))

    @precondition(lambda self: self.s.can_undo)
    @rule()
    def undo(self):
        self.s.undo()
        self.redo_states.append(self.history.pop())

    @precondition(lambda self: self.s.can_redo)
    @rule()
    def redo(self):
        self.s.redo()
        self.history.append(self.redo_states.pop())

    @invariant()
    def matches_history(self):
        assert snapshot(self.s) == self.history[-1]

    def teardown(self):
        while self.s.can_undo:
            self.s.undo()
        assert snapshot(self.s) == self.start
        assert all(not rows for rows in self.s.records.data.values())
        self.s.close()
        with Store.open(self.dir / "s", wait=1) as again:  # and the same after a restart
            assert snapshot(again) == self.start
        shutil.rmtree(self.dir, ignore_errors=True)


UndoMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=12, deadline=None)
test_undo_redo_state_machine = UndoMachine.TestCase
