"""CASE_COUNT mentions: numbers that count cases, victims or people (see :mod:`.component`).

* :mod:`.numerals`: Indonesian numerals (pure, no spaCy);
* :mod:`.matches`: the rules matched as token ranges near the numerals;
* :mod:`.licensing`: when a numeral is a count, and its unit and qualifier;
* :mod:`.attributes`: period, country and category from the count's clause.
"""

from .component import LABEL, CaseCountTagger, make_case_counts
from .numerals import Numeral, NumeralGrammar

__all__ = ["LABEL", "CaseCountTagger", "Numeral", "NumeralGrammar", "make_case_counts"]
