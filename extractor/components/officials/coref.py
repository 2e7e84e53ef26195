"""In-article coreference of the officials component: people clustered by name, aliases written before the
name, and every later short name, surname and alias (the pure parts live in ``persons``)."""

from __future__ import annotations

from typing import Any

import numpy

from ...doc import doc_text
from ...rules import REGEX_TIMEOUT
from ..naming import is_cap, sentence_start
from .persons import Found, Person, absorb, contains, find_person, new_person
from .titles import TitleGrammar


class DocContext(TitleGrammar):
    """Everything the officials component computes for one Doc."""

    def cluster(self, found: list[Found]) -> tuple[list[Person], list[tuple[Found, Person]]]:
        persons: list[Person] = []
        members: list[tuple[Found, Person]] = []
        for f in found:
            if f.tokens:
                f.tokens[-1] = self.unglue(f.tokens[-1])
            known = self.t.known.get(" ".join(f.tokens))
            if f.alias_of is None and known is not None and known[0] != " ".join(f.tokens):
                f.alias_of = known[0]
        ordered = sorted(found, key=lambda f: (f.uncertain, f.alias_of is not None, f.start))
        for f in ordered:
            if f.uncertain and not self._trim_uncertain(f, persons):
                continue
            if f.alias_of is not None:
                person = find_person(persons, f.alias_of.split())
                if person is None:
                    person = new_person(persons, f.alias_of.split())
                    absorb(person, f)
                if f.tokens != person.tokens:
                    person.aliases.add(" ".join(f.tokens))
                members.append((f, person))
                continue
            person = find_person(persons, f.tokens)
            if person is None:
                person = new_person(persons, f.tokens)
            elif len(f.tokens) > len(person.tokens):
                person.tokens = list(f.tokens)
            absorb(person, f)
            members.append((f, person))
        members = self._merge_aliases(persons, members)
        for person in persons:
            known = self.t.known.get(person.name)
            if person.country is None and known is not None:
                person.country = known[1]
        members += self._aliases_first(persons, members)
        # person ids in order of first mention
        first: dict[int, int] = {}
        for _, person in sorted(members, key=lambda m: m[0].start):
            first.setdefault(id(person), len(first) + 1)
        for person in persons:
            person.pid = f"P{first.get(id(person), 0)}"
        return persons, members

    @staticmethod
    def _merge_aliases(persons: list[Person], members: list[tuple[Found, Person]]) -> list[tuple[Found, Person]]:
        """"Menko Cak Imin" seen before "Muhaimin Iskandar atau Cak Imin" made the alias a person of its own:
        it joins the person it is an alias of."""
        into: dict[int, Person] = {}
        for person in persons:
            for other in persons:
                if other is not person and other.name in person.aliases and id(other) not in into:
                    into[id(other)] = person
        if not into:
            return members
        merged = []
        for f, person in members:
            target = into.get(id(person), person)
            if target is not person:
                absorb(target, f)
            merged.append((f, target))
        persons[:] = [p for p in persons if id(p) not in into]
        return merged

    def _aliases_first(self, persons: list[Person], members: list[tuple[Found, Person]]) -> list[tuple[Found, Person]]:
        """"Cak Imin, sapaan akrab Muhaimin": the alias before the phrase names a person of the article."""
        rule = self.t.grammar.get("alias")
        if rule is None or self.t.alias_first is None or not persons:
            return []
        text = doc_text(self.doc)
        if not any(word in text for word in self.t.alias_first_words):
            return []
        taken = {i for f, _ in members for i in range(f.start, f.end)}
        out: list[tuple[Found, Person]] = []
        doc = self.doc
        for m in self.t.alias_first.finditer(text, timeout=REGEX_TIMEOUT):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None:
                continue
            comma, after = span.start, span.end
            name = self._name_run(after) if after < self.n else None
            if name is None:
                continue
            person = find_person(persons, [doc[i].text for i in range(*name)])
            s = comma
            while s > 0 and comma - s < 3 and is_cap(doc[s - 1]) and doc[s - 1].is_alpha and self.ents[s - 1] is None \
                    and doc[s - 1].text not in self.t.not_name:
                s -= 1
            if person is None or s == comma or any(i in taken for i in range(s, comma)):
                continue
            alias = [doc[i].text for i in range(s, comma)]
            if alias != person.tokens:
                person.aliases.add(" ".join(alias))
            out.append((Found(s, comma, rule, alias, alias_of=person.name), person))
            taken.update(range(s, comma))
        return out


    def _trim_uncertain(self, f: Found, persons: list[Person]) -> bool:
        """On a headline, keep the longest start of the run that is (part of) the name of a person of the
        article ("Menlu Sugiono Bahas ..." -> Sugiono), else a first word the body writes as a name;
        a headline name nobody else mentions may be a headline verb ("Menteri Pimpin ...")."""
        for k in range(len(f.tokens), 0, -1):
            prefix = f.tokens[:k]
            hits = [p for p in persons if contains(p.tokens, prefix) or " ".join(prefix) in p.aliases]
            if len(hits) == 1:
                f.tokens = prefix
                f.end = f.start + k
                return True
        if f.tokens and self._body_name(f.tokens[0]):
            f.tokens = f.tokens[:1]
            f.end = f.start + 1
            return True
        return False

    def _body_name(self, word: str) -> bool:
        """Is ``word`` capitalized mid-sentence outside headlines somewhere (so the capital marks a name)?"""
        if not (word[:1].isupper() and word.isalpha()) or word in self.t.not_name:
            return False
        doc = self.doc
        for i in numpy.flatnonzero(self.orth == doc.vocab.strings[word]).tolist():
            if i > 0 and not self.titlecase[i] and not sentence_start(doc, i) \
                    and not (i + 1 < self.n and doc[i + 1].text == ")"):  # not "(Menteri Imipas)"
                return True
        return False


    def corefs(self, persons: list[Person], members: list[tuple[Found, Person]]) -> list[tuple[Found, Person]]:
        """Later (or earlier) short names, surnames and aliases of the article's people."""
        rule = self.t.grammar.get("coref")
        if rule is None or not persons:
            return []
        covered = [False] * self.n
        for ent in self.ent_list:
            covered[ent.start:ent.end] = [True] * (ent.end - ent.start)
        for i in self.byline:
            covered[i] = True
        for f, _ in members:
            covered[f.start:f.end] = [True] * (f.end - f.start)
        forms: dict[str, list[tuple[list[str], Person]]] = {}
        owners: dict[str, set[int]] = {}
        for person in persons:
            for seq in self.forms_of(person):
                key = " ".join(seq)
                owners.setdefault(key, set()).add(id(person))
                forms.setdefault(seq[0], []).append((seq, person))
        for alternatives in forms.values():
            alternatives.sort(key=lambda o: -len(o[0]))
        out: list[tuple[Found, Person]] = []
        doc = self.doc
        free = 0  # tokens before this one are taken by an earlier mention
        for i in self._coref_candidates(forms):
            if i < free:
                continue
            word = doc[i].text
            options = forms.get(word)
            if options is None:
                if len(word) >= 7 and word[:1].isupper() and word.isalpha():
                    glued = [o for o in forms.get(self.unglue(word), []) if len(o[0]) == 1]
                    if glued and not covered[i] and len(owners[glued[0][0][0]]) == 1 \
                            and self._free_boundaries(i, i + 1):
                        out.append((Found(i, i + 1, rule, list(glued[0][0])), glued[0][1]))
                        covered[i] = True
                continue
            hit = None
            if not covered[i]:
                for seq, person in options:
                    end = i + len(seq)
                    if end <= self.n and [t.text for t in doc[i:end]] == seq and not any(covered[i:end]) \
                            and len(owners[" ".join(seq)]) == 1 and self._free_boundaries(i, end):
                        hit = (end, seq, person)
                        break
            if hit is None:
                continue
            end, seq, person = hit
            out.append((Found(i, end, rule, list(seq)), person))
            for k in range(i, end):
                covered[k] = True
            free = end
        return out + self._prefix_forms(persons, covered) + self._quoted_weak_forms(persons, covered)

    def _quoted_weak_forms(self, persons: list[Person], covered: list[bool]) -> list[tuple[Found, Person]]:
        """"kata Agus" for Agus Hermanto: a common first name stands for the one person of the article it
        begins only where it is quoted ("kata/ujar NAME", "NAME mengatakan": settings ``speech_before`` and
        ``speech_after``); elsewhere it may be anybody."""
        t = self.t
        rule = t.grammar.get("coref")
        if rule is None or not (t.speech_before or t.speech_after):
            return []
        owners: dict[str, list[Person]] = {}
        for person in persons:
            if len(person.tokens) >= 2 and person.tokens[0] in t.weak:
                owners.setdefault(person.tokens[0], []).append(person)
        out: list[tuple[Found, Person]] = []
        words = self.words
        for i in range(1, self.n - 1):
            word = words[i]
            if word not in owners or covered[i] or len(owners[word]) != 1:
                continue
            if (words[i - 1].lower() in t.speech_before or words[i + 1] in t.speech_after) \
                    and self._free_boundaries(i, i + 1):
                out.append((Found(i, i + 1, rule, [word]), owners[word][0]))
                covered[i] = True
        return out

    def _prefix_forms(self, persons: list[Person], covered: list[bool]) -> list[tuple[Found, Person]]:
        """"kata Melki" for Emanuel Melkiades: a capitalized word that begins one name part of exactly one
        person (at least ``prefix_form_min`` letters; a nickname cut from the name)."""
        t = self.t
        rule = t.grammar.get("coref")
        size = t.prefix_form_min
        if rule is None or size <= 0:
            return []
        parts: dict[str, set[int]] = {}
        by_id = {id(p): p for p in persons}
        for person in persons:
            for part in person.tokens:
                if len(part) > size and part.isalpha() and part not in t.weak:
                    for k in range(size, len(part) - 1):
                        parts.setdefault(part[:k], set()).add(id(person))
        out: list[tuple[Found, Person]] = []
        words = self.words
        for i in range(self.n):
            word = words[i]
            owners = parts.get(word)
            if owners is None or covered[i] or len(owners) != 1 or word in t.not_name \
                    or self.count(word) < 2 and self.titlecase[i] or not self._free_boundaries(i, i + 1):
                continue
            person = by_id[next(iter(owners))]
            if any(word in p.tokens for p in persons):
                continue
            out.append((Found(i, i + 1, rule, [word]), person))
            covered[i] = True
        return out

    def _coref_candidates(self, forms: dict[str, list[tuple[list[str], Person]]]) -> list[int]:
        """Tokens where a form of a person's name starts: the form itself (found by hash, vectorized), or a
        long capitalized word beginning with a one-word form ("Marsudirapat", glued by a lost space)."""
        doc = self.doc
        strings = doc.vocab.strings
        found: set[int] = set()
        for word in forms:
            found.update(numpy.flatnonzero(self.orth == strings[word]).tolist())
        text = doc_text(doc)
        token_starts: Any = None
        for word, options in forms.items():
            if not any(len(seq) == 1 for seq, _ in options):
                continue
            at = text.find(word)
            while at >= 0:
                after = at + len(word)
                if after < len(text) and text[after].islower() and (at == 0 or not text[at - 1].isalnum()):
                    if token_starts is None:
                        token_starts = doc.to_array("IDX")
                    i = int(numpy.searchsorted(token_starts, at))
                    if i < self.n and int(token_starts[i]) == at:
                        found.add(i)
                at = text.find(word, after)
        return sorted(found)

