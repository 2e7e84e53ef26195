"""How many glued words the tokenizer cuts in a corpus, and what the mentions gain (issue 14).

Run from the repository's folder, after writing Warta's output for the same articles:

    warta extract ../shared/data/news/topical.jsonl > /tmp/new.jsonl
    python benchmarks/glued_words.py ../shared/data/news/topical.jsonl /tmp/new.jsonl \
        --baseline /work/baseline/topical.jsonl --sample 50 --sample-out /tmp/glue_sample.txt

It prints the cuts found (and in how many articles more than two), the mentions
gained and lost by type against a baseline output, and writes a random sample of
cuts with their context to ``--sample-out`` for checking by hand. The sample holds
article text: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from extractor.rules import load_rules  # noqa: E402
from extractor.tokenizer import blank_language  # noqa: E402


def read_jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def mention_keys(record: dict[str, object]) -> set[tuple[str, int, int]]:
    entities = record.get("entities") or []
    assert isinstance(entities, list)
    return {(str(e["type"]), int(e["start"]), int(e["end"])) for e in entities}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path, help="JSONL articles (id, text)")
    parser.add_argument("output", type=Path, nargs="?", help="Warta's output on them, with the cuts")
    parser.add_argument("--baseline", type=Path, help="Warta's output without the cuts (main)")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--sample-out", type=Path, default=Path("/tmp/glue_sample.txt"))
    args = parser.parse_args(argv)
    if not args.articles.is_file():
        print(f"glued_words: {args.articles}: no such file (the data lives in ../shared/data)", file=sys.stderr)
        return 2

    glued = blank_language(load_rules())
    plain = blank_language(None)  # the same tokenizer without the cuts
    articles = read_jsonl(args.articles)
    cuts: list[tuple[str, int, str]] = []  # (doc id, offset, context)
    per_article: Counter[str] = Counter()
    for article in articles:
        text, doc_id = str(article["text"]), str(article["id"])
        doc = glued.make_doc(text)
        assert doc.text == text
        before = {t.idx for t in plain.make_doc(text)}
        for token in doc[:-1]:
            nxt = doc[token.i + 1]
            if nxt.idx not in before:
                context = f"{text[max(0, nxt.idx - 30):nxt.idx]}|{text[nxt.idx:nxt.idx + 30]}"
                cuts.append((doc_id, nxt.idx, context.replace("\n", " ")))
                per_article[doc_id] += 1
    print(f"articles: {len(articles)}")
    print(f"cuts (joins split): {len(cuts)} in {len(per_article)} articles; "
          f"articles with more than 2: {sum(1 for n in per_article.values() if n > 2)}")

    if args.output and args.baseline:
        new = {str(r["doc_id"]): r for r in read_jsonl(args.output)}
        old = {str(r["doc_id"]): r for r in read_jsonl(args.baseline)}
        gained: Counter[str] = Counter()
        lost: Counter[str] = Counter()
        for doc_id, record in new.items():
            before = mention_keys(old.get(doc_id, {}))
            after = mention_keys(record)
            gained.update(t for t, _, _ in after - before)
            lost.update(t for t, _, _ in before - after)
        print("mentions gained by type:", dict(sorted(gained.items())), "total", sum(gained.values()))
        print("mentions lost by type:  ", dict(sorted(lost.items())), "total", sum(lost.values()))

    rng = random.Random(args.seed)
    sample = rng.sample(cuts, min(args.sample, len(cuts)))
    args.sample_out.write_text("".join(f"{d}\t{o}\t{c}\n" for d, o, c in sample), encoding="utf-8")
    print(f"sample of {len(sample)} cuts written to {args.sample_out} (article text: not for the repository)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
