"""The name finder: people, organisations and places in one article, with aliases, roles and tickers.

``find_entities(text, sentences)`` is the entry point. The built-in backend needs no model: it chunks
runs of capitalised words (with connectors such as "of", "de", "&"), drops sentence openers, labels,
weekdays and months, and types each chunk from general gazetteers and cues (titles, given names,
corporate suffixes). ``store.extract.name_linking`` then works at document level: one entity per thing
named, surnames and acronyms linked to full names, one type per entity, roles and tickers attached.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

from dateline.store.extract.naming import gazetteer as gz
from dateline.store.extract.naming.gazetteer_shapes import (AIRBUS_MODEL, BOEING_BARE, BOEING_MODEL, BOEING_NICKNAMES,
                                                            MARKET_INDICES)
from dateline.store.extract.naming.name_chunks import (CHUNK, MAX_NAME_WORDS, TOKEN, is_sentence_start, split_chunk,
                                                       trim_headlines)
from dateline.store.extract.naming.name_linking import Candidate, link_entities, lookup_place
from dateline.store.extract.naming.name_typing import TITLES_RE, LowerCaseUse, common_word_opening, is_title, type_votes
from dateline.store.extract.naming.tickers import find_tickers
from dateline.store.model import ENTITY_TYPES

__all__ = ["find_entities", "backend_names", "SPACY_MISSING"]

SPACY_MISSING = "spaCy backend needs: pip install 'dateline[spacy]' and an English pipeline"

_EMPLOYER_NEXT = re.compile(r"(?:'s|’s)?[ \t]+(?:[a-z]+[ \t]+)?(?:%s)[ \t]+[A-Z]" % TITLES_RE)
_LOWER_NEXT = re.compile(r"[ \t]+[a-z]")
_PARTY_TAG = re.compile(r"(?<![\w-])[DRI]-[A-Z][A-Za-z]*\.?(?:[A-Z]\.)*")  # "Sen. Jane Doe, D-N.Y., said"
_LABEL_END = re.compile(r"[ \t]*:")


def backend_names() -> list[str]:
    """The name-finder backends usable here: always ``builtin``, plus ``spacy`` when it is installed."""
    from dateline.store.extract.naming import spacy_backend

    return ["builtin"] + (["spacy"] if spacy_backend.available() else [])


def find_entities(text: str, sentences: list[tuple[int, int]], *, known: dict[str, str] | None = None,
                  backend: str = "builtin") -> list[dict]:
    """known: extra names the user marked by hand: {surface name: TYPE}; always found and typed so."""
    if backend == "builtin":
        candidates = builtin_candidates(text, sentences)
    elif backend == "spacy":
        from dateline.store.extract.naming import spacy_backend

        if not spacy_backend.available():
            raise RuntimeError(SPACY_MISSING)
        candidates = spacy_backend.candidates(text, sentences, builtin_candidates)
    else:
        raise ValueError(f"unknown name-finder backend {backend!r}; choose builtin or spacy")
    candidates = _with_indices(text, candidates)
    candidates = _with_aircraft(text, candidates)
    if known:
        candidates = _with_known(text, candidates, known)
    return link_entities(text, candidates, sentences)


_INDEX_RE = re.compile("|".join(f"(?P<i{n}>(?<![\\w&])(?:{surfaces})(?![\\w&]))"
                                for n, surfaces in enumerate(MARKET_INDICES.values())))
_INDEX_NAMES = list(MARKET_INDICES)
_INDEX_WORDS = ("Dow", "DJIA", "S&P", "Standard", "Nasdaq", "NASDAQ", "FTSE", "Nikkei", "DAX", "CAC", "Hang Seng",
                "Shanghai", "Russell")  # one of these is in every way of writing an index


def _with_indices(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Every way of writing a stock market index ("the Dow", "Dow Jones industrials", "Standard & Poor's
    500 index") becomes one name, the index's own; other candidates it overlaps give way."""
    if not any(word in text for word in _INDEX_WORDS):  # most articles name no index: skip the scan
        return candidates
    found = [Candidate(m.start(), m.end(), m.group(), {"PRODUCT": 6}, canonical=_INDEX_NAMES[int(str(m.lastgroup)[1:])])
             for m in _INDEX_RE.finditer(text)]
    return _replacing(candidates, found)


_AIRBUS_RE = re.compile(rf"(?<![\w-]){AIRBUS_MODEL}(?![\w-])")
_BOEING_RE = re.compile(rf"(?<![\w-]){BOEING_MODEL}(?![\w-])")
_BOEING_BARE_RE = re.compile(BOEING_BARE)
_NICKNAME_RE = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, BOEING_NICKNAMES)))


def _with_aircraft(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Every way of writing an airliner model ("A380s", "Airbus A380-800", "787-9s", "B787 Dreamliner",
    "Dreamliner"; a bare "787" where the article names Boeing) becomes one name, "Airbus A380" or
    "Boeing 787", so a model is one entity across articles; other candidates it overlaps give way."""
    found: list[Candidate] = []
    if "A3" in text:
        found += [Candidate(m.start(), m.end(), m.group(), {"PRODUCT": 6}, canonical=f"Airbus A{m.group(1)}")
                  for m in _AIRBUS_RE.finditer(text)]
    if "Boeing" in text or "Dreamliner" in text or "B7" in text:
        for m in _BOEING_RE.finditer(text):
            number = m.group(1) or m.group(2)
            found.append(Candidate(m.start(), m.end(), m.group(), {"PRODUCT": 6},
                                   canonical=f"Boeing {number}" + (" MAX" if m.group("max") else "")))
        taken = [(c.start, c.end) for c in found]
        for m in _NICKNAME_RE.finditer(text):
            if not any(s <= m.start() < e for s, e in taken):
                found.append(Candidate(m.start(), m.end(), m.group(), {"PRODUCT": 6},
                                       canonical=f"Boeing {BOEING_NICKNAMES[m.group()]}"))
        if "Boeing" in text:
            taken = [(c.start, c.end) for c in found]
            found += [Candidate(m.start(), m.end(), m.group(), {"PRODUCT": 6},
                                canonical=f"Boeing {m.group(1) or m.group(2)}")
                      for m in _BOEING_BARE_RE.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    return _replacing(candidates, found)


def _replacing(candidates: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """``found`` added to the candidates, less those they overlap (a hand-marked name stays)."""
    if not found:
        return candidates
    spans = [(c.start, c.end) for c in found]
    kept = [c for c in candidates if c.fixed or not any(c.start < e and s < c.end for s, e in spans)]
    return kept + found


def builtin_candidates(text: str, sentences: list[tuple[int, int]]) -> list[Candidate]:
    """Typed name candidates from capitalised chunks, before any document-level linking."""
    starts = sorted({s for s, _ in sentences} | {m.end() for m in re.finditer(r"\n", text)} | {0})
    lower_words = LowerCaseUse(text)
    tickers = find_tickers(text)
    ticker_at = {s: sym for s, _, sym, form in tickers if form == "suffix"}
    blocked = sorted([(s, e) for s, e, _, form in tickers if form != "suffix"] +
                     [m.span() for m in _PARTY_TAG.finditer(text)])
    blocked_starts = [s for s, _ in blocked]
    found: list[Candidate] = []
    pieces: list[list] = []
    for chunk in CHUNK.finditer(text):
        k = bisect.bisect_right(blocked_starts, chunk.start()) - 1
        if k >= 0 and chunk.start() < blocked[k][1]:
            continue  # inside "(NYSE: GM)", "$GM" or "D-N.Y."
        words = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, chunk.start(), chunk.end())]
        pieces += split_chunk(text, words, starts, ticker_at)
    pieces = trim_headlines(text, pieces)
    midsentence = {t[2] for p in pieces if len(p) > 1 or not is_sentence_start(text, p[0][0], starts) for t in p}
    openers = Counter(p[0][2] for p in pieces if len(p) == 1 and is_sentence_start(text, p[0][0], starts))
    repeated = midsentence | {w for w, n in openers.items() if n > 1}  # opening two sentences: maybe a name
    for piece in pieces:
        found += _piece_candidates(text, piece, starts, lower_words, ticker_at, (midsentence, repeated))
    _coordinated_people(text, found)
    found += [Candidate(s, e, text[s:e], {"ORG": 1}, ticker=sym) for s, e, sym, form in tickers
              if form == "cashtag"]
    found += [Candidate(s, e, text[s:e], {}, ticker=sym, tag=True) for s, e, sym, form in tickers
              if form == "exchange"]
    return found



def _piece_candidates(text: str, piece: list, starts: list[int], lower_words: LowerCaseUse,
                      ticker_at: dict[int, str], elsewhere: tuple[set[str], set[str]]) -> list[Candidate]:
    """Type one run of name words (and the places inside a title before it), or drop it."""
    ticker = None
    if len(piece) > 1 and piece[-1][0] in ticker_at and piece[-2][2] in gz.CORP_SUFFIXES:
        ticker = ticker_at[piece[-1][0]]
        piece = piece[:-1]
    words = [p[2] for p in piece]
    if len(words) > MAX_NAME_WORDS:
        return []  # a run of capitalised words this long is a headline or a shout, not a name
    found: list[Candidate] = []
    title_cue = False
    if is_title(words, len(words) - 1) and len(words) > 1:  # "White House Press Secretary": a role only
        return _role_candidates(text, piece, lower_words)
    for i in range(len(words) - 1, -1, -1):  # "U.S. Commerce Secretary Howard Lutnick": name after the title
        if is_title(words, i) and i + 1 < len(piece) and piece[i + 1][3]:
            k = _name_after_title_of(text, piece, i + 2)  # "Prime Minister of Canada Stephen Harper"
            found = _role_candidates(text, piece[:k], lower_words)
            if k == len(piece):
                return found
            piece, words, title_cue = piece[k:], words[k:], True
            break
        if is_title(words, i) and not _names_organisation(text, piece[i + 1:]):
            found = _role_candidates(text, piece[:i + 1], lower_words)
            piece, words, title_cue = piece[i + 1:], words[i + 1:], True
            break
    if not piece:
        return found
    start, end = piece[0][0], piece[-1][1]
    surface = text[start:end]
    at_start = is_sentence_start(text, start, starts)
    if _LABEL_END.match(text, end) and at_start and not lookup_place(surface) and surface not in gz.KNOWN_ORGS:
        return found  # a section label: "What Happened:"
    if words[0] in gz.HONORIFICS:
        if len(piece) == 1:
            return found
        title_cue, piece, words, start = True, piece[1:], words[1:], piece[1][0]
        surface = text[start:end]
    for n in range(len(words) - 1, 0, -1):  # "United States Senate" → the place, then the Senate
        head = text[start:piece[n - 1][1]]
        if " ".join(words[n:]) in gz.STATE_BODIES and (lookup_place(head) or head in gz.DEMONYMS) and \
                surface not in gz.KNOWN_ORGS:
            found.append(Candidate(start, piece[n - 1][1], head, {"PLACE": 5},
                                   canonical=lookup_place(head) or gz.DEMONYMS[head]))
            piece, words, start = piece[n:], words[n:], piece[n][0]
            surface = text[start:end]
            break
    if len(words) == 1 and len(words[0].rstrip(".")) == 1:
        return found  # "P" of "P/E", "(L)" in a caption: a letter, not a name
    if at_start and len(words) == 1 and words[0] not in elsewhere[0] and (common_word_opening(text, words[0], end) or (
            words[0] not in elsewhere[1] and _plural_opener(text, words[0], end)) or _adverb_opener(text, words[0], end)):
        return found  # "Bankruptcy for ...", "Technical problem ...", "Almost everyone": a common word opening
    employer = _EMPLOYER_NEXT.match(text, end) is not None  # "Morgan Stanley analyst Joseph Moore"
    votes = type_votes(text, words, start, end, at_start, lower_words, employer=employer)
    if votes is None:
        return found
    if title_cue:
        votes["PERSON"] = votes.get("PERSON", 0) + 6
    place = (lookup_place(surface) or gz.DEMONYMS.get(surface)) if votes.get("PLACE", 0) >= 5 else None
    found.append(Candidate(start, end, surface, votes, ticker=ticker, canonical=place))
    return found


_AND = re.compile(r"[ \t]*,?[ \t]*(?:and|or)[ \t]+")
_COMMA = re.compile(r"[ \t]*,[ \t]*")


def _coordinated_people(text: str, found: list[Candidate]) -> None:
    """ "Rand Paul and Thom Tillis", "Jane Roe, Thom Tillis and ...": an untyped two- or three-word name listed
    with a person is a person. A comma alone is no list (", Sergey Brin," is an apposition), nor is a
    single word ("Google and Mohamed")."""
    found.sort(key=lambda c: c.start)
    for _ in range(2):  # a list of three: the evidence walks both ways
        for i, (a, b) in enumerate(zip(found, found[1:])):
            listed = _AND.fullmatch(text, a.end, b.start) or (
                _COMMA.fullmatch(text, a.end, b.start) and i + 2 < len(found)
                and _AND.fullmatch(text, b.end, found[i + 2].start))
            if not listed:
                continue
            for person, other in ((a, b), (b, a)):
                if _is_person(person) and set(other.votes) <= {"ORG", "PERSON"} and other.votes.get("ORG", 0) <= 1 \
                        and other.votes.get("PERSON", 0) < 2 and 2 <= len(other.text.split()) <= 3 \
                        and not other.text.isupper():
                    other.votes["PERSON"] = 2


def _is_person(c: Candidate) -> bool:
    person = c.votes.get("PERSON", 0)
    return person >= 2 and all(v < person for t, v in c.votes.items() if t != "PERSON")


def _plural_opener(text: str, word: str, end: int) -> bool:
    """ "Critics say ...", "Hundreds of ...": a plural common noun opening a sentence, used nowhere else."""
    return (len(word) > 3 and word.endswith("s") and not word.endswith(("us", "ss", "is", "os")) and word[1:].islower()
            and _LOWER_NEXT.match(text, end) is not None and not lookup_place(word) and word not in gz.KNOWN_ORGS
            and word not in gz.DEMONYMS)


_OPENER_NEXT = re.compile(
    r"[ \t]*(?:,(?![ \t]+(?:the|a|an|who|which|whose|its|his|her|their|chief|president|[A-Z\d]))|[ \t]+(?:to|for|the|a|an|of|"
    r"everyone|everything|everybody|all|some|many|most|this|that|these|those|it|we|you|they|there|in|on|at|with|after|"
    r"before|until|when|if|as|not|enough|more|less|because|so|than|then|again)\b)")


def _adverb_opener(text: str, word: str, end: int) -> bool:
    """ "Almost everyone ...", "Usually, ...", "Due to ...": a word opening a sentence the way names do not."""
    return (_OPENER_NEXT.match(text, end) is not None and not lookup_place(word) and word not in gz.KNOWN_ORGS
            and word not in gz.DEMONYMS and word not in gz.GIVEN_NAMES and not word.isupper())


def _role_candidates(text: str, role: list, lower_words: LowerCaseUse) -> list[Candidate]:
    """Places and employers named inside a title ("U.S. Commerce Secretary", "Morgan Stanley analyst")."""
    lows = [p[2].lower() for p in role]
    titled = [False] * len(role)
    for i in range(len(role)):
        n = next((n for n in (3, 2, 1) if " ".join(lows[i:i + n]) in gz.PERSON_TITLES), 0)
        titled[i:i + n] = [True] * n
    found, run = [], []
    for tok, in_title in zip(role + [None], titled + [True]):
        if not in_title:
            run.append(tok)
            continue
        while run and run[0][3]:
            run = run[1:]
        while run and run[-1][3]:
            run = run[:-1]
        words = [t[2] for t in run if not t[3]]
        if words and not all(w in gz.DEPARTMENTS for w in words):
            s, e = run[0][0], run[-1][1]
            places = [t for t in run if not t[3] and (lookup_place(t[2]) or t[2] in gz.DEMONYMS)]
            if places and not lookup_place(text[s:e]) and text[s:e] not in gz.KNOWN_ORGS:
                found += [Candidate(t[0], t[1], t[2], {"PLACE": 5}, canonical=lookup_place(t[2]) or gz.DEMONYMS[t[2]])
                          for t in places]
            else:
                votes = type_votes(text, words, s, e, False, lower_words, employer=True)
                if votes:
                    found.append(Candidate(s, e, text[s:e], votes, canonical=lookup_place(text[s:e])))
        run = []
    return found


def _name_after_title_of(text: str, piece: list, first: int) -> int:
    """Where a person's name starts after "<title> of <place or organisation>", or len(piece) if nowhere."""
    for k in range(first + 1, len(piece)):
        left, right = text[piece[first][0]:piece[k - 1][1]], [p[2] for p in piece[k:]]
        if (lookup_place(left) or left in gz.KNOWN_ORGS or piece[k - 1][2] in gz.ORG_WORDS) and (
                len(right) <= 4 and not any(p[3] for p in piece[k:])):
            return k
    return len(piece)


def _names_organisation(text: str, rest: list) -> bool:
    """Whether the words after a title-like word make an organisation or place ("General Motors Co.")."""
    if not rest:
        return True
    words = [p[2] for p in rest]
    return bool(lookup_place(text[rest[0][0]:rest[-1][1]]) or any(w in gz.ORG_WORDS for w in words))


def _with_known(text: str, candidates: list[Candidate], known: dict[str, str]) -> list[Candidate]:
    """Add every occurrence of a hand-marked name, typed as marked; it wins over overlapping candidates."""
    names = sorted((n for n in known if n and n.strip()), key=len, reverse=True)
    if not names:
        return candidates
    pattern = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, names)))
    marked = []
    for m in pattern.finditer(text):
        typ = str(known[m.group()]).upper()
        marked.append(Candidate(m.start(), m.end(), m.group(), {typ if typ in ENTITY_TYPES else "OTHER": 100},
                                canonical=m.group(), fixed=True))
    kept, ends = [], [m.end for m in marked]
    dropped: set[int] = set()
    for c in sorted(candidates, key=lambda c: c.start):
        inside = [m for m in _overlapping(marked, ends, c) if c.start < m.start and m.end == c.end]
        if len(inside) == 1:  # "Howard Lutnick" found, "Lutnick" marked: keep the longer name, typed as marked
            c.votes = dict(inside[0].votes)
            dropped.update(id(m) for m in inside)
            kept.append(c)
        elif not _overlapping(marked, ends, c):
            kept.append(c)
    return kept + [m for m in marked if id(m) not in dropped]


def _overlapping(marked: list[Candidate], ends: list[int], c: Candidate) -> list[Candidate]:
    """The marked names (sorted, disjoint; ``ends`` their ends) that overlap candidate ``c``."""
    i = bisect.bisect_left(ends, c.start + 1)
    out = []
    while i < len(marked) and marked[i].start < c.end:
        out.append(marked[i])
        i += 1
    return out
