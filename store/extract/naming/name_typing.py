"""Typing one candidate name from its words and its context: place, organisation, person, or no name.

Evidence is returned as votes ({TYPE: strength}) so that document-level linking can weigh every
mention of the same name together. Only general knowledge is used (``store.extract.gazetteer``).
"""
from __future__ import annotations

import re

from dateline.store.extract.naming import gazetteer as gz
from dateline.store.extract.naming.name_linking import lookup_place
from dateline.store.extract.naming.name_models import is_model

__all__ = ["LowerCaseUse", "TITLE_WORDS", "TITLES_RE", "PINYIN", "is_title", "type_votes", "common_word_opening"]

TITLES_RE = gz.TITLES_RE
TITLE_WORDS = frozenset(w for t in gz.PERSON_TITLES for w in t.split())
_AFTER_PERSON = re.compile(r"[ \t]*(?:,[ \t]+who\b|,?[ \t]+(?:said|says|told|added|wrote|argued|explained)\b)")
_BEFORE_PERSON = re.compile(r"\b(?:said|says|told|according to)[ \t]+$")
_APPOSITIVE = re.compile(r",[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?:[\w.&'’-]+[ \t]+){0,4}?(?:%s)\b" % TITLES_RE, re.IGNORECASE)
_PLACE_NEXT = re.compile(r"[ \t]+([a-z]+)\b")
_PLACE_BEFORE = re.compile(r"\b(?:near|outside|based in|headquartered in|located in|born in|(?:city|town|village|"
                           r"state|province|region|county|district|capital|suburb|port) of)[ \t]+(?:the[ \t]+)?$")
_CLAUSE_NEXT = re.compile(r"[ \t]*(?:[,`'\"“‘(]|(?:the|a|an|to|in|on|at|for|with|by|of|from|his|her|its|their|this|that)\b)")
_PLACE_BEFORE_ENDS = ("of ", "near ", "outside ", "in ", "the ")
_PLACE_AFTER = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*){0,2})(?=[ \t]*(?:[,;:)\n]|\.(?:\s|$)|$))")
# one or two syllables of romanised Chinese (pinyin) or Korean, optionally hyphenated: "Lifeng", "Joo-ho"
_SYLLABLE = (r"(?:(?:zh|ch|sh|kk|tt|pp|ss|jj|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|"
             r"uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|oo|ee|eo|eu|ae|oe|wa|wo|yo|yu|ya|ye|a|e|i|o|u)"
             r"(?:ng|n|m|k|l|p)?)")
PINYIN = re.compile(r"%s(?:-?%s)?" % (_SYLLABLE, _SYLLABLE))


class LowerCaseUse:
    """Answers "is this word also written in lower case in the text?", searching only when asked."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.seen: dict = {}

    def __contains__(self, word: str) -> bool:
        if word not in self.seen:
            self.seen[word] = self._find(word)
        return self.seen[word]

    def _find(self, word: str) -> bool:
        text, i = self.text, self.text.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _joins(text[i - 1])) and (j >= len(text) or not _joins(text[j])):
                return True
            i = text.find(word, i + 1)
        return False


def _joins(char: str) -> bool:
    return char.isalnum() or char in "'’-_"


def is_title(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` ends a person's title ("Secretary", "Vice Premier", "Secretary of State")."""
    if words[i].lower() not in TITLE_WORDS:
        return False
    lows = [w.lower() for w in words[max(0, i - 2):i + 1]]
    for n in range(len(lows)):
        if " ".join(lows[n:]) in gz.PERSON_TITLES:
            return n == 0 or lows[n - 1] not in ("of", "for")  # "Department of Justice" is no title
    return False


def type_votes(text: str, words: list[str], start: int, end: int, at_start: bool,
               lower_words: LowerCaseUse, employer: bool = False) -> dict[str, int] | None:
    """Type evidence for one name, as {TYPE: strength}; None when it is no name at all."""
    surface = text[start:end]
    if lookup_place(surface):
        return {"PLACE": 5}
    if surface in gz.KNOWN_ORGS:
        return {"ORG": 5}
    if surface in gz.DEMONYMS or surface.isupper() and surface.title() in gz.DEMONYMS:
        return {"PLACE": 5}
    if surface[-1:] == "s" and surface[:-1] in gz.DEMONYMS:
        return None  # "Belgians", "Americans": people, not a named entity
    thing = thing_votes(words)
    if thing:
        return thing
    lows = [w.lower() for w in words]
    if "of" not in lows and all(w in gz.WEAK_WORDS or w in gz.PERSON_TITLES or w in gz.NOT_NAMES for w in lows):
        return None
    if at_start and len(words) == 1 and lows[0] in lower_words:
        return None  # "Citing the ...", "Automobile sales ..." — a common word opening a sentence
    if any(w in gz.ORG_WORDS for w in words) or " ".join(words[-2:]) in gz.ORG_WORDS:
        return {"ORG": 4}
    if employer:  # the words before "analyst" or "CEO" name where the person works
        return {"ORG": 3 if len(words) > 1 or words[0].isupper() else 2}
    if words[0] in gz.FAMILY_FIRST_SURNAMES and 2 <= len(words) <= 3 and all(
            PINYIN.fullmatch(w.lower()) for w in words[1:]):
        return {"PERSON": 4}
    has_place = any(lookup_place(w) for w in words) or any(
        lookup_place(f"{a} {b}") for a, b in zip(words, words[1:]))  # "New York Yankees"
    if (text.endswith(_PLACE_BEFORE_ENDS, max(0, start - 9), start) and _PLACE_BEFORE.search(
            text, max(0, start - 40), start)) or (text.startswith(",", end) and _followed_by_region(text, end)):
        return {"PLACE": 3}
    if len(words) > 1 and words[-1] in gz.PLACE_WORDS:
        return {"PLACE": 3}
    after = _PLACE_NEXT.match(text, end)
    if after and after.group(1) in gz.PLACE_NOUNS:
        return {"PLACE": 3}
    if len(words) > 1 and has_place and all(w in gz.DIRECTIONS or lookup_place(w) for w in words):
        return {"PLACE": 4}
    org_context = bool(_ORG_BEFORE.search(text, max(0, start - 24), start) or _ORG_AFTER.match(text, end))
    if words[0] in gz.GIVEN_NAMES and len(words) > 1 and not has_place:
        return {"PERSON": 4, "ORG": 5} if org_context else {"PERSON": 4}
    votes = {"ORG": 2 if has_place or (len(words) == 1 and words[0].isupper()) else 1}
    if org_context:
        votes["ORG"] += 4  # "shares of Morgan Stanley", "Walt Disney's stock": what people are not
    if not has_place and not (len(words) == 1 and words[0].isupper()):
        person = person_evidence(text, words, end)
        if person:
            votes["PERSON"] = person
    if len(words) > 1 and not has_place:
        if (_AFTER_PERSON.match(text, end) or text.endswith(("said ", "says ", "told ", "to "), max(0, start - 8), start)
                and _BEFORE_PERSON.search(text, max(0, start - 30), start)
                or _APPOSITIVE.match(text, end)):
            votes["PERSON"] = 3
    return votes


_ORG_BEFORE = re.compile(r"\b(?:shares|stake|stock|units?|subsidiary|division|unit) (?:of|in) $|\b(?:analysts?|"
                         r"economists?|strategists?) at $|\b(?:owned|acquired|bought) by $")
_ORG_AFTER = re.compile(r"(?:['’]s)?[ \t]+(?:shares|stock|share price|stake|shareholders|subsidiary|Inc\b|Corp\b)")
_LEADER_NEXT = re.compile(r"['’]?s?[ \t]+(?:administration|campaign|presidency|government's|cabinet|aides?)\b")
_AGE_NEXT = re.compile(r",[ \t]+\d{1,2},")  # "Jane Roe, 34, said"
# "<name> told reporters he ...": a subject pronoun a few plain words on, nothing between that could be its
# antecedent or a clause break (no capital, comma, dash or quote)
_PRONOUN_NEXT = re.compile(r"(?:[ \t]+[a-z][\w'’]*){0,4}?[ \t]+(?:he|she)\b")
_IT_NEXT = re.compile(r"(?:[ \t]+[a-z][\w'’]*){0,4}?[ \t]+(?:it|they)\b")
# endings that mark a surname in many languages: Ivanov, Kovalenko, Nowakowski, Petrović, Popescu,
# Saakashvili, Labadze, Pashinyan, Davutoğlu, Papadopoulos, Martínez, Eriksson
_SURNAME_ENDING = re.compile(r"(?:ov|ova|ev|eva|enko|chuk|yuk|ski|ska|sky|skaya|wicz|vich|vić|ić|escu|eanu|shvili|dze|"
                             r"yan|oğlu|oglu|poulos|opoulou|akis|idis|ez|sson)$")


def thing_votes(words: list[str]) -> dict[str, int] | None:
    """PRODUCT for models, programmes and numbered products ("A380", "iPhone 4", "Medicaid", "S&P 500"),
    EVENT for named events ("World Cup", "Paris Air Show", "Hurricane Katrina"); None otherwise."""
    joined = " ".join(words)
    if joined in gz.KNOWN_PRODUCTS or (len(words) > 1 and words[-1] in gz.KNOWN_PRODUCTS):
        return {"PRODUCT": 5}  # "Medicaid", "Mozilla Firefox"
    if len(words) > 1 and words[-1] in ("Prize", "Award", "Awards", "Medal", "Trophy"):
        return {"OTHER": 4}  # "Booker Prize": no person, no organisation
    if (words[0] in gz.EVENT_HEADS and len(words) > 1) or words[-1] in gz.EVENT_TAILS or \
            " ".join(words[-2:]) in gz.EVENT_TAILS:
        return {"EVENT": 4}
    if words[0][:1].isdigit() and words[0][-2:] in ("st", "nd", "rd", "th"):
        return None  # "8th Circuit": an ordinal names a body, not a model
    numbered = len(words) > 1 and any(w[:1].isdigit() for w in words)
    if numbered and gz.MISSION_HEADS & set(words):
        return {"EVENT": 4}  # "Axiom Mission 4", "Apollo 11"
    if numbered and gz.SITE_HEADS & set(words):
        return {"PLACE": 4}  # "Launch Complex 39A", "Terminal 5", "Interstate 95"
    if any(is_model(w) or (w.isdigit() and len(words) > 1) for w in words) and not gz.NON_PRODUCT_HEADS & set(words):
        return {"PRODUCT": 4}
    return None


def person_evidence(text: str, words: list[str], end: int) -> int:
    """Strength of the evidence that an otherwise untyped name is a person (0: none).

    A known given name first ("Lydia Buchtmann") or alone ("Roger's capable"), a surname ending,
    "<name> administration", an age after the name, or "he"/"she" a few plain words on (and no "it" first).
    """
    if words[0] in gz.GIVEN_NAMES:
        return 3 if len(words) > 1 else 2
    if len(words) > 1 and len(words[0]) == 2 and words[0][1] == "." and words[-1][1:].islower():
        return 3  # "M. Waugh": an initial and a surname
    if 2 <= len(words) <= 3 and _SURNAME_ENDING.search(words[-1]) and len(words[-1]) > 4 and words[-1][1:].islower():
        return 3
    if _LEADER_NEXT.match(text, end) or _AGE_NEXT.match(text, end):
        return 3
    pronoun = _PRONOUN_NEXT.match(text, end)
    it_next = _IT_NEXT.match(text, end)
    if pronoun and not (it_next and it_next.end() < pronoun.end()):
        return 2
    return 0


def _followed_by_region(text: str, end: int) -> bool:
    """ "Pasadena, California" / "Toulouse, France": a name then a comma and a known state or country."""
    after = _PLACE_AFTER.match(text, end)
    return after is not None and lookup_place(after.group(1).strip().rstrip(".")) is not None


def common_word_opening(text: str, word: str, end: int) -> bool:
    """ "Bankruptcy for ...", "Citing the ...": a common word, by its ending and what follows it, opens a sentence."""
    if lookup_place(word) or word in gz.KNOWN_ORGS or word in gz.DEMONYMS:
        return False
    low = word.lower()
    return low.endswith(gz.COMMON_ENDINGS) or (low.endswith(gz.CLAUSE_ENDINGS) and bool(_CLAUSE_NEXT.match(text, end)))


