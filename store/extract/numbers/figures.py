"""Find the numbers an article reports: percentages, money and quantities with units.

``find_figures(text, sentences, dates, entities)`` returns dicts with ``start, end, text, value, unit,
direction, metric, period, baseline, entities, sentence``. Money values are full amounts
(``US$40 billion`` -> 40e9, unit ``USD``); percentages have unit ``%``.
"""
from __future__ import annotations

import bisect
import re

from dateline.store.extract.dating.date_roles import date_role
from dateline.store.extract.dating.dates import parse_published
from dateline.store.extract.limits import MAX_FIGURES
from dateline.store.extract.numbers.figure_subjects import figure_subjects
from dateline.store.extract.numbers.figure_words import PREFIX_CURRENCY as _PREFIX_CURRENCY
from dateline.store.extract.numbers.figure_words import SCALES, WORD_VALUES
from dateline.store.extract.numbers.figure_words import SINGULAR_UNITS as _SINGULAR
from dateline.store.extract.numbers.figure_words import SMALL_NUMBERS as _SMALL
from dateline.store.extract.numbers.figure_words import SUFFIX_CURRENCY as _SUFFIX_CURRENCY
from dateline.store.extract.numbers.figure_words import TENS as _TENS
from dateline.store.extract.numbers.figure_words import UNITS as _UNITS

__all__ = ["find_figures", "parse_number", "MentionIndex"]

CONTEXT_CHARS = 300  # how far around a figure its clause is looked for
_NUM = (r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:(?:" + "|".join(sorted(_TENS, key=len, reverse=True))
        + r")(?:-(?:" + "|".join(_SMALL[1:10]) + r"))?|" + "|".join(sorted(_SMALL, key=len, reverse=True))
        + r"|a\s+dozen|a\s+half|half)\b)")
_SCALE = r"(?:[\s-]?(?:trillion|billion|million|thousand|bn|tn|mn|mln|bln|crore|lakh)\b|(?:m|b|k)\b)"
# Currency before the number. A bare "#" is the pound sign only before an amount in millions or more
# (MEANTIME's "GB #20.1 billion"); "#1" is a rank.
_PREFIX = (r"(?:(?:US\s?\$|U\.S\.\s?\$|AU?\$|CA?\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₹|GB\s?#)\s?"
           r"|#(?=\d[\d.,]*\s?(?:million|billion|bn|m)\b)"
           r"|(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|INR|CAD|AUD|Rs\.?)(?![^\W\d_])\s?)")
_CURRENCY_WORD = (r"(?:US\s+dollars?|dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|"
                  r"rupees?|francs?|pesos?|won|rubles?|roubles?|reais|real|rand|krona|krone|lira|cents?|"
                  r"USD|EUR|GBP|CNY|JPY)\b")
_PERCENT = r"(?:\s?%|[\s-]?(?:percent|per[\s-]cent|pct)\b)(?!age)"
# Hedges kept in a figure's text ("nearly seven hours", "about US$1.4 billion"), looked up backwards.
_APPROX_BEFORE_RE = re.compile(r"\b(?:nearly|almost|about|around|approximately|roughly|some|over|under|"
                               r"more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least|close\s+to|"
                               r"just\s+over|just\s+under)\s+$", re.IGNORECASE)
FIGURE_RE = re.compile(
    rf"\b(?P<bare_money>(?P<bm_num>{_NUM})\s(?P<bm_scale>trillion|billion|million)\b)"
    rf"(?=\s+(?:per|each|apiece|in|it|from|for|a|to|on|last|this|over|and)\b|\s*[.,;)])"
    rf"|(?<![^\W\d_])(?P<money>(?P<cur>{_PREFIX})(?P<m_num>{_NUM})(?P<m_scale>{_SCALE})?"
    rf"(?:\s+(?P<m_word>{_CURRENCY_WORD}))?)"
    rf"|\b(?P<percent>(?:(?P<p_low>{_NUM})\s?(?:-|–|to|and)\s?)?(?P<p_num>{_NUM}){_PERCENT})"
    rf"|\b(?P<plural>(?P<pl_scale>billions|millions|trillions|thousands)\b"
    rf"(?:\s+of\s+(?P<pl_word>{_CURRENCY_WORD}))?)"
    rf"|\b(?P<amount>(?P<a_num>{_NUM})(?P<a_scale>{_SCALE})?\s*(?:(?P<a_word>{_CURRENCY_WORD})"
    rf"|(?P<a_unit>percentage\s+points?|{'|'.join(_UNITS + list(_SINGULAR))})\b))",
    re.IGNORECASE,
)
_UP = ("rose rise rises rising risen up increased increase increases increasing gained gain gains climbed "
       "climb jumped jump surged surge soared soar grew grow growth higher advanced rallied boosted added "
       "expanded improved").split()
_DOWN = ("fell fall falls falling fallen down dropped drop drops declined decline declines decreased "
         "decrease plunged plunge plummeted slumped slump tumbled sank sink lost loss losses lower cut cuts "
         "slid slide shrank contracted eased dipped reduced slashed shed lose losing").split()
_DIRECTION_RE = re.compile(r"\b(" + "|".join(_UP + _DOWN) + r")\b", re.IGNORECASE)
_UP_WORDS = frozenset(_UP)
# "a 49% decline", "a 78 percent increase": the movement noun right after the figure.
_NOUN_AFTER_RE = re.compile(r"[\s-]+(increase|rise|gain|jump|surge|growth|climb|drop|decline|fall|plunge|"
                            r"loss|cut|decrease|slump|slide|dip)s?\b", re.IGNORECASE)
# "30%, down from 145%": what follows a figure when it names the figure's baseline...
_BASELINE_AFTER_RE = re.compile(r"(?:[^.;,]{0,60}?,)?\W{0,3}\b(?:(up|down)\s+from|compared\s+(?:to|with)|from)\s+"
                                r"(?:\w+\s+){0,4}?(?=[\d$€£¥])", re.IGNORECASE)
# ...and what precedes a figure that is itself a baseline.
_IS_BASELINE_RE = re.compile(r"\b(?:(?:up|down)\s+from|compared\s+(?:to|with)|from)\s+"
                             r"(?P<what>(?:\w+\s+){0,4})$", re.IGNORECASE)
_OF_PHRASE_RE = re.compile(r"\s+of\s+((?:[\w\u2019'-]+\s+){0,3}?[\w\u2019'-]+?)(?=[.,;:]|\s+(?:in|on|at|to|for|"
                           r"with|from|by|and|while|as|that|which)\b|$)", re.IGNORECASE)
_CLAUSE_START_RE = re.compile(r"[;:(]|,\s+(?:while|but|and|whereas|although|as)\b|\b(?:while|whereas|"
                              r"showed|shows|said|says|reported|reports|that|however,?)\s", re.IGNORECASE)
_VERBS = (r"remain(?:s|ed)?|stood|stands|was|were|is|are|reached|hit|totall?ed|has|have|had|be|been|"
          r"make|makes|made|accounts?|equal(?:s|led)?|cost|costs|sold|bought|lost|earned|paid|will|would|")
_METRIC_STOP_RE = re.compile(r"\b(?:" + _VERBS + "|".join(w for w in _UP + _DOWN if w not in ("up", "down"))
                             + r")\b", re.IGNORECASE)
_TRAILING_RE = re.compile(r"(?:\s+(?:at|to|by|of|from|about|around|nearly|almost|some|over|a|an|the|than|"
                          r"more|less|as\s+much\s+as|as|much))+$", re.IGNORECASE)
# Where a figure can start: a currency code (and "a", as in "a dozen") right before its number...
_PREFIX_BEFORE_RE = re.compile(r"(?P<cur>(?<![^\W\d_])(?:US|U\.S\.|AU?|CA?|NZ|HK|S|R|GB|USD|EUR|GBP|JPY|CNY|RMB|"
                               r"CHF|INR|CAD|AUD|Rs\.?)\s?)?(?P<a>\ba\s+)?$", re.IGNORECASE)
# ...and what every figure contains: a digit, a currency sign, a number or scale word.
_CORE_WORDS = [w for w in WORD_VALUES if len(w) > 2 and " " not in w] + ["billions", "millions", "trillions",
                                                                        "thousands"]
_CORE_RE = re.compile(r"\d+|[$€£¥₹#]|\b(?:" + "|".join(_CORE_WORDS) + r")\b", re.IGNORECASE)
_NOT_NOUN_END = frozenset("""a an the it its they them he she we i you this that these those which who
    can could may might must shall should will would do does did to of in on at by for with from and or but
    as than then so not no""".split())
_LEAD_PREP_RE = re.compile(r"(?:(?:in|on|at|by|for|during|since|after|before|until|last|this|next)\s+"
                           r"(?:\w+\s+){0,2}?(?:(?-i:[A-Z]\w*|\d+\w*)|year|month|week|quarter|day|time)\b,?\s*)+"
                           r"(?P<rest>.*)$", re.IGNORECASE)
_PRONOUNS = frozenset("it they he she we i you this that these those which who there".split())
_GOES_ON_RE = re.compile(r"\W*(?:however|meanwhile|also|in\s+addition|still|but|and|yet|similarly|likewise|"
                         r"by\s+contrast|in\s+contrast|at\s+the\s+same\s+time)\b", re.IGNORECASE)
_PRESENT_RE = re.compile(r"\b(?:current|currently|now|remains?|stands|is|are)\b", re.IGNORECASE)
_YOY_RE = re.compile(r"\b(?:year[- ]over[- ]year|year[- ]on[- ]year|from\s+a\s+year\s+(?:earlier|ago)|y/y)",
                     re.IGNORECASE)


def parse_number(raw: str) -> float | None:
    """``"1,234.5"`` -> 1234.5, ``"seven"`` -> 7.0, ``"twenty-five"`` -> 25.0."""
    raw = " ".join(raw.lower().replace(",", "").split())
    if re.fullmatch(r"\d+(?:\.\d+)?|\.\d+", raw):
        return float(raw)
    if raw in WORD_VALUES:
        return WORD_VALUES[raw]
    if "-" in raw:
        tens, _, ones = raw.partition("-")
        if tens in WORD_VALUES and ones in WORD_VALUES:
            return WORD_VALUES[tens] + WORD_VALUES[ones]
    return None


def find_figures(text: str, sentences: list[tuple[int, int]], dates: list[dict],
                 entities: list[dict], published: str | None = None) -> list[dict]:
    """Every figure in ``text``, with what it measures and how it moved.

    ``period`` is the nearest date of the figure's sentence that places it (not a reference, comparison
    or birth date: ``date_roles``; a baseline "from 14% a year ago" may take one), or of the sentence
    before when this one goes on with "However, ...", else "year-over-year", else the publication
    date. ``period_kind`` says which: ``stated`` (the text dates it) or ``reported`` (the article's
    date; also for figures stated in the present, "tariffs remain at 30%")."""
    starts = [s for s, _ in sentences]
    date_starts = [d["start"] for d in dates]
    mentions = MentionIndex(entities)
    figures: list[dict] = []
    for match in _figure_matches(text):
        if len(figures) >= MAX_FIGURES:
            break
        figure = _read(match)
        if figure is None or _inside_date(match.span(), dates, date_starts) or \
                (match.lastgroup == "amount" and mentions.covers(match.start())):
            continue  # "iPhone 4 users", "Boeing 747s": the number is part of a name
        index = bisect.bisect_right(starts, match.start()) - 1
        sentence = sentences[index] if index >= 0 and sentences[index][1] >= match.start() else (0, len(text))
        is_baseline = _IS_BASELINE_RE.search(text, max(sentence[0], match.start() - 60), match.start()) is not None
        period_dates = _placing(text, _dates_between(dates, date_starts, *sentence), sentence[0], is_baseline)
        if not period_dates and index > 0 and _GOES_ON_RE.match(text, sentence[0]):
            previous = sentences[index - 1]
            period_dates = _placing(text, _dates_between(dates, date_starts, *previous), previous[0], False)
        clause = _describe(text, figure, match, sentence, mentions)
        if index > 0:
            _inherit_actors(text, figure, sentences[index - 1], sentence, mentions)
        figure["period"] = _period(text, match, period_dates, clause, published)
        figure["period_kind"] = "stated" if period_dates or figure["period"] == "year-over-year" else None
        anchor = parse_published(published)
        if figure["period_kind"] is None and anchor is not None:  # a baseline too: "reported on", not "was on"
            figure["period"], figure["period_kind"] = anchor.isoformat(), "reported"
        figures.append(figure)
    return figures


_WORD_RE = re.compile(r"[A-Za-z]{4,}")
_TOPIC_STOP = frozenset("""that this with from were have been their there which while about after before
    since current remain remains other overall still more than those these into also said would could""".split())


_ACTOR_TYPES = ("PERSON", "ORG", "PRODUCT")


def _inherit_actors(text: str, figure: dict, previous: tuple[int, int], sentence: tuple[int, int],
                    mentions: MentionIndex) -> None:
    """A figure whose sentence names no one and goes on with the previous sentence's topic ("Trump's
    tariff policies ... Current tariffs remain at 30%") is also about that sentence's people and
    organisations."""
    if "\n" in text[previous[1]:sentence[0]]:
        return  # a new paragraph starts a new topic
    if any(m[2].get("type") in _ACTOR_TYPES for m in mentions.between(*sentence)):
        return  # "The new iPod comes in a 30GB edition": the sentence names whom it is about
    lead = text[sentence[0]:figure["start"]]  # what the sentence says up to the figure
    stems = {w.lower().rstrip("s") for w in _WORD_RE.findall(lead)} - _TOPIC_STOP
    before = {w.lower().rstrip("s") for w in _WORD_RE.findall(text[previous[0]:previous[1]])}
    if stems & before:
        actors = figure_subjects(text, mentions.between(*previous), actors_only=True)
        figure["entities"] = list(dict.fromkeys([*figure["entities"], *actors]))


def _placing(text: str, dates: list[dict], sentence_start: int, is_baseline: bool) -> list[dict]:
    """The dates that can be a figure's period: a baseline may take any, others not a context date."""
    return dates if is_baseline else [d for d in dates if date_role(text, sentence_start, d) is None]


def _dates_between(dates: list[dict], date_starts: list[int], start: int, end: int) -> list[dict]:
    return dates[bisect.bisect_left(date_starts, start):bisect.bisect_left(date_starts, end)]


def _figure_matches(text: str):
    """FIGURE_RE matches, tried only where a figure can start: at a number, a currency sign or number
    word, or at the currency code right before one ("US$", "GB #", "USD ")."""
    last_end = 0
    for hit in _CORE_RE.finditer(text):
        if hit.start() < last_end:
            continue
        prefix = _PREFIX_BEFORE_RE.search(text, max(last_end, hit.start() - 9), hit.start())
        starts = [prefix.start("cur"), prefix.start("a"), hit.start()] if prefix else [hit.start()]
        for start in starts:
            if start < 0:
                continue
            match = FIGURE_RE.match(text, start)
            if match is not None and match.end() > start:
                last_end = match.end()
                yield match
                break


class MentionIndex:
    """Entity mentions sorted by offset, to list the entities named between two offsets quickly."""

    def __init__(self, entities: list[dict]):
        self.items = sorted(((m["start"], m["end"], e) for e in entities for m in e.get("mentions", [])),
                            key=lambda item: item[:2])
        self.starts = [start for start, _, _ in self.items]

    def between(self, start: int, end: int) -> list[tuple[int, int, dict]]:
        """``(start, end, entity)`` of every mention starting in ``[start, end)``, in text order."""
        return self.items[bisect.bisect_left(self.starts, start):bisect.bisect_left(self.starts, end)]

    def covers(self, offset: int) -> bool:
        """Whether a mention spans ``offset`` (mentions do not nest, so the one starting last decides)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.items[i][1] > offset

    def actors_between(self, start: int, end: int) -> list[str]:
        """Names of the people and organisations mentioned in ``[start, end)``."""
        return list(dict.fromkeys(e["name"] for _, _, e in self.between(start, end) if e["type"] in ("PERSON", "ORG")))

    def names_between(self, start: int, end: int) -> list[str]:
        return list(dict.fromkeys(entity["name"] for _, _, entity in self.between(start, end)))


def _read(match: re.Match) -> dict | None:
    """Value and unit of one match, or None when it is not a figure (e.g. a bare count word)."""
    kind = match.lastgroup
    if kind == "bare_money":
        unit = _money_context(match)
        if unit is None:
            return None
        value = _scaled(parse_number(match["bm_num"]), match["bm_scale"])
    elif kind == "money":
        value = parse_number(match["m_num"])
        unit = _PREFIX_CURRENCY.get(re.sub(r"\s", "", match["cur"]).lower(), "USD")
        value = _scaled(value, match["m_scale"])
    elif kind == "percent":
        value, unit = parse_number(match["p_num"]), "%"
    elif kind == "plural":
        value, unit = None, _word_currency(match["pl_word"]) if match["pl_word"] else "USD"
        if not match["pl_word"] and _money_context(match) is None:
            return None
    else:
        value = _scaled(parse_number(match["a_num"]), match["a_scale"])
        if match["a_word"]:
            unit = _word_currency(match["a_word"])
            if value is not None and match["a_word"].lower().startswith("cent"):
                value = round(value / 100, 4)
        else:
            unit = " ".join(match["a_unit"].lower().split())
            unit = _SINGULAR.get(unit, "percentage points" if unit.startswith("percentage") else unit)
            if match["a_num"].lower() in ("a", "an", "half") and unit in ("hours", "days", "weeks", "years"):
                return None  # "a day", "half an hour": a duration phrase, not a reported figure
            if unit in ("years", "months", "weeks", "days") and not match["a_num"][:1].isdigit() \
                    and not re.search(r"\b(?:nearly|almost|about|over|more than)\s+$",
                                      match.string[max(0, match.start() - 15):match.start()]):
                return None  # durations in words are left to the date reader
    start, end = match.span()
    hedge = _APPROX_BEFORE_RE.search(match.string, max(0, start - 20), start)
    if hedge is not None:
        start = hedge.start()
    return {"start": start, "end": end, "text": match.string[start:end], "value": value, "unit": unit,
            "direction": None, "metric": None, "period": None, "baseline": None, "entities": [],
            "sentence": None}


def _scaled(value: float | None, scale: str | None) -> float | None:
    if value is None or not scale:
        return value
    return round(value * SCALES.get(scale.strip(" -").lower(), 1.0), 4)


def _word_currency(word: str) -> str:
    word = " ".join(word.lower().split())
    for key in (word, word.rstrip("s"), word.split(" ")[0].rstrip("s")):
        if key in _SUFFIX_CURRENCY:
            return _SUFFIX_CURRENCY[key]
    return "USD" if "dollar" in word else word.upper()


def _money_context(match: re.Match) -> str | None:
    """The currency of nearby money talk ("US$5 billion in aid on top of the four billion"), if any:
    an amount of money in the 150 characters before, else a money word close by (unit USD)."""
    before = match.string[max(0, match.start() - 150):match.start()]
    currencies = [m for m in FIGURE_RE.finditer(before) if m.lastgroup == "money"]
    if currencies:
        return _PREFIX_CURRENCY.get(re.sub(r"\s", "", currencies[-1]["cur"]).lower(), "USD")
    window = match.string[max(0, match.start() - 40):match.end() + 25].lower()
    if re.search(r"\b(?:cost|costs|sales|revenue|dollars|spent|spend|paid|pay|worth|lost|losses|"
                 r"invest\w*|fund\w*|debt|budget|profits?|price[sd]?)\b", window):
        return "USD"
    return None


def _inside_date(span: tuple[int, int], dates: list[dict], date_starts: list[int]) -> bool:
    i = bisect.bisect_right(date_starts, span[0]) - 1
    return i >= 0 and dates[i]["end"] >= span[1]


def _describe(text: str, figure: dict, match: re.Match, sentence: tuple[int, int],
              mentions: MentionIndex) -> str:
    """Fill direction, baseline, metric and entities from the figure's sentence; return its clause."""
    s_start, s_end = sentence
    figure["sentence"] = {"start": s_start, "end": s_end}
    before = text[max(s_start, match.start() - CONTEXT_CHARS):match.start()]
    clause_cut = 0
    for cut in _CLAUSE_START_RE.finditer(before):
        clause_cut = cut.end()
    clause = before[clause_cut:]
    after = text[match.end():min(s_end, match.end() + CONTEXT_CHARS)]
    baseline_of = _IS_BASELINE_RE.search(clause[-60:])  # this figure is the "from 145%" of another
    is_baseline = baseline_of is not None
    if not is_baseline:
        figure["direction"] = _direction(clause, after)
        baseline = _BASELINE_AFTER_RE.match(after)
        if baseline:
            following = FIGURE_RE.match(text, match.end() + baseline.end())
            if following is not None:
                figure["baseline"] = (_read(following) or {}).get("value")
            if baseline.group(1) and figure["direction"] is None:
                figure["direction"] = baseline.group(1).lower()
    of_phrase = _OF_PHRASE_RE.match(after)
    if baseline_of is not None:
        figure["metric"] = _metric(baseline_of.group("what") or "")
    elif of_phrase and figure["unit"] != "%":
        figure["metric"] = of_phrase.group(1)  # "seven hours of Monday discussions"
    if not figure["metric"]:
        figure["metric"] = _metric(clause)
    figure["entities"] = figure_subjects(text, mentions.between(s_start, s_end), figure_end=match.end())
    return clause


def _period(text: str, match: re.Match, dates: list[dict], clause: str, published: str | None) -> str | None:
    if dates:
        # Prefer a date in the figure's own comma-free stretch ("revenue of $9 billion for the quarter
        # ended June 29", not "founded in 1976"), else the nearest one.
        same_stretch = [d for d in dates if "," not in
                        text[min(d["end"], match.end()):max(d["start"], match.start())]]
        return min(same_stretch or dates, key=lambda d: abs(d["start"] - match.start()))["value"]
    if _YOY_RE.search(text, match.end(), match.end() + 40):
        return "year-over-year"
    anchor = parse_published(published)
    if anchor is not None and _PRESENT_RE.search(clause) and not _IS_BASELINE_RE.search(clause[-60:]):
        return anchor.isoformat()
    return None


def _direction(clause: str, after: str) -> str | None:
    """A movement noun right after the figure ("a 49% decline"), else the nearest movement word
    before it in its clause ("exports plunged 34.5%")."""
    following = _NOUN_AFTER_RE.match(after)
    if following:
        return "up" if following.group(1).lower() in _UP_WORDS else "down"
    words = list(_DIRECTION_RE.finditer(clause[-80:]))
    if words:
        return "up" if words[-1].group(1).lower() in _UP_WORDS else "down"
    return None


def _metric(clause: str) -> str | None:
    """The words the figure is about: the clause up to its verb ("exports to the U.S.")."""
    clause = clause.strip(" ,;:\u201c\u201d\"'")
    last_comma = clause.rfind(", ")
    if last_comma != -1 and _METRIC_STOP_RE.search(clause, last_comma):
        clause = clause[last_comma + 2:]  # "In 2008, during the crisis, unemployment rose" -> "unemployment"
    stop = _METRIC_STOP_RE.search(clause)
    subject = clause[:stop.start()] if stop else clause
    subject = _TRAILING_RE.sub("", " " + subject).strip()
    words = subject.split()[-8:]
    while words and words[-1].lower().strip(",;:") in _NOT_NOUN_END:
        words.pop()  # "on Friday it", "70 meters can", "9% a": no noun phrase ends so
    lead = _LEAD_PREP_RE.match(" ".join(words))
    if lead is not None:
        words = lead.group("rest").split()  # "on Friday profits" -> "profits"
    if words and words[0][:1].islower() and words[0].endswith(("ed", "ing")):
        return None  # "agreed on Monday to buy Widget Parts": a verb phrase, not what is measured
    metric = " ".join(words).strip(" ,;:")
    if not metric or metric.lower() in _PRONOUNS or not re.search(r"[^\W\d_]{3}", metric):
        return None
    return metric
