"""In-article person coreference: the people of one article and the name forms that stand for them.

Pure data and functions (no spaCy): the Doc-bound passes in ``coref.py`` call them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...rules import Rule


@dataclass
class Found:
    """A person mention before clustering: token span, name tokens and what the title said."""

    start: int
    end: int
    rule: Rule
    tokens: list[str]
    title: str | None = None
    country: str | None = None
    agency: str | None = None
    rank: str | None = None
    uncertain: bool = False  # on a Title Case line: the run may include headline words
    alias_of: str | None = None


@dataclass
class Person:
    """One person of the article: the union of their mentions."""

    tokens: list[str]
    pid: str
    title: str | None = None
    country: str | None = None
    agency: str | None = None
    rank: str | None = None
    aliases: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)



def contains(seq: list[str], sub: list[str]) -> bool:
    """Is ``sub`` a contiguous run of ``seq``?"""
    n, m = len(seq), len(sub)
    return m <= n and any(seq[i:i + m] == sub for i in range(n - m + 1))


def find_person(persons: list[Person], tokens: list[str]) -> Person | None:
    """The one person whose name contains (or is contained in) ``tokens`` or has them as an alias."""
    key = " ".join(tokens)
    hits = [p for p in persons
            if contains(p.tokens, tokens) or contains(tokens, p.tokens) or key in p.aliases]
    return hits[0] if len(hits) == 1 else None


def new_person(persons: list[Person], tokens: list[str]) -> Person:
    """A new person of the article, appended to ``persons``."""
    person = Person(tokens=list(tokens), pid="")
    persons.append(person)
    return person


def absorb(person: Person, f: Found) -> None:
    """Merge what a mention's title said into its person (the fullest title wins)."""
    if f.title and (person.title is None or len(f.title) > len(person.title)):
        person.title = f.title
        person.country = f.country or person.country
        person.agency = f.agency or person.agency
    if f.country and person.country is None:
        person.country = f.country
    if f.agency and person.agency is None:
        person.agency = f.agency
    if f.rank and person.rank is None:
        person.rank = f.rank


def forms(person: Person, allowed: set[str] | None, weak: set[str], not_name: set[str],
          particles: set[str]) -> list[list[str]]:
    """Every contiguous part of the name that can stand for the person, and the aliases."""
    tokens = person.tokens
    seqs: list[list[str]] = []
    for size in range(len(tokens), 0, -1):
        for s in range(len(tokens) - size + 1):
            seq = tokens[s:s + size]
            if size == 1 and allowed is not None and seq[0] not in allowed:
                continue  # "Joko" alone is not how news names Joko Widodo
            if size == 1 and (seq[0] in weak or len(seq[0]) < 3 or seq[0] in not_name
                              or seq[0] in particles or not seq[0][0].isupper()):
                continue
            if seq[0] in particles or seq[-1] in particles:
                continue
            seqs.append(seq)
    seqs += [alias.split() for alias in person.aliases]
    return seqs
