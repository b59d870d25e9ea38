"""Which dates of a sentence place what happens in it, and which are only its context.

A date is *context* when it names a reference point ("worst fall since 1987"), a comparison ("up from
14% a year ago", "from the close of trading Wednesday"), background named by a noun ("following the
September 11th attacks", "the 1987 crash"), a deadline ("repay its loans by 2017", "through June") or
a birth or founding ("born ... 1955", "founded in 1976"). Context dates stay on an event as its
``context`` but never place it on the timeline.
"""
from __future__ import annotations

import re

__all__ = ["date_role", "CONTEXT_ROLES"]

CONTEXT_ROLES = ("reference", "comparison", "background", "deadline", "birth")

_REFERENCE_RE = re.compile(r"\b(?:since|ever\s+since)\s+(?:the\s+)?$", re.IGNORECASE)
_COMPARISON_RE = re.compile(
    r"(?:\b(?:up|down|higher|lower|rise|rose|fall|fell|increase|decrease|decline|gain|drop|change|unchanged)"
    r"\s+(?:\S+\s+){0,2}?from\s+(?:\S+\s+){0,5}"
    r"|\bfrom\s+(?:[$\u20ac\u00a3\u00a5]?\d[\d.,]*\s*(?:%|percent|per\s+cent|[a-z]+)?|the\s+(?:close|end|start|"
    r"beginning|level|levels|record)\s+(?:of\s+)?(?:\S+\s+){0,3}?)\s*(?:on\s+|in\s+|at\s+)?"
    r"|\b(?:compared\s+(?:with|to)|than|versus|vs\.?|against)\s+(?:\S+\s+){0,4}?"
    r"|\b(?:same\s+(?:period|time|quarter|month)|year-ago\s+\w+)\s+(?:of\s+|in\s+)?)$", re.IGNORECASE)
_COMPARISON_AFTER_RE = re.compile(r"\s*(?:earlier|before|prior|previously)\b", re.IGNORECASE)
_DEADLINE_RE = re.compile(r"\b(?:by|until|till|through|thru|no\s+later\s+than|deadline\s+(?:of|is|was)?|due"
                          r"(?:\s+(?:in|on|by))?|expires?\s+(?:in|on)?|ahead\s+of)\s+(?:the\s+)?"
                          r"(?:(?:early|mid|late|end\s+of)[\s-]+)?$", re.IGNORECASE)
_BIRTH_RE = re.compile(r"\b(?:born|founded|established|incorporated|set\s+up|formed)\b[^.;,]{0,40}$", re.IGNORECASE)
# ...after a word that points to another event: "following the September 11th attacks", "since the
# 1987 crash" ("at a July 16 press conference" is the event itself).
_DETERMINER_RE = re.compile(r"\b(?:following|after|since|before|like|than|amid|despite|unlike|recalling|"
                            r"echoing|resembling)\s+(?:the|a|an|its|his|her|their|this|that)\s+$", re.IGNORECASE)
_WEEKDAY_RE = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# A date used as a noun's modifier: "the September 11th terrorist attacks", "the 1987 crash".
_NOUN_AFTER_RE = re.compile(r"[ \t]+(?!(?:of|in|on|at|to|for|and|or|but|when|as|with|by|from|after|before|"
                            r"was|were|is|are|has|had|have|will|would|that|which|the|a|an)\b)[A-Za-z][a-z]+",
                            re.IGNORECASE)


def date_role(text: str, sentence_start: int, date: dict) -> str | None:
    """The context role of ``date`` within its sentence, or None when it places the event."""
    start, end = date["start"], date["end"]
    phrase = date["text"].lower()
    before = text[max(sentence_start, start - 80):start]
    if _REFERENCE_RE.search(before):
        return "reference"
    if _COMPARISON_RE.search(before) or (phrase.endswith("ago") and re.search(r"\bfrom\b[^.;]{0,25}$", before)) \
            or (date.get("precision") in ("year", "month") and _COMPARISON_AFTER_RE.match(text, end)):
        return "comparison"
    if _BIRTH_RE.search(before):
        return "birth"
    if _DEADLINE_RE.search(before):
        return "deadline"
    opens_with_det = phrase.startswith("the ") and re.search(r"\b(?:following|after|since|before|like|than|amid|"
                                                              r"despite|unlike)\s+$", before) is not None
    if _WEEKDAY_RE.search(phrase):
        return None  # "the Monday talks" happened on Monday
    if (opens_with_det or _DETERMINER_RE.search(before)) and date.get("precision") in ("day", "year") \
            and not phrase.endswith(("day", "tonight", "tomorrow", "yesterday")) and _NOUN_AFTER_RE.match(text, end):
        return "background"
    return None
