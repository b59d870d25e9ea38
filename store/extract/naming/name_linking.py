"""Document-level steps of the name finder, shared by every backend.

Candidates (typed spans) become entities: one per thing named in the article, with a bare surname,
a shortened company name or an acronym linked to its full form, a single type chosen from all the
evidence, the titles written before a person kept as roles, and tickers attached to their company.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from dateline.store.extract.naming import gazetteer as gz

__all__ = ["Candidate", "link_entities", "lookup_place", "role_before"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_ROLE_TOKEN = re.compile(r"[\w.&'’-]+")
_ROLE_MODIFIERS = frozenset("""economic chief senior vice deputy former foreign trade top executive general financial
operating national security defense defence finance press acting interim assistant associate principal lead
special managing commerce treasury energy health state prime first second junior commercial legal political
""".split())
_DOTTED_END = re.compile(r"\.\w\.?$")  # "u.s." keeps its dots
_DOTTED_ABBR = re.compile(r"(?<![\w.])(?:\w\.){2,}(?=[ ]\w)")  # "u.s. federal" (not a final "u.s.")
_APPOSITIVE_ROLE = re.compile(
    r",[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?((?:[\w.&'’-]+[ \t]+){0,5}?(?:%s)(?:[ \t]+(?:of|for|at)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][\w.&'’-]*(?:[ \t]+[A-Z][\w.&'’-]*){0,4})?)(?=[ \t]*(?:[,.;:)]|$))" % gz.TITLES_RE, re.IGNORECASE)
_TYPE_ORDER = ("PERSON", "ORG", "PLACE", "PRODUCT", "EVENT", "OTHER")


@dataclass(slots=True)
class Candidate:
    """A typed span before linking. ``votes`` weighs the evidence for each type."""

    start: int
    end: int
    text: str
    votes: dict[str, int] = field(default_factory=dict)
    ticker: str | None = None
    canonical: str | None = None  # a name fixed by a gazetteer or by the user
    fixed: bool = False  # typed by the user: linking never changes it
    tag: bool = False  # an exchange tag "(NYSE: GM)": gives its ticker to the name before it


def lookup_place(surface: str) -> str | None:
    """The canonical place a surface form names ("U.S" → "United States"), or None."""
    hit = gz.PLACES.get(surface)
    if hit is not None:
        return hit
    s = surface.translate(_APOSTROPHES) if "\u2019" in surface or "\u2018" in surface else surface
    if hit is None and s.endswith("."):
        hit = gz.PLACES.get(s[:-1])
    if hit is None and "." in s:
        hit = gz.PLACES.get(s + ".") or gz.PLACES.get(s.replace(".", ""))
    if hit is None and s[:4] in ("The ", "the "):
        hit = gz.PLACES.get(s[4:])
    if hit is None and s.isupper() and len(s) > 3:
        hit = gz.PLACES.get(s.title())  # an all-caps dateline: "WASHINGTON"
    if hit is None and not s.isascii():
        hit = gz.PLACES.get(gz.ascii_fold(s))  # "Sao Paulo" written "São Paulo" or "Sāo Paulo"
    return hit


def role_before(text: str, pos: int, floor: int) -> str | None:
    """The title written just before a person's name ("U.S. Commerce Secretary"), or None."""
    window_start = max(floor, pos - 120)
    toks = [(m.start(), m.end(), m.group()) for m in _ROLE_TOKEN.finditer(text, window_start, pos)]
    if not toks or text[toks[-1][1]:pos].strip() not in ("", ","):
        return None
    lows = [t[2].lower().rstrip(",") for t in toks]
    top = len(toks)  # "Prime Minister of Canada": a title, "of", then where
    of = next((j for j in range(len(toks) - 1, max(-1, len(toks) - 6), -1) if lows[j] in ("of", "for")), None)
    if of is not None and all(t[2][:1].isupper() for t in toks[of + 1:]):
        top = of
    k = next((n for n in (3, 2, 1) if top >= n and " ".join(lows[top - n:top]) in gz.PERSON_TITLES), 0)
    if not k or (top < len(toks) and text[toks[-1][1]:pos].strip()):
        return None
    first = top - k
    while first > 0 and top - first < 7:
        s, e, w = toks[first - 1]
        if text[e:toks[first][0]].strip() or text[toks[first][0] - 1:toks[first][0]] == "\n":
            break
        low = w.lower()
        if low in ("&", "and") and first > 1 and not _is_title_word(toks[first - 2][2]):
            break  # "President Donald Trump and Chinese President": "and" joins two titles, not a name to one
        if w[0].isupper() and low not in gz.NOT_NAMES or low in _ROLE_MODIFIERS or low in gz.PERSON_TITLES or (
                low in ("&", "of", "and") and first > 1 and toks[first - 2][2][:1].isupper() and
                toks[first][2][:1].isupper()):
            first -= 1
        else:
            break
    while toks[first][2].lower() in ("&", "of", "and"):
        first += 1
    return text[toks[first][0]:toks[-1][1]]


def _is_title_word(word: str) -> bool:
    low = word.lower().rstrip(",")
    return low in gz.PERSON_TITLES or low in _ROLE_MODIFIERS or any(
        title.endswith(" " + low) for title in gz.PERSON_TITLES)


def role_after(text: str, end: int) -> str | None:
    """An appositive title after a name: "Louis Gallois, the Airbus chief executive, said" → its title."""
    m = _APPOSITIVE_ROLE.match(text, end)
    if not m:
        return None
    role = m.group(1)
    return role[:-1] if role.endswith(".") and role.rsplit(" ", 1)[-1] not in gz.CORP_SUFFIXES else role


def link_entities(text: str, candidates: list[Candidate], sentences: list[tuple[int, int]]) -> list[dict]:
    """Group candidates into entities and return them in the ``find_entities`` dict schema."""
    cands = _without_overlaps(candidates)
    cands = _apply_exchange_tags(text, cands)
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(_key(c), []).append(c)
    types = {k: _resolve_type(v) for k, v in groups.items()}
    _merge_acronyms(text, cands, groups, types)
    _merge_short_forms(groups, types)
    _merge_cashtags(groups, types)
    types.pop(_MOVED, None)
    starts = [s for s, _ in sentences]
    entities = [e for k, members in groups.items() if (e := _entity(text, members, types[k], starts)) is not None]
    entities.sort(key=lambda e: e["mentions"][0]["start"])
    return entities


def _without_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Keep user-fixed, then longer spans when two candidates overlap."""
    ranked = sorted(candidates, key=lambda c: (not c.fixed, c.tag, -(c.end - c.start), c.start))
    taken: list[tuple[int, int]] = []
    kept = []
    for c in ranked:
        i = bisect.bisect_left(taken, (c.start, c.end))
        if (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end):
            continue
        taken.insert(i, (c.start, c.end))
        kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _apply_exchange_tags(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Give "(NYSE: GM)" to the name right before it, then drop the tag itself."""
    out: list[Candidate] = []
    for c in cands:
        if c.tag:
            if out and not text[out[-1].end:c.start].strip(" \t,'’s"):
                out[-1].ticker = c.ticker
                out[-1].votes["ORG"] = out[-1].votes.get("ORG", 0) + 3
            continue
        out.append(c)
    return out


def _key(c: Candidate) -> str:
    """The grouping key: canonical place, else the surface without "the", "$", curly quotes or a final dot."""
    if c.canonical:
        return c.canonical.lower()
    s = " ".join(c.text.translate(_APOSTROPHES).split()).lower()
    s = _DOTTED_ABBR.sub(lambda m: m.group().replace(".", ""), s)  # "U.S. Federal Reserve" = "US Federal Reserve"
    if s.startswith("$"):
        s = s[1:]
    s = _MODEL_PLURAL_RE.sub(r"\1", s)  # "A380s" are the model "A380"
    return s[4:] if s.startswith("the ") else s.rstrip(".") if not _DOTTED_END.search(s) else s


# A model written in the plural ("A380s", "787-9s"); not a decade ("1990s").
_MODEL_PLURAL_RE = re.compile(r"(?<![\w-])(?!(?:1[89]|20)\d0s\b)([a-z]{0,3}-?\d[\w-]*\d[a-z]?)s$")


def _resolve_type(members: list[Candidate]) -> str:
    """The type with the most votes over all mentions (ties in ``_TYPE_ORDER``)."""
    total: dict[str, int] = {}
    for c in members:
        for t, v in c.votes.items():
            total[t] = total.get(t, 0) + v
    if not total:
        return "ORG"
    return max(_TYPE_ORDER, key=lambda t: (total.get(t, 0), -_TYPE_ORDER.index(t)))


def _strength(members: list[Candidate], typ: str) -> int:
    return max((c.votes.get(typ, 0) for c in members), default=0)


def _words(key: str) -> list[str]:
    return [w for w in key.split() if w not in ("of", "the", "and", "&", "for", "de")]


def _initials(key: str) -> str:
    words = [w for w in _words(key) if w.rstrip(".").upper() not in _SUFFIX_UPPER]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


_GENERIC_ORG_WORDS = frozenset(w.lower() for w in gz.ORG_WORDS | gz.CORP_SUFFIXES | gz.PLACE_WORDS)
_SUFFIX_UPPER = frozenset(s.rstrip(".").upper() for s in gz.CORP_SUFFIXES)


def _merge(groups: dict, types: dict, short: str, long: str) -> None:
    """Move group ``short`` into ``long``; a target already merged away is followed to where it went."""
    moved = types.setdefault(_MOVED, {})
    seen = {short}
    while long not in groups and long in moved and long not in seen:
        seen.add(long)
        long = moved[long]
    if short == long or short not in groups or long not in groups:
        return
    groups[long].extend(groups.pop(short))
    types.pop(short)
    moved[short] = long


_MOVED = "\0moved"  # the key under which ``types`` remembers merged groups while linking


def _merge_acronyms(text: str, cands: list[Candidate], groups: dict, types: dict) -> None:
    """ "General Motors (GM)" and a later "GM" join "General Motors"; so does "GAO" with its full name."""
    for a, b in zip(cands, cands[1:]):
        ka, kb = _key(a), _key(b)
        if (text[a.end:b.start].strip() == "(" and b.text.isupper() and ka in groups and kb in groups
                and ka != kb and not b.fixed and _initials(ka)[:1] == b.text[:1]):
            _merge(groups, types, kb, ka)
    by_initials: dict[str, list[str]] = {}
    for k in groups:
        if types[k] in ("ORG", "PLACE"):
            by_initials.setdefault(_initials(k), []).append(k)
    for k in list(groups):
        bare = k.replace(".", "").upper()
        if k in groups and bare.isalpha() and len(bare) >= 2 and groups[k][0].text.replace(".", "").isupper():
            targets = [t for t in by_initials.get(bare, []) if t != k and t in groups]
            if len(targets) == 1 and not any(c.fixed or c.canonical for c in groups[k]):
                _merge(groups, types, k, targets[0])


def _merge_short_forms(groups: dict, types: dict) -> None:
    """Surname → the one person with that surname; "Lockheed" → the one company whose name starts so.

    A surname shared by two people joins neither but is still typed PERSON; a bare first name joins
    the one person it starts, when no surname matches.
    """
    surnames: dict[str, list[str]] = {}
    given: dict[str, list[str]] = {}
    prefixes: dict[str, list[str]] = {}
    models: dict[str, list[str]] = {}
    for k in groups:
        words = _words(k)
        if len(words) < 2:
            continue
        if types[k] == "PRODUCT":  # "A380" alone → "Airbus A380"; the maker's bare name never joins it
            models.setdefault(words[-1], []).append(k)
            continue
        if types[k] == "PERSON" or _could_be_person(groups[k], words):
            core = [w for w in words if w.rstrip(".") not in ("jr", "sr", "ii", "iii", "iv")]
            surnames.setdefault(core[-1], []).append(k)
            given.setdefault(core[0], []).append(k)
        if types[k] == "ORG" and not any(c.canonical for c in groups[k]):  # "S&P analyst" is not "S&P 500"
            for n in range(1, len(words)):
                if _same_company(words[n:]):  # "Ford" → "Ford Motor Co."; not → "Boeing Commercial Airplanes"
                    prefixes.setdefault(" ".join(words[:n]), []).append(k)
            if words[-1] not in _GENERIC_ORG_WORDS and not _could_be_person(groups[k], words):  # "Yankees"
                prefixes.setdefault(words[-1], []).append(k)
    for k in list(groups):
        members = groups.get(k)
        if not members or any(c.fixed or c.canonical for c in members):
            continue
        if types[k] == "PRODUCT":
            if len(models.get(k, [])) == 1 and models[k][0] != k and models[k][0] in groups:
                _merge(groups, types, k, models[k][0])
            continue
        # a group merged away earlier in this loop is no longer a target
        orgs = [o for o in prefixes.get(k, []) if o != k and o in groups]
        # a first word joins only a known person
        people = [p for p in surnames.get(k, []) if p != k and p in groups] or [
            p for p in given.get(k, []) if p != k and p in groups and types[p] == "PERSON"]
        weak = _strength(members, "ORG") < 4 and _strength(members, "PLACE") < 4
        if len(orgs) == 1:
            _merge(groups, types, k, orgs[0])
        elif not orgs and weak and len(people) == 1:
            types[people[0]] = "PERSON"  # "Lukaku" alone elsewhere: "Romelu Lukaku" is a person
            _merge(groups, types, k, people[0])
        elif not orgs and weak and people:
            types[k] = "PERSON"


def _same_company(tail: list[str]) -> bool:
    """Whether the words after a bare name still name the company itself ("Motor Co.", "Martin", "Sachs Group"),
    not a division or programme of it ("Commercial Airplanes", "Defence and Space", "Innovative Advanced Concepts")."""
    if any(w.rstrip(".,") in gz.DIVISION_WORDS for w in tail):
        return False
    return sum(w not in _GENERIC_ORG_WORDS for w in tail) <= 1


def _could_be_person(members: list[Candidate], words: list[str]) -> bool:
    """A two- or three-word name typed ORG only by default (no suffix, place or other evidence)."""
    return (len(words) <= 3 and all(w.isalpha() for w in words) and _strength(members, "ORG") <= 1
            and _strength(members, "PLACE") == 0 and not any(c.ticker for c in members))


def _merge_cashtags(groups: dict, types: dict) -> None:
    """A lone "$GM" joins the company that already carries the ticker GM."""
    by_ticker = {c.ticker: k for k, members in groups.items() for c in members
                 if c.ticker and not c.text.startswith("$")}
    for k in list(groups):
        members = groups[k]
        if all(c.text.startswith("$") for c in members):
            target = by_ticker.get(members[0].ticker)
            if target is not None and target != k and target in groups:
                _merge(groups, types, k, target)


def _entity(text: str, members: list[Candidate], typ: str, starts: list[int]) -> dict | None:
    members.sort(key=lambda c: c.start)
    real = [c for c in members if not c.text.startswith("$")] or members
    canonical = next((c.canonical for c in members if c.canonical), None)
    if canonical is None:
        singular = [c for c in real if not _MODEL_PLURAL_RE.search(c.text.lower())] or real
        best = max(singular, key=lambda c: (len(c.text.split()), len(c.text), not c.text.isupper(), -c.start))
        canonical = best.text.translate(_APOSTROPHES)
        canonical = canonical[4:] if canonical[:4] in ("The ", "the ") else canonical
        if canonical.startswith("$"):
            canonical = canonical[1:]
    mentions, roles, aliases = [], [], []
    for c in members:
        role = None
        if typ == "PERSON":
            i = bisect.bisect_right(starts, c.start) - 1
            role = role_before(text, c.start, starts[i] if i >= 0 else 0) or role_after(text, c.end)
            if role and role not in roles:
                roles.append(role)
        mentions.append({"start": c.start, "end": c.end, "text": c.text, "role": role})
        surface = c.text[1:] if c.text.startswith("$") else c.text
        if surface != canonical and surface not in aliases:
            aliases.append(surface)
    ticker = next((c.ticker for c in members if c.ticker), None)
    return {"name": canonical, "type": typ, "aliases": aliases, "roles": roles, "ticker": ticker,
            "mentions": mentions}
