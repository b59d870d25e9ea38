"""The words figures are made of: number words, scales, currency signs and names, and units."""
from __future__ import annotations

SMALL_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen").split()
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
WORD_VALUES = {w: float(i) for i, w in enumerate(SMALL_NUMBERS)} | {w: float(v) for w, v in TENS.items()}
WORD_VALUES.update({"a": 1.0, "an": 1.0, "half": 0.5, "a half": 0.5, "a dozen": 12.0, "dozen": 12.0,
                    "hundred": 100.0})
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9,
          "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5}
PREFIX_CURRENCY = {"us$": "USD", "u.s.$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD",
                   "ca$": "CAD", "nz$": "NZD", "hk$": "HKD", "s$": "SGD", "r$": "BRL", "€": "EUR",
                   "£": "GBP", "gb#": "GBP", "#": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR", "rs.": "INR",
                   "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY",
                   "chf": "CHF", "inr": "INR", "cad": "CAD", "aud": "AUD"}
SUFFIX_CURRENCY = {"dollar": "USD", "us dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP",
                   "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "franc": "CHF",
                   "peso": "MXN", "won": "KRW", "ruble": "RUB", "rouble": "RUB", "real": "BRL",
                   "rand": "ZAR", "krona": "SEK", "krone": "NOK", "lira": "TRY", "cent": "USD",
                   "usd": "USD", "eur": "EUR", "gbp": "GBP", "cny": "CNY", "jpy": "JPY"}
UNITS = ("hours minutes seconds days weeks months years decades km kilometres kilometers miles metres "
         "meters feet inches kg kilograms tonnes tons pounds barrels litres liters gallons acres hectares "
         "points people jobs workers employees troops soldiers votes seats units vehicles cars aircraft "
         "planes homes houses deaths cases shares passengers customers users stores plants mw gw gb tb "
         "mph degrees").split()
SINGULAR_UNITS = {u[:-1]: u for u in UNITS if u.endswith("s")}
