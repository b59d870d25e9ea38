"""Stock tickers and the organisations they belong to.

Three written forms are recognised: an exchange tag ``(NYSE: GM)``, a cashtag ``$GM``, and the
newswire habit of putting the symbol right after a corporate suffix (``General Motors Co. GM``).
"""
from __future__ import annotations

import re

from dateline.store.extract.naming.gazetteer import CORP_SUFFIXES, PERSON_TITLES, PLACES

EXCHANGES = ("NYSE", "NASDAQ", "Nasdaq", "NYSEArca", "NYSE American", "AMEX", "LSE", "LON", "TSX", "TSXV",
             "HKEX", "HKG", "SSE", "SZSE", "TSE", "TYO", "ASX", "Euronext", "EPA", "XETRA", "ETR", "FRA",
             "OTC", "OTCQX", "OTCQB", "BATS", "CBOE", "NSE", "BSE", "KRX", "SIX", "BMV", "JSE")

SYMBOL = r"[A-Z][A-Z0-9]{0,5}(?:[.\-][A-Z]{1,2})?"

# "(NYSE: GM)", "(Nasdaq:AAPL, TSX: X)" — group 1 is the first symbol
EXCHANGE_TAG = re.compile(r"\(\s*(?:%s)\s*:\s*(%s)\b[^)]{0,40}\)" % ("|".join(map(re.escape, EXCHANGES)), SYMBOL))
CASHTAG = re.compile(r"(?<![\w$])\$(%s)\b(?![\d.,]*\d)" % SYMBOL)
# an all-caps symbol right after a corporate suffix: "Co. GM", "NV STLA", "Inc AAPL"
_SUFFIXES = sorted((s for s in CORP_SUFFIXES if s[0].isupper() and len(s) <= 6), key=len, reverse=True)
SUFFIX_TICKER = re.compile(r"(?<![\w.])(?:%s) (%s)(?![\w'’&-])" % ("|".join(map(re.escape, _SUFFIXES)), SYMBOL))


def find_tickers(text: str) -> list[tuple[int, int, str, str]]:
    """Every ticker in ``text`` as ``(start, end, symbol, form)``, form ``exchange``, ``cashtag`` or ``suffix``.

    ``start``/``end`` cover the whole written form (``(NYSE: GM)``, ``$GM``, or the symbol after a suffix).
    """
    found = [(m.start(), m.end(), m.group(1), "exchange") for m in EXCHANGE_TAG.finditer(text)]
    found += [(m.start(), m.end(), m.group(1), "cashtag") for m in CASHTAG.finditer(text)]
    found += [(m.start(1), m.end(1), m.group(1), "suffix") for m in SUFFIX_TICKER.finditer(text)
              if _plausible_suffix_symbol(text, m.start(1), m.end(1))]
    return sorted(found)


def _plausible_suffix_symbol(text: str, start: int, end: int) -> bool:
    """Not a place or title ("Group US", "Inc CEO"); one letter only at a clause end ("Ford Motor Co. F,")."""
    symbol = text[start:end]
    if symbol in PLACES or symbol.lower() in PERSON_TITLES:
        return False
    return end - start > 1 or end >= len(text) or text[end] in ",.;:)"
