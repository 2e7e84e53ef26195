"""Country names and ISO 3166-1 alpha-2 codes, from CLDR (Babel).

Pure (no spaCy): the gazetteer turns names into codes, events turn codes back
into the Indonesian name; both read them here.
"""

from __future__ import annotations

from functools import lru_cache

import regex
from babel import Locale

# CLDR territories that are not countries (EU, Eurozone, UN, outlying Oceania, unknown, pseudo-locales)
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})
_PARENS = regex.compile(r"\s*+[()]\s*+")


def names_to_codes(locales: tuple[str, ...]) -> dict[str, str]:
    """name -> code, from CLDR territory names of ``locales`` (the first locale naming it wins).

    ``Myanmar (Burma)`` gives both ``Myanmar`` and ``Burma``.
    """
    names: dict[str, str] = {}
    for loc in locales:
        for code, name in Locale.parse(loc).territories.items():
            if not (len(code) == 2 and code.isalpha()) or code in NOT_COUNTRIES:
                continue
            for part in _PARENS.split(name):
                part = part.strip()
                if part and not any(ch.isdigit() for ch in part):
                    names.setdefault(part, code)
    return names


@lru_cache(maxsize=4)
def codes_to_names(locale: str = "id") -> dict[str, str]:
    """code -> the CLDR name in ``locale``, without a bracketed alternative (``Myanmar``)."""
    names = Locale.parse(locale).territories.items()
    return {code: name.split(" (")[0] for code, name in names if len(code) == 2}


def country_name(code: str | None, fallback: str) -> str:
    """The Indonesian name of a country code (``KH`` -> ``Kamboja``, so ``RI`` reads ``Indonesia``), or
    ``fallback`` when there is no code or CLDR does not know it."""
    if code:
        return codes_to_names("id").get(code, fallback)
    return fallback
