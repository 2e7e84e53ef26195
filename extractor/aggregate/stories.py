"""Stories: near-duplicate articles (a wire story reprinted, a light rewrite) found by MinHash (rensa).

A reprint is not a second source: clusters count stories as well as articles. The shingles are word
n-grams of the article texts when every record carries its text (``warta aggregate --texts``), else of
each title followed by its mentions in text order (a reprint has the same people, places, dates and
numbers in the same order), with their own, lower threshold.

rensa (MIT, Rust, no dependencies) computes the MinHash signatures and the LSH index. datasketch did
before; it imports scipy, which cost a second of every `warta aggregate` run to choose the bands.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex

from .settings import StorySettings

_WORD = regex.compile(r"[\p{L}\p{N}]++")


def words(record: dict[str, Any]) -> list[str]:
    """The record's text as words, or its title's words and its mentions when it has no text."""
    text = record.get("text")
    if isinstance(text, str) and text:
        return [w.casefold() for w in _WORD.findall(text)]
    out = [w.casefold() for w in _WORD.findall(str(record.get("title") or ""))]
    mentions = sorted((e for e in record.get("entities", []) if isinstance(e.get("start"), int)),
                      key=lambda e: e["start"])
    out.extend(f"{e['type'][0]}:{e['text'].casefold()}" for e in mentions)
    return out


def shingles(tokens: list[str], size: int) -> set[bytes]:
    if len(tokens) < size:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i:i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def bands(threshold: float, num_perm: int, found: float = 0.99) -> int:
    """The number of LSH bands: the fewest (so the fewest needless comparisons) with which a pair exactly
    at ``threshold`` is still compared with probability ``found``. Bands split ``num_perm`` evenly."""
    for count in (b for b in range(1, num_perm + 1) if num_perm % b == 0):
        rows = num_perm // count
        if 1 - (1 - threshold**rows) ** count >= found:
            return count
    return num_perm


def jaccard(first: set[bytes], second: set[bytes]) -> float:
    """The exact share of shingles two articles have in common: MinHash only finds the candidates."""
    return len(first & second) / len(first | second)


def story_ids(records: Sequence[dict[str, Any]], settings: StorySettings) -> dict[str, str]:
    """doc_id -> story_id: the doc_id of the story's earliest article (ties: the smallest doc_id)."""
    from rensa import RMinHash, RMinHashLSH  # imported here: only aggregation needs it

    ordered = sorted(records, key=lambda r: r["doc_id"])
    with_text = all(isinstance(r.get("text"), str) and r["text"] for r in ordered)
    threshold = settings.threshold if with_text else settings.mention_threshold
    size = settings.shingle if with_text else settings.mention_shingle
    sets = [shingles(words(r), size) for r in ordered]
    hashes = []
    for items in sets:
        minhash = RMinHash(settings.num_perm, 1)
        minhash.update(list(items))
        hashes.append(minhash)
    lsh = RMinHashLSH(threshold, settings.num_perm, bands(threshold, settings.num_perm))
    parent = list(range(len(ordered)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, minhash in enumerate(hashes):
        if not sets[i]:
            continue
        for j in lsh.query(minhash):
            if jaccard(sets[i], sets[j]) >= threshold:
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
        lsh.insert(i, minhash)
    members: dict[int, list[dict[str, Any]]] = {}
    for i, record in enumerate(ordered):
        members.setdefault(root(i), []).append(record)
    result: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=lambda r: (str(r.get("published") or "9999"), r["doc_id"]))["doc_id"]
        for record in group:
            result[record["doc_id"]] = first
    return result
