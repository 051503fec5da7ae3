"""Stories (issue 11 §2): grouping speed, memory, footprint and quality on synthetic articles.

Generates a synthetic trade press (made-up words in the shape of press releases, news and
interviews; companies with a fixed "About" paragraph and disclaimer; five sites with their
own chrome and footer), in which each story appears on one to five sites as the original
and as verbatim copies (other chrome, dateline, headline casing), excerpts (the first
paragraphs, then "Read more at"), rewrites (new words keeping the id or amount, a count and
a quote) and copies citing the original by a Source link; many companies have a second
story in the same week (the decoys; 40% of them follow-ups with the same product, amount,
count and spokesperson, and half of a company's releases repeat its stock quote). Then:
- rebuild: every article assigned from scratch in id order (StoryIndex over MemoryStorage);
  index time only (generation excluded), articles/s, and the process's peak RSS;
- incremental: the next articles assigned one by one after the rebuild, mean and p95 per
  article;
- footprint: signature blob and key bytes per article (a key: 1-byte band + 4-byte value);
- quality against the generator's truth: pair precision and recall, recall by kind of copy
  (each copy with its story's original), and decoy pairs grouped (the originals of different
  stories of one company within 7 days).
The quality figures are the generator's, not the trade press's: the replica-truth part
(the targets pair precision >= 0.98, recall >= 0.95, rewrites >= 0.80, no decoy pair) is
added where the replica's wire exists.

Reproduce:
    python benchmarks/stories.py                       # 100,000 articles (about 2 minutes)
    python benchmarks/stories.py --articles 20000 --incremental 2000
    python benchmarks/stories.py --sqlite            # incremental over SQLite tables
    python benchmarks/stories.py --replica 2000 --articles 9000 --incremental 1000 --sqlite
Targets: rebuild of 100,000 articles < 60 s; incremental assignment a small share of a
crawl's 7 ms per page (140 pages/s).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import resource
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import islice, pairwise
from pathlib import Path
from typing import NamedTuple

from orthocrawl.stories import (
    Entry,
    MemoryStorage,
    StoredRows,
    StoryArticle,
    StoryIndex,
    pair_scores,
    pairs_grouped,
    sign,
    story_pairs,
)

SITES = ("orthospinenews", "beckersspine", "ryortho", "spinemarketgroup", "orthobuzz")
FUNCTION_WORDS = ("the of and to in a for with that is on as its by at from this was are "
                  "it has have be which an will more than said their also new has been").split()
START = datetime(2022, 1, 3, tzinfo=UTC)


def made_up_words(rng: random.Random, count: int) -> list[str]:
    syllables = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["an", "or", "el", "is"]
    words: dict[str, None] = {}
    while len(words) < count:
        words["".join(rng.choice(syllables) for _ in range(rng.choice((1, 2, 2, 3, 3, 4))))] = None
    return list(words)


@dataclass
class Company:
    name: str
    about: str
    disclaimer: bool
    stock_quote: str  # a line the company's releases repeat
    last: dict[str, object] | None = None  # its previous story: follow-ups reuse its facts


@dataclass
class Generator:
    seed: int = 7
    rng: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.vocab = made_up_words(self.rng, 30_000)
        # A Zipf-like draw: a few words are very common, most are rare.
        self.weights = [1 / (rank + 10) for rank in range(len(self.vocab))]
        self.cum = list(self._cumulative(self.weights))
        self.companies = [self._company() for _ in range(1500)]
        self.chrome = {site: (f"Share this story on {site}",
                              f"The {site} newsletter brings you every story from the spine "
                              f"and orthopedic industry each week, free of charge.")
                       for site in SITES}
        self.disclaimer = self.sentences(3, 14)

    @staticmethod
    def _cumulative(weights: list[float]) -> Iterator[float]:
        total = 0.0
        for w in weights:
            total += w
            yield total

    def words(self, n: int) -> list[str]:
        rng = self.rng
        drawn = rng.choices(self.vocab, cum_weights=self.cum, k=n)
        return [rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else w for w in drawn]

    def name(self, n: int = 2) -> str:
        return " ".join(w.capitalize() for w in self.rng.sample(self.vocab[2000:], n))

    def sentences(self, count: int, length: int) -> str:
        out = []
        for _ in range(count):
            words = self.words(self.rng.randint(length - 4, length + 6))
            out.append(" ".join(words).capitalize() + ".")
        return " ".join(out)

    def _company(self) -> Company:
        name = self.name() + self.rng.choice((" Spine", " Orthopedics", " Medical", " Surgical"))
        about = f"About {name}\n\n{name} " + self.sentences(3, 16)
        return Company(name, about, self.rng.random() < 0.5, self.sentences(1, 13).rstrip("."))

    def story(self, number: int, company: Company) -> dict[str, object]:
        rng = self.rng
        product = self.name(1) + rng.choice(("-X", " Plus", "-7", " Pro"))
        facts: dict[str, str] = {
            "id": f"K{rng.randint(100000, 999999)}",
            "amount": f"${rng.randint(2, 400)} million",
            "count": f"{rng.randint(12, 3000):,} patients",
            "pct": f"{rng.randint(3, 90)}%",
        }
        who = self.name()
        previous = company.last
        if previous is not None and rng.random() < 0.4:
            # a follow-up: the same product, amount, count and spokesperson; its own id
            product = str(previous["product"])
            who = str(previous["who"])
            old = previous["facts"]
            assert isinstance(old, dict)
            facts.update(amount=old["amount"], count=old["count"])
        quote = [self.sentences(1, 14).rstrip("."), self.sentences(1, 12).rstrip(".")]
        stock = rng.random() < 0.5  # the company's stock line as well
        paragraphs = [
            f"{company.name} {self.sentences(1, 12).lower()} {product} "
            f"{rng.choice((facts['id'], facts['amount']))}. {self.sentences(2, 14)}",
            f"{self.sentences(1, 12)} {facts['count']} {self.sentences(1, 10)} {facts['pct']}.",
            f"“{quote[0]}. {quote[1]},” said {who}, of {company.name}.",
            *([f"“{company.stock_quote},” {who} added."] if stock else []),
            *(self.sentences(rng.randint(2, 4), 15) for _ in range(rng.randint(1, 5))),
        ]
        title = f"{company.name} {' '.join(self.words(4))} {product}"
        story = {"number": number, "company": company, "product": product, "facts": facts,
                 "quote": quote, "who": who, "paragraphs": paragraphs, "title": title}
        company.last = story
        return story

    def rewrite(self, story: dict[str, object]) -> list[str]:
        rng = self.rng
        facts = story["facts"]
        assert isinstance(facts, dict)
        quote = story["quote"]
        assert isinstance(quote, list)
        return [
            f"{self.sentences(1, 10)} {story['company'].name} {story['product']} "  # type: ignore[attr-defined]
            f"{facts['id']} {facts['amount']}. {self.sentences(1, 12)}",
            f"{self.sentences(1, 12)} {facts['count']}. {self.sentences(1, 12)}",
            f"“{quote[rng.randint(0, 1)]},” {story['who']} said.",
            self.sentences(2, 13),
        ]


@dataclass
class Made:
    article: StoryArticle
    story: int
    kind: str  # original, verbatim, excerpt, rewrite, cited
    company: str
    decoy_of: int | None = None  # the replica's decoys: the story this one resembles


def synthetic(count: int, seed: int = 7) -> Iterator[Made]:
    """`count` articles in id order (published dates roughly increasing)."""
    gen = Generator(seed)
    rng = gen.rng
    made = 0
    number = 0
    day = 0.0
    pending: list[Made] = []
    recent: list[Company] = []
    while made < count:
        number += 1
        day += 0.06
        # a company of the last few stories half of the time: the decoys
        company = rng.choice(recent) if recent and rng.random() < 0.5 else rng.choice(
            gen.companies)
        recent = [*recent[-20:], company]
        story = gen.story(number, company)
        paragraphs = story["paragraphs"]
        assert isinstance(paragraphs, list)
        sites = rng.sample(SITES, rng.choice((1, 1, 2, 2, 3, 3, 4, 5)))
        when = START + timedelta(days=day)
        press = rng.random() < 0.6  # a press release carries the boilerplate
        tail = [company.about, gen.disclaimer] if press and company.disclaimer else (
            [company.about] if press else [])
        title = str(story["title"])
        origin_url = f"https://{sites[0]}.example/{number}/original"
        for position, site in enumerate(sites):
            kind = "original" if position == 0 else rng.choice(
                ("verbatim", "verbatim", "excerpt", "rewrite", "rewrite", "cited"))
            headline = title if kind != "rewrite" else " ".join(gen.words(7)).capitalize()
            chrome_top, footer = gen.chrome[site]
            cites: tuple[str, ...] = ()
            if kind in ("original", "verbatim"):
                lead = paragraphs[0] if rng.random() < 0.7 else (
                    f"CITY, {when:%B %d, %Y} /Wire/ -- {paragraphs[0]}")
                blocks = [lead, *paragraphs[1:], *tail]
                headline = headline if rng.random() < 0.5 else headline.lower().capitalize()
            elif kind == "excerpt":
                blocks = [*paragraphs[:rng.randint(1, 3)], f"Read more at {sites[0]}."]
            elif kind == "rewrite":
                blocks = gen.rewrite(story)
            else:  # a short note of its own words citing the original
                blocks = [gen.sentences(2, 12), f"Source: {sites[0]}"]
                cites = (origin_url,)
            published = when + timedelta(hours=rng.uniform(0, 96) if position else 0)
            url = origin_url if position == 0 else f"https://{site}.example/{number}/{kind}"
            pending.append(Made(
                StoryArticle(0, url, site, "\n\n".join([chrome_top, *blocks, footer]),
                             headline, published.strftime("%Y-%m-%dT%H:%M:%SZ"),
                             cites=cites), number, kind, company.name))
        # publish in date order once no later story can come before
        pending.sort(key=lambda m: m.article.published_at or "")
        cutoff = (when - timedelta(days=4)).strftime("%Y-%m-%dT%H:%M:%SZ")
        while pending and (pending[0].article.published_at or "") < cutoff and made < count:
            made += 1
            item = pending.pop(0)
            item.article = StoryArticle(made, *_fields(item.article))
            yield item
    # (the loop ends as soon as `count` are out)


def _fields(a: StoryArticle) -> tuple:
    return (a.url, a.site, a.body_text, a.title, a.published_at, a.authors, a.cites)


class Truth(NamedTuple):  # a tuple of atoms: untracked by the garbage collector
    id: int
    story: int
    kind: str
    company: str
    published_at: str
    decoy_of: int | None = None


def quality(index_stories: dict[int, int], made: list[Truth]) -> dict[str, object]:
    truth = {m.id: m.story for m in made}
    scores = pair_scores(index_stories, truth)
    out: dict[str, object] = {"precision": scores.precision, "recall": scores.recall,
                              "pairs": scores.true, "grouped": scores.predicted}
    # each copy of a kind with its story's original
    original = {m.story: m.id for m in made if m.kind == "original"}
    for kind in ("verbatim", "excerpt", "rewrite", "cited"):
        pairs = [(m.id, original[m.story]) for m in made
                 if m.kind == kind and m.story in original]
        out[kind] = pairs_grouped(index_stories, pairs)
    # every pair of a rewrite and another copy of its story
    out["rewrite (all pairs)"] = pairs_grouped(
        index_stories, story_pairs(truth, [m.id for m in made if m.kind == "rewrite"]))
    # decoys: the replica's truth names the story each resembles (every article of that
    # story with the decoy); the generator's are originals of different stories of one
    # company within 7 days
    members: dict[int, list[int]] = {}
    for m in made:
        members.setdefault(m.story, []).append(m.id)
    decoys = [(m.id, other) for m in made if m.decoy_of is not None
              for other in members.get(m.decoy_of, ())]
    originals = sorted((m for m in made if m.kind == "original"),
                       key=lambda m: (m.company, m.published_at))
    for a, b in pairwise(originals):
        if a.company and a.company == b.company and a.story != b.story:
            gap = (datetime.fromisoformat(b.published_at)
                   - datetime.fromisoformat(a.published_at))
            if gap <= timedelta(days=7):
                decoys.append((a.id, b.id))
    out["decoys"] = pairs_grouped(index_stories, decoys)
    return out


class SqliteStorage:
    """A reference Storage over the tables storage.py describes, to measure what the
    protocol costs on indexed SQLite tables (the archive's own implementation is the lead's:
    SQL lives in orthocrawl/archive/). One transaction per assignment, as in the store
    pipeline."""

    SCHEMA = """
        CREATE TABLE IF NOT EXISTS story_signatures (
            article_id INTEGER PRIMARY KEY, story_id INTEGER NOT NULL, signature BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS story_signatures_story ON story_signatures (story_id);
        CREATE TABLE IF NOT EXISTS story_keys (
            key INTEGER NOT NULL, article_id INTEGER NOT NULL,
            PRIMARY KEY (key, article_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS story_keys_article ON story_keys (article_id);
        CREATE TABLE IF NOT EXISTS story_facts (
            key INTEGER NOT NULL, day INTEGER NOT NULL, article_id INTEGER NOT NULL,
            PRIMARY KEY (key, day, article_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS story_facts_article ON story_facts (article_id);
        -- story ids are never reused (watchlists report new stories by id)
        CREATE TABLE IF NOT EXISTS story_ids (id INTEGER PRIMARY KEY AUTOINCREMENT);
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        db.executescript(self.SCHEMA)

    def lookup(self, keys: Collection[int], limit: int) -> dict[int, list[int]]:
        # One statement: each wanted key's first `limit` articles, by the primary key.
        wanted = ",".join(["(?)"] * len(keys))
        rows = self.db.execute(
            f"WITH wanted (key) AS (VALUES {wanted}) "
            "SELECT key, (SELECT group_concat(article_id) FROM "
            "(SELECT article_id FROM story_keys s WHERE s.key = wanted.key LIMIT ?)) "
            "FROM wanted", (*keys, limit))
        return {key: [int(i) for i in ids.split(",")] for key, ids in rows if ids}

    def lookup_facts(self, keys: Collection[int], first_day: int | None,
                     last_day: int | None, limit: int) -> dict[int, list[int]]:
        wanted = ",".join(["(?)"] * len(keys))
        rows = self.db.execute(
            f"WITH wanted (key) AS (VALUES {wanted}) "
            "SELECT key, (SELECT group_concat(article_id) FROM "
            "(SELECT article_id FROM story_facts f WHERE f.key = wanted.key "
            "AND f.day BETWEEN ? AND ? LIMIT ?)) FROM wanted",
            (*keys, -1 if first_day is None else first_day,
             1 << 30 if last_day is None else last_day, limit))
        return {key: [int(i) for i in ids.split(",")] for key, ids in rows if ids}

    def entries(self, article_ids: Collection[int]) -> dict[int, Entry]:
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(
            f"SELECT article_id, story_id, signature FROM story_signatures "
            f"WHERE article_id IN ({marks})", tuple(article_ids))
        return {a: Entry(s, sig) for a, s, sig in rows}

    def members(self, story_id: int) -> list[int]:
        return [row[0] for row in self.db.execute(
            "SELECT article_id FROM story_signatures WHERE story_id = ? ORDER BY article_id",
            (story_id,))]

    def put(self, article_id: int, story_id: int, signature: bytes,
            keys: Collection[int], facts: Collection[int], day: int,
            replacing: bool = True) -> None:
        if replacing:
            self.db.execute("DELETE FROM story_keys WHERE article_id = ?", (article_id,))
            self.db.execute("DELETE FROM story_facts WHERE article_id = ?", (article_id,))
        self.db.executemany("INSERT OR IGNORE INTO story_keys (key, article_id) VALUES (?, ?)",
                            [(key, article_id) for key in keys])
        self.db.executemany("INSERT OR IGNORE INTO story_facts VALUES (?, ?, ?)",
                            [(key, day, article_id) for key in facts])
        self.db.execute("INSERT OR REPLACE INTO story_signatures VALUES (?, ?, ?)",
                        (article_id, story_id, signature))

    def move(self, from_story: int, to_story: int) -> None:
        self.db.execute("UPDATE story_signatures SET story_id = ? WHERE story_id = ?",
                        (to_story, from_story))

    def new_story(self) -> int:
        cursor = self.db.execute("INSERT INTO story_ids DEFAULT VALUES")
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def load(self, rows: StoredRows) -> None:
        """Replace everything with a MemoryStorage's rows (a rebuild made in memory)."""
        self.clear()
        self.db.executemany("INSERT INTO story_signatures VALUES (?, ?, ?)", rows.signatures)
        self.db.executemany("INSERT OR IGNORE INTO story_keys VALUES (?, ?)", rows.keys)
        self.db.executemany("INSERT OR IGNORE INTO story_facts VALUES (?, ?, ?)", rows.facts)
        self.db.execute("INSERT INTO story_ids (id) SELECT ? WHERE ? > "
                        "coalesce((SELECT max(id) FROM story_ids), 0)",
                        (rows.last_story, rows.last_story))

    def clear(self) -> None:
        self.db.execute("DELETE FROM story_keys")  # (executescript would commit first)
        self.db.execute("DELETE FROM story_facts")
        self.db.execute("DELETE FROM story_signatures")

    def stories(self) -> dict[int, int]:
        return dict(self.db.execute("SELECT article_id, story_id FROM story_signatures"))

    def signature_bytes(self) -> Iterator[tuple[int, int, int]]:
        yield from self.db.execute(
            "SELECT length(signature), (SELECT count(*) FROM story_keys k "
            "WHERE k.article_id = s.article_id), (SELECT count(*) FROM story_facts f "
            "WHERE f.article_id = s.article_id) FROM story_signatures s")


def replica(per_site: int) -> Iterator[Made]:
    """The replica's articles in date order, as its truth gives them. Until its wire exists
    (issue 11 §1), every article is a story of its own: only false groupings show."""
    from orthocrawl.replica.registry import build_hub

    records = sorted(build_hub(articles=per_site).truth(),
                     key=lambda r: (r.get("published_at") or "", r["url"]))
    for number, record in enumerate(records, start=1):
        article = StoryArticle(number, record["url"], record["site"], record["body_text"],
                               record["title"], record["published_at"],
                               tuple(record.get("authors") or ()))
        story = record.get("story", f"own-{number}")
        decoy_of = record.get("decoy_of")
        yield Made(article, _story_key(story), str(record.get("copy", "original")), "",
                   _story_key(decoy_of) if decoy_of else None)


def _story_key(story: object) -> int:
    return story if isinstance(story, int) else hash(story)


def read(path: Path, skip: int = 0, count: int | None = None) -> Iterator[StoryArticle]:
    with path.open(encoding="utf-8") as lines:
        for line in islice(lines, skip, None if count is None else skip + count):
            fields = json.loads(line)
            yield StoryArticle(**{**fields, "authors": tuple(fields["authors"]),
                                  "cites": tuple(fields["cites"])})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--incremental", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=2,
                        help="processes making signatures during the rebuild (1: none)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--replica", type=int, metavar="N",
                        help="the replica's articles (N a site, its truth's 'story' key when "
                             "it has one) instead of synthetic ones: --articles of them are "
                             "rebuilt, the last --incremental assigned one by one")
    parser.add_argument("--sqlite", action="store_true",
                        help="write the rebuild to the reference SqliteStorage (a file in "
                             "WAL mode) and assign the incremental articles there")
    parser.add_argument("--batch", type=int, default=200,
                        help="incremental assignments per transaction with --sqlite (the "
                             "store pipeline's ORTHOCRAWL_BATCH_SIZE)")
    args = parser.parse_args()

    made: list[Truth] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            source = (replica(args.replica) if args.replica
                      else synthetic(args.articles + args.incremental, args.seed))
            for item in source:
                out.write(json.dumps(dataclasses.asdict(item.article)) + "\n")
                made.append(Truth(item.article.id, item.story, item.kind, item.company,
                                  item.article.published_at or "", item.decoy_of))
        if args.replica:
            args.articles = min(args.articles, len(made) - args.incremental)
        storage: MemoryStorage | SqliteStorage = MemoryStorage()
        index = StoryIndex(storage)
        load = os.getloadavg()[0]
        wall, cpu = time.perf_counter(), time.process_time()
        index.rebuild(read(path, 0, args.articles), workers=args.workers)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        if args.sqlite:  # the rebuild made in memory, written to the tables at once
            db = sqlite3.connect(Path(tmp) / "stories.db", isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            rows = storage.rows()
            storage = SqliteStorage(db)
            written = time.perf_counter()
            db.execute("BEGIN")
            storage.load(rows)
            db.execute("COMMIT")
            written = time.perf_counter() - written
            index = StoryIndex(storage)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        incremental, incremental_cpu, signing_cpu = [], 0.0, 0.0
        for n, article in enumerate(read(path, args.articles)):
            t0, c0 = time.perf_counter(), time.process_time()
            if args.sqlite and n % args.batch == 0:
                db.execute("BEGIN IMMEDIATE")
            sig = sign(article)
            signing_cpu += time.process_time() - c0
            index.place(article.id, sig)
            if args.sqlite and (n + 1) % args.batch == 0:
                db.execute("COMMIT")  # its cost is shared by the batch's articles
            incremental.append(time.perf_counter() - t0)
            incremental_cpu += time.process_time() - c0
        if args.sqlite and db.in_transaction:
            db.execute("COMMIT")
        if args.sqlite:
            db_mb = (Path(tmp) / "stories.db").stat().st_size / 2**20

    sizes = list(storage.signature_bytes())
    blob = [s for s, _, _ in sizes]
    keys = [k + f for _, k, f in sizes]
    data = [s + 4 * k + 6 * f for s, k, f in sizes]  # a key: 4 bytes; a fact: key and day
    print(f"articles: {args.articles:,} rebuilt, then {len(incremental):,} assigned one by one "
          f"(load average {load:.1f} on {os.cpu_count()} cores at the start)")
    print(f"rebuild ({args.workers} signing worker{'s' if args.workers != 1 else ''}): "
          f"{wall:.1f} s ({args.articles / wall:,.0f} articles/s), main process CPU "
          f"{cpu:.1f} s; peak RSS of the main process {peak_mb:,.0f} MB")
    if args.sqlite:
        print(f"written to SQLite at once (executemany, one transaction): {written:.1f} s")
    kept = f"SqliteStorage, {args.batch} a transaction" if args.sqlite else "MemoryStorage"
    if incremental:
        ms = sorted(t * 1000 for t in incremental)
        print(f"incremental: mean {statistics.mean(ms):.2f} ms, p95 "
              f"{ms[int(len(ms) * 0.95)]:.2f} ms per article (CPU mean "
              f"{incremental_cpu / len(ms) * 1000:.2f} ms, of which the signature "
              f"{signing_cpu / len(ms) * 1000:.2f} ms; {kept})")
    if args.sqlite:
        print(f"SQLite file: {db_mb:,.0f} MB for {len(sizes):,} articles "
              f"({db_mb * 2**20 / len(sizes):,.0f} B per article with indexes)")
    print(f"footprint: blob mean {statistics.mean(blob):.0f} B (max {max(blob)}), keys and "
          f"facts mean {statistics.mean(keys):.1f} (max {max(keys)}), all mean "
          f"{statistics.mean(data):.0f} B (max {max(data)})")
    q = quality(storage.stories(), made)
    print(f"{'replica' if args.replica else 'synthetic'} truth: pair precision "
          f"{q['precision']:.4f}, recall {q['recall']:.4f} over {q['pairs']:,} pairs "
          f"({q['grouped']:,} pairs grouped)")
    for kind in ("verbatim", "excerpt", "rewrite", "rewrite (all pairs)", "cited", "decoys"):
        together, total = q[kind]  # type: ignore[misc]
        print(f"  {kind}: {together:,}/{total:,} pairs grouped "
              f"({together / total if total else 1:.3f})")


if __name__ == "__main__":
    main()
