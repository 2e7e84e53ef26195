"""DATE mentions, normalized TIMEX3-style and resolved against the article's own date (see :mod:`.component`).

* :mod:`.lexicon`: the word lists and the alternations they fill into shapes;
* :mod:`.grammar`: the shapes compiled, where a date may begin, a match read into its parts;
* :mod:`.find`: the candidates of a text (ranges joined, false friends dropped);
* :mod:`.reference`: the reference date and its basis;
* :mod:`.resolve`: underspecified dates resolved against it.
"""

from .component import DateTagger, make_dates

__all__ = ["DateTagger", "make_dates"]
