"""Turn sentences into events: what happened, when, who took part and where.

Every sentence in which an entity takes part (not as a passing name in a list, nor as the source
"according to Reuters"), or that has a date or an event word ("talks", "imposed", ...), is an event.
It is dated by the dates that place what happens in it (one event per distinct value); reference,
comparison, background, deadline and birth dates (``date_roles``) stay on it as ``context`` only.
With no placing date it is dated by the article's date with precision ``reported`` ("reported on",
not "happened on"); only an undated article leaves it undated (precision ``unknown``).
A sentence that refers back ("The talks ...", "They ...") inherits the earlier event's participants
and place.
"""
from __future__ import annotations

import bisect
import re

from dateline.store.extract.dating.date_roles import date_role
from dateline.store.extract.dating.dates import parse_published
from dateline.store.extract.numbers.figures import MentionIndex
from dateline.store.extract.limits import MAX_EVENTS
from dateline.store.extract.participation import only_modifies, only_possessor

__all__ = ["find_events", "TRIGGER_RE"]

# Event nouns grouped so that "the talks" can refer back to "negotiations" in an earlier sentence.
_NOUN_GROUPS = {
    "talks": "talks negotiations negotiation discussions meeting meetings summit summits conference",
    "call": "call calls phone",
    "deal": "agreement agreements deal deals accord treaty pact contract contracts merger acquisition",
    "measure": "restrictions restriction sanctions tariffs tariff ban bans controls embargo",
    "vote": "election elections vote votes referendum ballot",
    "incident": "attack attacks crash explosion earthquake fire strike strikes protest protests",
}
_NOUN_GROUP = {noun: group for group, nouns in _NOUN_GROUPS.items() for noun in nouns.split()}
_VERBS = ("announced announces imposed imposes signed signs agreed agrees launched launches met meets "
          "visited visits elected resigned appointed acquired bought sold purchased approved rejected "
          "released ordered declared invaded arrested killed died closed opened filed won lost fired hired "
          "resumed resume begin began started ended warned sued ruled passed vetoed unveiled cut "
          "raised lowered suspended lifted").split()
TRIGGER_RE = re.compile(r"\b(" + "|".join(sorted(list(_NOUN_GROUP) + _VERBS, key=len, reverse=True)) + r")\b",
                        re.IGNORECASE)
_REFER_BACK_RE = re.compile(r"^\W*(?:(?:the|these|those|such)\s+(?P<words>\w+(?:[ \t]+\w+)?)|(?P<pronoun>they|both"
                            r"\s+sides|the\s+two\s+sides|the\s+two)\b)", re.IGNORECASE)
_SECTION_LABEL_RE = re.compile(r"^[A-Z][\w' ]{0,40}:\s+")
_CLAUSE_BREAK_RE = re.compile(r";|,\s+(?=(?:which|while|whereas|but|as|although|according|suggesting|"
                              r"indicating|following|after)\b)")
_PLACE_PREP_RE = re.compile(r"\b(?:in|at|near|from)\s+(?:the\s+)?$", re.IGNORECASE)
# "according to Reuters", "told the Times": the source; "said Jobs" is a speaker, who takes part.
_SOURCE_RE = re.compile(r"\b(?:according\s+to|reported\s+by)\s+(?:the\s+)?$", re.IGNORECASE)
_TOLD_RE = re.compile(r"\btold\s+(?:the\s+)?$", re.IGNORECASE)
_PERSON_PRONOUN_RE = re.compile(r"\b(?:he|she|his|him|her)\b", re.IGNORECASE)
_WORDY_RE = re.compile(r"[^\W\d_]{3}")
MAX_SUMMARY_WORDS = 24
MIN_EVENT_WORDS = 3


def find_events(text: str, sentences: list[tuple[int, int]], dates: list[dict],
                entities: list[dict], published: str | None = None) -> list[dict]:
    """Events of the article in reading order."""
    mentions = MentionIndex(entities)
    anchor = parse_published(published)
    reported = anchor.isoformat() if anchor else None
    kinds = {e["name"]: e.get("type") for e in entities}
    last_person: str | None = None
    events: list[dict] = []
    event_nouns: list[set[str]] = []  # the event-noun groups of each event's sentence, for refer-back
    date_index = 0
    for s_start, s_end in sentences:
        if len(events) >= MAX_EVENTS:
            break
        while date_index < len(dates) and dates[date_index]["start"] < s_start:
            date_index += 1
        in_sentence = []
        while date_index < len(dates) and dates[date_index]["start"] < s_end:
            in_sentence.append(dates[date_index])
            date_index += 1
        sentence = text[s_start:s_end]
        trigger = TRIGGER_RE.search(sentence)
        if in_sentence and _only_dates(text, s_start, s_end, in_sentence):
            continue  # a dateline line, not an event
        if len(sentence.split()) < MIN_EVENT_WORDS:
            continue  # "Steve", "AP": a signature or a fragment, not a sentence that tells anything
        participants, place, first_mention, named_at = _people_and_place(text, s_start, s_end, mentions)
        people = [n for n in participants if kinds.get(n) == "PERSON"]
        if people:
            last_person = people[0]  # the subject, most often what "he" or "she" next refers to
        elif last_person is not None and _PERSON_PRONOUN_RE.search(sentence):
            participants.append(last_person)  # "He announced ...": the person of the sentences before
        if not in_sentence and trigger is None and not participants:
            continue
        roles = [date_role(text, s_start, d) for d in in_sentence]
        placing = [d for d, role in zip(in_sentence, roles) if role is None]
        context = [{"text": d["text"], "value": d["value"], "precision": d["precision"], "role": role}
                   for d, role in zip(in_sentence, roles) if role is not None]
        nouns = _noun_groups(sentence)
        antecedent = _antecedent(sentence, nouns, events, event_nouns)
        if antecedent is not None:
            participants += [p for p in antecedent["participants"] if p not in participants and p != place]
            place = place or antecedent["place"]
        clauses = _Clauses(sentence)
        seen_values: set[str] = set()
        dated: list[dict | None] = [*placing] or [None]
        stretch_of = dict(zip(map(id, in_sentence), _stretches(text, s_start, s_end, in_sentence)))
        for date in dated:
            stretch = stretch_of.get(id(date), (s_start, s_end))
            if date is not None:
                if date["value"] in seen_values:
                    continue
                seen_values.add(date["value"])
            focus = date["start"] - s_start if date else (trigger.start() if trigger else first_mention)
            events.append({
                "date": date["value"] if date else reported,
                "precision": date["precision"] if date else ("reported" if reported else "unknown"),
                "date_text": date["text"] if date else None,
                "summary": clauses.summary_around(focus),
                "participants": _named_in(participants, named_at, stretch),
                "place": place,
                "sentence": {"start": s_start, "end": s_end},
                "context": context,
            })
            event_nouns.append(nouns)
    return events


_STRETCH_CUT_RE = re.compile(r",\s|;\s|\s(?:and|but|while)\s")


def _stretches(text: str, s_start: int, s_end: int, dates: list[dict]) -> list[tuple[int, int]]:
    """Where each date's part of the sentence lies: "founded by Olsen in 1976, and launched the van
    in 2003" has two parts, cut at the last comma or "and" between the two dates; without such a cut
    the whole sentence is every date's."""
    if len(dates) < 2:
        return [(s_start, s_end)] * len(dates)
    cuts = [s_start]
    for before, after in zip(dates, dates[1:]):
        cut = None
        for match in _STRETCH_CUT_RE.finditer(text, before["end"], max(before["end"], after["start"])):
            cut = match.start()
        if cut is None:  # "resumed Tuesday ... following Monday discussions": one part, both dates
            return [(s_start, s_end)] * len(dates)
        cuts.append(cut)
    return list(zip(cuts, cuts[1:] + [s_end]))


def _named_in(participants: list[str], named_at: dict[str, list[int]], stretch: tuple[int, int]) -> list[str]:
    """The participants of one date's part of a sentence: its subject (the first named), those named
    in the part, and those the sentence refers to without naming ("he", "the talks"); everyone when
    the part names nobody ("talks on Monday and Tuesday")."""
    lo, hi = stretch
    inside = [p for p in participants if any(lo <= at < hi for at in named_at.get(p, ()))]
    if not inside:
        return list(participants)
    return [p for i, p in enumerate(participants) if i == 0 or p in inside or p not in named_at]


def _only_dates(text: str, start: int, end: int, dates: list[dict]) -> bool:
    """Whether the sentence is nothing but its dates (a dateline such as "March 01, 2008")."""
    cursor = start
    for date in dates:
        if _WORDY_RE.search(text, cursor, max(cursor, date["start"])):
            return False
        cursor = max(cursor, date["end"])
    return _WORDY_RE.search(text, cursor, end) is None


def _people_and_place(text: str, start: int, end: int,
                      mentions: MentionIndex) -> tuple[list[str], str | None, int, dict[str, list[int]]]:
    """Entity names taking part in the sentence, the first place introduced by "in"/"at", where
    (relative to the sentence) the first participant is named, and where each participant is named."""
    participants: list[str] = []
    named_at: dict[str, list[int]] = {}
    place = None
    first = 0
    found = mentions.between(start, end)
    listed = _listed(text, found)
    for index, (m_start, m_end, entity) in enumerate(found):
        name = entity["name"]
        before = text[max(start, m_start - 30):m_start]
        if _SOURCE_RE.search(before) or index in listed or (entity.get("type") == "ORG" and _TOLD_RE.search(before)) \
                or only_modifies(text, m_start, m_end, entity.get("type")) \
                or only_possessor(text, m_start, m_end, entity.get("type")):
            continue  # "according to Reuters": the source; "Apple, Dell, HP and Sony": a passing list;
            # "iPhone 4 users": the product describes the users; "Jobs's health": the person only owns it
        if entity.get("type") == "PLACE" and place is None and _PLACE_PREP_RE.search(before):
            place = name
            continue
        if name != place:
            named_at.setdefault(name, []).append(m_start)
        if name not in participants and name != place:
            if not participants:
                first = m_start - start
            participants.append(name)
    return participants, place, first, named_at


_LIST_GAP_RE = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*$")
LIST_LENGTH = 4  # names in a row joined by commas and a last "and" that are a passing list


def _listed(text: str, found: list[tuple[int, int, dict]]) -> set[int]:
    """Indices of the mentions that sit in a run of ``LIST_LENGTH`` or more names joined only by
    commas and "and"/"or": named in passing, not taking part."""
    listed: set[int] = set()
    run = [0] if found else []
    for i in range(1, len(found) + 1):
        if i < len(found) and _LIST_GAP_RE.fullmatch(text[found[i - 1][1]:found[i][0]]):
            run.append(i)
            continue
        if len(run) >= LIST_LENGTH:
            listed.update(run)
        run = [i]
    return listed


def _noun_groups(sentence: str) -> set[str]:
    return {_NOUN_GROUP[w.lower()] for w in re.findall(r"[A-Za-z]+", sentence) if w.lower() in _NOUN_GROUP}


def _antecedent(sentence: str, nouns: set[str], events: list[dict], event_nouns: list[set[str]]) -> dict | None:
    """The earlier event this sentence points back to ("The talks ...", "They ..."), if any.

    "The talks follow a phone call ..." names a second kind of event: its date belongs to the call,
    so the sentence does not take over the talks' participants."""
    opening = _REFER_BACK_RE.match(_SECTION_LABEL_RE.sub("", sentence, count=1))
    if opening is None or not events:
        return None
    if opening.group("pronoun"):
        return events[-1]
    # "The talks", "The trade talks": the event noun is one of the first two words.
    group = next((_NOUN_GROUP[w] for w in opening.group("words").lower().split() if w in _NOUN_GROUP), None)
    if group is None or nouns - {group}:
        return None
    for event, earlier in zip(reversed(events), reversed(event_nouns)):
        if group in earlier:
            return event
    return None


class _Clauses:
    """A sentence cut into clauses (at ";" and ", which/while/but/..."), for short event summaries."""

    def __init__(self, sentence: str):
        label = _SECTION_LABEL_RE.match(sentence)  # "What Happened: " is not part of any clause
        self.sentence = sentence
        self.start = label.end() if label else 0
        self.cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK_RE.finditer(sentence, self.start)]

    def summary_around(self, focus: int) -> str:
        """The clause holding offset ``focus`` (relative to the sentence), cut to a few words."""
        clause_start, clause_end = self.start, len(self.sentence)
        i = bisect.bisect_left(self.cuts, (focus, focus))
        if i > 0:
            clause_start = self.cuts[i - 1][1]
        if i < len(self.cuts):
            clause_end = self.cuts[i][0]
        words = self.sentence[clause_start:clause_end].split()
        summary = " ".join(words[:MAX_SUMMARY_WORDS]).strip(" ,;:\"'\u201c\u201d")
        if len(words) > MAX_SUMMARY_WORDS:
            summary += " \u2026"
        return summary
