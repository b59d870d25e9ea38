"""The vocabulary and the one regular expression that find time expressions (used by ``dates.py``)."""
from __future__ import annotations

import re

# --- vocabulary ---------------------------------------------------------------------------------

_MONTHS = "January February March April May June July August September October November December".split()
MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_MONTHS, 1)}
MONTH_NUMBER.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                     "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(_WEEKDAYS)}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100})
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "1": 1, "2": 2, "3": 3, "4": 4, "final": 4}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
# Capitalised day names that are feast days or market crashes, not a day of this week.
NAMED_DAYS = frozenset("black good holy easter palm super cyber ash maundy bloody boxing".split())
# Words after which a capitalised "May" is the month ("in May", "China's May data").
MAY_BEFORE = frozenset("""in since until till by from through during of early mid late last next this
    before after between and or to on for its their the""".split())
# Words after which "May" is the modal verb ("Smith May be", "It May not").
MAY_AFTER_VERB = frozenset("""be have not also well never soon still only need want take become see
    face lead cause come go get make help affect include require result seem appear rise fall increase
    decrease continue remain lose win use change return""".split())
# Months that are also given names, and the capitalised word that then follows ("June Carter").
GIVEN_NAMES = frozenset({"April", "June", "August"})
NAME_NEXT_RE = re.compile(r"[ \t]+(?!(?:The|In|On|At|As|By|For|And|But)\b)[A-Z][a-z]+\b")
# Newspapers named after a day ("The Sunday Times", "Mail on Sunday" is left alone).
TITLE_AFTER_DAY_RE = re.compile(r"[ \t]+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Star|Tribune|"
                                 r"Independent|Observer|Business|Sport|Night\s+Football)\b")
COUNT_WORDS = frozenset("""about around nearly some over almost approximately roughly more than least
    under below above just only""".split())
COUNT_NOUN_RE = re.compile(
    r"\s+(?:people|persons|men|women|children|troops|soldiers|workers|jobs|units|cars|vehicles|homes|"
    r"houses|students|members|employees|residents|deaths|cases|votes|shares|tonnes|tons|km|miles|"
    r"metres|meters|feet|hours|points|dollars|euros|pounds|yen|yuan|seats|schoolchildren|pupils|patients|"
    r"GMT|UTC|hrs|local\s+time|(?-i:[A-Z]\w*\s+)?(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Drive))\b",
    re.IGNORECASE)
# Labels after which a four-digit number is an identifier, not a year ("Flight 1907", "Room 2001").
NUMBER_LABELS = frozenset("""flight route highway interstate room suite no no. number bus train model version
    resolution item unit platform gate channel page chapter article section rule row code""".split())

FUTURE_RE = re.compile(
    r"\b(?:will|won['\u2019]t|shall|going\s+to|expected\s+to|scheduled|set\s+to|plans?\s+to|planned|"
    r"is\s+to|are\s+to|upcoming|to\s+be\s+held|would|until|should|expects?|forecasts?|projected)\b|['\u2019]ll\b",
    re.IGNORECASE)

# What makes a date a deadline ahead ("through June", "due in May", "by early June")...
DEADLINE_BEFORE_RE = re.compile(r"\b(?:through|thru|until|till|by|due(?:\s+(?:in|on|by))?|ahead\s+of|"
                                r"no\s+later\s+than)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
# ...unless a past verb governs it ("sales rose through June", "the report was due in May").
PAST_NEAR_RE = re.compile(r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
                          r"\b(?:was|were|had|did|\w+ed|rose|fell|grew|ran|held|kept|stood)\s+(?:\w+\s+){0,2}$",
                          re.IGNORECASE)
# A bare month that opens a span whose other end names the year: "September and October of 2007".
SPAN_YEAR_RE = re.compile(r"\s+(?:and|to|or|through|until|-|\u2013)\s+(?:(?:early|mid|late)[\s-]+)?"
                          r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)(?:,|\s+of)?\s+(?P<year>(?:1[0-9]|20)\d\d)\b", re.IGNORECASE)

_PAST_VERBS = ("said told met began left came went took made held won lost saw gave sent spoke wrote rose "
               "fell hit cut put set sold bought paid struck became found ran shut brought kept led chose "
               "was were had did got").split()
BE_BEFORE_RE = re.compile(r"\bbe\s+$", re.IGNORECASE)
PAST_BEFORE_RE = re.compile(r"\b(?:\w+ed|" + "|".join(_PAST_VERBS) + r")"
                             r"(?:\s+(?:on|in|late|early|last|this|during|since))?\s+$", re.IGNORECASE)

# --- the pattern: one named group per kind of expression, longest forms first --------------------

_MONTH = "(?-i:" + "|".join(_MONTHS) + ")"
_MONTH_ABBR = "(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
_WEEKDAY = "(?-i:" + "|".join(_WEEKDAYS) + ")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[0-9]|20)\d\d"
_PART = r"(?:morning|afternoon|evening|night)"
_COUNT = r"\[?(?:a|an|" + "|".join(w for w in NUMBER_WORDS if len(w) > 2) + r"|\d{1,3})\]?"
_PIECES = [
    r"(?P<iso>(?P<i_y>(?:1[89]|20)\d\d)-(?P<i_m>0[1-9]|1[0-2])-(?P<i_d>3[01]|[12]\d|0[1-9]))(?![\d-])",
    rf"(?P<full>(?:{_WEEKDAY},?\s+(?:the\s+)?)?(?P<f_month>{_MONTH}|{_MONTH_ABBR}\.?)\s+(?P<f_day>{_DAY})"
    rf"(?![\d%]|[.,]\d|\s*(?:percent|per\s+cent)\b)(?:,?\s+(?P<f_year>{_YEAR})(?!\d))?)",
    rf"(?P<full_dmy>(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?<![\d.,$])(?P<g_day>{_DAY})(?:\s+of)?\s+"
    rf"(?P<g_month>{_MONTH}|{_MONTH_ABBR}\.)(?:,?\s+(?P<g_year>{_YEAR})(?!\d))?)",
    rf"(?P<month_year>(?:(?:early|mid|late)[\s-]+)?(?P<m_month>{_MONTH}|{_MONTH_ABBR}\.)(?:,|\s+of)?\s+"
    rf"(?P<m_year>{_YEAR}))(?!\d)",
    rf"(?P<quarter>(?:the\s+)?(?:(?P<q_ord>first|second|third|fourth|final|last|previous|1st|2nd|3rd|4th)"
    rf"[\s-]+quarter|(?-i:Q)(?P<q_num>[1-4]))(?:\s+of\s+(?:(?P<q_rel>this|last|next)\s+year|"
    rf"(?:fiscal\s+)?(?P<q_year>{_YEAR}))|,?\s+(?P<q_year2>{_YEAR}))?)\b",
    rf"(?P<half>(?:the\s+)?(?P<h_ord>first|second)\s+half\s+of\s+(?:(?P<h_rel>this|last|next)\s+year|"
    rf"(?P<h_year>{_YEAR})))\b",
    r"(?P<year_end>(?:the\s+)?end\s+of\s+the\s+year|year[\s-]end)\b",
    rf"(?P<season_year>(?:the\s+)?(?P<s_season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?"
    rf"(?P<s_year>{_YEAR}))\b",
    r"(?P<rel_unit>(?:(?:earlier|later)\s+)?(?:the\s+)?(?P<u_which>this\s+past|last|this|next|previous|coming|"
    r"current)"
    r"\s+(?P<u_unit>weekend|week|month|quarter|years?|spring|summer|autumn|fall|winter)"
    r"|(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("over", "on", "at", "throughout", "during")) + r")"
    r"the\s+(?P<u_unit2>weekend))\b",
    rf"(?P<ago>(?P<a_count>{_COUNT})\s+(?P<a_unit>days?|weeks?|months?|years?|decades?)\s+ago)\b",
    rf"(?P<rel_day>(?:(?:earlier|later)\s+)?(?P<r_word>today|tonight|yesterday|tomorrow)(?:\s+{_PART})?"
    rf"|(?P<r_mod>this|last)\s+(?P<r_part>{_PART}))\b",
    r"(?P<decade>(?:the\s+)?(?:(?P<d_part>early|mid|late)[\s-]+)?(?P<d_decade>(?:1[5-9]|20)\d0)['\u2019]?s)\b",
    rf"(?P<weekday>(?:(?P<w_mod>last|next|this|coming|past)\s+|(?:later|earlier|early|late)\s+)?"
    rf"(?P<w_day>{_WEEKDAY})(?:\s+{_PART})?)\b",
    rf"(?P<bare_month>(?:(?P<b_mod>last|next|this|early|mid|late)[\s-]+)?(?P<b_month>{_MONTH}))\b",
    rf"(?P<holiday>(?P<hol_name>(?-i:(?:Christmas|New\s+Year['\u2019]s)\s+(?:Day|Eve)|Boxing\s+Day|Halloween|"
    rf"Valentine['\u2019]s\s+Day))(?:,?\s+(?P<hol_year>{_YEAR})\b)?)",
    r"(?P<next_day>the\s+(?P<nd_which>following|next|previous|prior)\s+day)\b",
    r"(?P<same_day>(?:the\s+same|that)\s+day\b|(?:the\s+(?:start|end|rest|course)\s+of\s+)?"
    r"(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("end", "in", "of", "during", "for", "on")) + r")"
    r"the\s+day\b(?=\s*(?:[.,;]|at\b|with\b|and\b|$)))",
    r"(?<![\w$\u20ac\u00a3#.,:/])(?P<year>(?:(?:fiscal|FY)\s?)?(?P<y_year>(?:1[6-9]|20)\d\d))"
    r"(?![\d%]|s\b|(?<=0)['\u2019]s\b|[.,]\d|-\d|\s*(?:percent|per\s+cent|-?\s*years?)\b)",
]
# Every expression PATTERN finds contains one of these, within the reach below.
CORE_RE = re.compile(r"\d|day\b|(?-i:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Christmas|New|Boxing|"
                      r"Halloween|Valentine))|\b(?:tonight|tomorrow|week|weekend|month|years?|quarter|half|ago|"
                      r"summer|winter|spring|autumn|fall|morning|afternoon|evening|night)\b", re.IGNORECASE)
CORE_BEFORE, CORE_AFTER = 60, 60
OF_YEAR_RE = re.compile(r"\s+of\s+(this|last|next)\s+year\b", re.IGNORECASE)
PATTERN = re.compile(r"\b(?:" + "|".join(_PIECES) + ")", re.IGNORECASE)
