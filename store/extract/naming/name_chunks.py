"""Chunking for the built-in name finder: runs of capitalised words, cut where they stop being one name.

``CHUNK`` finds runs of capitalised words (with connectors such as "of", "de", "&"); ``split_chunk`` cuts
them at sentence starts, non-name words and weak connectors; ``trim_headlines`` keeps only the known
names inside Title Case or ALL-CAPS headline lines.
"""
from __future__ import annotations

import bisect
import re

from dateline.store.extract.naming import gazetteer as gz
from dateline.store.extract.naming.name_linking import lookup_place
from dateline.store.extract.naming.name_models import MODEL
from dateline.store.extract.naming.name_typing import PINYIN, TITLE_WORDS

__all__ = ["CHUNK", "TOKEN", "MAX_NAME_WORDS", "split_chunk", "trim_headlines", "is_sentence_start"]

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(
    chr(c) for c in range(0x100, 0x250) if chr(c).isupper()) + "\u0391-\u03a9\u0400-\u042f"
_ABBR = ("Mr|Mrs|Ms|Dr|St|Jr|Sr|Co|Inc|Corp|Ltd|Gen|Sen|Sens|Rep|Reps|Gov|Lt|Col|Capt|Sgt|Prof|Rev|Bros|Mt|Ft|Adm|Cmdr|"
         + "|".join(a[:-1] for a in gz.STATE_ABBREVIATIONS))
_PARTICLE = r"(?:(?:al|el|bin|de|da|di|van|von|le|la|du|del|der|d|ul)[-'’])"
_POSSESSIVE = "|".join(re.escape(b[:-2]) for b in gz.POSSESSIVE_BRANDS)
WORD = (rf"(?:(?:{_POSSESSIVE})['’]s(?!\w)|[{_UP}](?:\.[{_UP}])+\.?(?!\w)|(?:{_ABBR})\.|[{_UP}]\.(?=[ \t]+[{_UP}][a-z])|"
        rf"[ie][A-Z][a-z][\w]*|{_PARTICLE}?[{_UP}][\w&]*"
        rf"(?:-[\w&]+|['’‘](?!(?:[sSdDmMtT]|re|ll|ve)\b)\w+)*(?:\.(?:com|net|org|io)(?!\w))?)")
# a number inside a name: "S&P 500", "Boeing 787 Dreamliner", "737 MAX", "8th Circuit" (kept only where
# ``_number_belongs`` says so); never a figure ("Apple 3%"), a score ("4-0") or a decimal
NUMBER = r"\d{1,4}(?:st|nd|rd|th|[A-Z])?(?![\w%-]|[.,]\d|[ \t]*(?:%|percent|per|points?|[mb]illion|years?)\b)"
_CONNECTOR = r"of|for|de|da|di|do|dos|das|del|della|des|du|van|von|der|den|ter|ten|la|le|bin|ibn|y|and|&"
_GAP = rf"[ \t]+(?:(?:{_CONNECTOR})[ \t]+(?:(?:the|der|la|de|den)[ \t]+)?)?"  # "von der", "de la", "of the"
CHUNK = re.compile(rf"(?<![\w$@#.,])(?:{NUMBER}[ \t]+(?=[{_UP}]))?(?:{WORD})(?:{_GAP}(?:{WORD})|[ \t]+{NUMBER})*")
TOKEN = re.compile(rf"{WORD}|(?<![\w])(?:{_CONNECTOR}|the)(?![\w])|(?<![\w])\d{{1,4}}(?:st|nd|rd|th|[A-Z])?(?!\w)")
_LINE = re.compile(r"[^\n]+")
_ALPHA_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FUNCTION_WORDS = frozenset("a an the of in on at to for from with by after before as and or but over under into "
                            "amid against about is are was be".split())
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z][A-Z&]{1,9})\)")
_OPENING_PUNCT = "\"'“‘`([«—–- \t"


def trim_headlines(text: str, pieces: list[list]) -> list[list]:
    """In a Title Case or ALL-CAPS line (a headline, a table, wire boilerplate) keep only the words the
    article also capitalises elsewhere, and known names."""
    spans = [m.span() for m in _LINE.finditer(text) if _is_title_case(m.group()) or _is_shouted(m.group())]
    if not spans:
        return pieces
    starts = [s for s, _ in spans]

    def in_title(piece: list) -> bool:
        k = bisect.bisect_right(starts, piece[0][0]) - 1
        return k >= 0 and piece[0][0] < spans[k][1]

    seen = {t[2] for p in pieces if p and not in_title(p) for t in p}
    seen_upper = {w.upper() for w in seen}

    def known(word: str) -> bool:
        return bool(word in seen or word.isupper() and word in seen_upper or lookup_place(word)
                    or word in gz.KNOWN_ORGS or word in gz.DEMONYMS or word.title() in gz.DEMONYMS)

    out: list[list] = []
    for piece in pieces:
        if not piece or not in_title(piece):
            out.append(piece)
            continue
        run: list = []
        for tok in piece + [None]:
            if tok is not None and (tok[3] or known(tok[2])):
                run.append(tok)
                continue
            while run and run[-1][3]:
                run.pop()
            while run and run[0][3]:
                run.pop(0)
            if run:
                out.append(run)
            run = []
    return out


def _is_shouted(line: str) -> bool:
    """A line written in capitals: "SOCCER - ENGLISH LEAGUE RESULTS", "W L T PTS", "STORY CAN END HERE"."""
    words = _ALPHA_WORD.findall(line)
    if not words or len(line) > 300:
        return False
    caps = sum(w.isupper() for w in words)
    return caps >= 0.7 * len(words) and (len(words) >= 2 or len(words[0]) > 3)


def _is_title_case(line: str) -> bool:
    """A headline in Title Case: most words capitalised, function words too ("Shares Surge After ...")."""
    if len(line) > 200:
        return False
    words = _ALPHA_WORD.findall(line)
    if len(words) < 4:
        return False
    if all(w[0].isupper() for w in words) and not line.rstrip().endswith((".", ",", ";", ":", '"', "”")):
        return True  # a subhead: "Thomson Reuters Increases Dividend"
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words) and any(
        w[0].isupper() and w.lower() in _FUNCTION_WORDS for w in words[1:])


def split_chunk(text: str, words: list[tuple[int, int, str]], starts: list[int],
                 ticker_at: dict[int, str]) -> list[list]:
    """Cut a chunk at sentence starts, hard non-name words, weak connectors and '-based' style tails."""
    pieces: list[list] = [[]]
    for i, (s, e, w) in enumerate(words):
        low = w.lower()
        if w[0].isdigit():
            if _number_belongs(words, i):
                pieces[-1].append((s, e, w, False))
            else:
                pieces.append([])
            continue
        if w in gz.NOT_NAME_ABBREVIATIONS or _PERIOD_CODE.fullmatch(w):
            pieces.append([])  # "FY", "EPS", "Q3": report words, not names
            continue
        if "-" in w and w.rsplit("-", 1)[1].islower() and not w.split("-", 1)[0].islower():
            if w.split("-", 1)[0].lower() in gz.HYPHEN_PREFIXES:
                pieces.append([])  # "Pre-orders" is a word, not a name
                continue
            e = s + w.rindex("-")  # "City-based" → "City"
            w = text[s:e]
        if w == low and (low == "the" or low in _CONNECTOR_SET) or w == "&":
            pieces[-1].append((s, e, w, True))
            continue
        if w.isupper() and len(w) > 1:
            low = ""  # "US" is not "us"
        if w in gz.FAMILY_FIRST_SURNAMES and i + 1 < len(words) and PINYIN.fullmatch(words[i + 1][2].lower()):
            low = ""  # "He Lifeng": a family name, not the pronoun
        if text[e:e + 1] == "$":
            pieces.append([])  # "US$40": a currency
            continue
        at_start = is_sentence_start(text, s, starts) or (
            i > 0 and words[i - 1][2] in _ENDING_SUFFIXES and w not in gz.CORP_SUFFIXES and s not in ticker_at)
        if at_start or low in gz.NOT_NAMES:
            pieces.append([])
        if low in gz.NOT_NAMES:
            prev = pieces[-2] if len(pieces) > 1 else []
            if low in _CALENDAR and len(prev) == 1 and not lookup_place(prev[0][2]) and not prev[0][2].isupper():
                pieces[-2] = []  # "Black Monday", "Super Tuesday": a named day, not a name before a date
            continue
        pieces[-1].append((s, e, w, False))
    out = []
    for piece in pieces:
        out.extend(_split_connectors(text, piece))
    return out


MAX_NAME_WORDS = 12
_CONNECTOR_SET = frozenset(_CONNECTOR.split("|"))
_ENDING_SUFFIXES = gz.CORP_SUFFIXES - {"Group", "Holdings", "Company", "Corporation", "Limited", "Incorporated"}
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                      "june july august september october november december".split())


_PERIOD_CODE = re.compile(r"(?:FY|Q[1-4]|H[12]|CY)(?:\d{2}|\d{4})?")
_NUMBER_UNITS = frozenset("AM PM GMT UTC EST EDT PST PDT CET BST ET PT KM MPH MW GW KW KWH MB GB TB".split())


def _number_belongs(words: list[tuple[int, int, str]], i: int) -> bool:
    """Whether number ``i`` is part of the name around it ("FTSE 100", "Boeing 787 Dreamliner", "737 MAX")."""
    w = words[i][2]
    prev = words[i - 1][2] if i > 0 and words[i - 1][2].lower() not in ("the", "a", "an") else ""
    nxt = words[i + 1][2] if i + 1 < len(words) else ""
    if w[-2:] in ("st", "nd", "rd", "th"):  # "8th Circuit", "101st Airborne"
        return nxt in gz.ORDINAL_HEADS
    if not prev:  # "737 MAX": a model number before a capitalised model name (not a year: "2018 FIFA")
        return (len(w) >= 3 and nxt.isupper() and len(nxt) >= 3 and nxt not in _NUMBER_UNITS
                and not (len(w) == 4 and w[:2] in ("19", "20")))
    if prev.lower() in gz.MONTHS or prev.lower() in ("the", "of", "and", "&") or (
            len(w) == 4 and w[:2] in ("19", "20") and not nxt):
        return False  # "March 15", "Paris 2024" at the end of a name: a date
    return (prev.isupper() and len(prev) > 1 or "&" in prev or prev in gz.NUMBER_HEADS or MODEL.fullmatch(prev)
            is not None or (len(w) >= 3 and nxt[:1].isupper()))




def _split_connectors(text: str, piece: list) -> list[list]:
    """Keep "X of Y" / "X & Y" together only where the gazetteers say such names exist."""
    out: list[list] = []
    while piece:
        while piece and piece[0][3]:
            piece = piece[1:]
        while piece and piece[-1][3]:
            piece = piece[:-1]
        if not piece:
            break
        joined = text[piece[0][0]:piece[-1][1]]
        cut = None
        if lookup_place(joined) is None and joined not in gz.KNOWN_ORGS and not _acronym_follows(text, piece):
            cut = next((i for i, p in enumerate(piece) if p[3] and not _keeps(piece, i)), None)
        if cut is None:
            out.append(piece)
            break
        out.append(piece[:cut])
        piece = piece[cut + 1:]
    return [p for p in out if p and not p[0][3]]


def _acronym_follows(text: str, piece: list) -> bool:
    """ "Securities and Exchange Commission (SEC)": the initials written after the name hold it together."""
    m = _ACRONYM_AFTER.match(text, piece[-1][1])
    if not m:
        return False
    initials = "".join(p[2][0] for p in piece if not p[3] or p[2] == "&")
    return m.group(1).replace("&", "") in (initials.replace("&", ""), initials.replace("&", "") + "S")


def _keeps(piece: list, i: int) -> bool:
    """Whether connector ``i`` stays inside the name: "&" always; "of"/"for" after a head such as "Bank"."""
    low = piece[i][2].lower()
    if low == "&":
        return True
    left = [p[2] for p in piece[max(0, i - MAX_NAME_WORDS):i] if not p[3]]
    if low in ("of", "for", "the"):
        return bool(left) and (left[-1] in gz.OF_HEADS or left[-1].lower() in TITLE_WORDS
                               or any(w in gz.ORG_WORDS for w in left))
    if low == "and":  # "Department of Health and Human Services", not "Bank of America and Wells Fargo"
        words = [p[2] for p in piece]
        of = [k for k in range(i) if piece[k][3] and piece[k][2] == "of"]
        if not of or "and" in words[of[-1]:i] or len(piece) - i > 4:
            return False
        return _keeps(piece, of[-1]) and not any(lookup_place(w) for w in words[of[-1] + 1:])
    return True  # name particles: "de", "van", "bin"



def is_sentence_start(text: str, pos: int, starts: list[int]) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and pos - starts[i] <= 8 and not text[starts[i]:pos].strip(_OPENING_PUNCT)

