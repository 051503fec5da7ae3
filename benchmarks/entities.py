"""Entity extraction speed (issue 12): articles per second on one core, gazetteers loaded once.

Three corpora, all measured by default, since the speed depends on an article's length and on
how many names, cues and events it holds:
- replica: the five replicas' own articles (title, body text and date as their truth reports
  them, which is what the store pipeline passes to the extractor), `--articles` spread over
  the five sites; trade-press news of 100-450 words (mean about 240).
- synthetic: press releases of 400-800 words (mean 658) made here from templates, dense with
  what the rules look for (real company names from the shipped gazetteer, invented startups,
  people, amounts, 510(k) numbers, an aside): a long, busy article, the slow end.
- real: the 133 hand-made article bodies of the public article-extraction benchmark
  (`--real-file`, default /work/shared/bench/extraction/ground-truth.json: general news and
  blogs, mean 720 words; no title, no date), each once (not repeated up to `--articles`, so
  that no cache sees an article twice in a run): real prose, long sentences, few of the
  rules' names. Skipped with a note when the file is missing.
The extractor is called as orthocrawl/derived.py calls it for each stored article.
--accuracy: every replica's articles (--articles a site, all five) against the entities its
truth reports (orthocrawl/replica/entities.py), with the replica's gazetteer (the demo's)
loaded after the shipped one: precision and recall per kind, micro-averaged over articles.
Companies are compared by canonical name (candidates too; a name only in a "Related:" aside is
not the article's), numbers by number, people by name, events by kind, company, target,
product, number and amount all right (a partial match counts as both a miss and a false one).

Speed is measured in CPU time of the process (time.process_time), so that other work on a
shared machine does not count against it; the wall-clock rates are printed beside it.

Reproduce:
    python benchmarks/entities.py                      # all three corpora, 2,000 articles each
    python benchmarks/entities.py --real --repeat 3    # the real article bodies only
    python benchmarks/entities.py --replica --articles 1000 --repeat 5
    python benchmarks/entities.py --text
    python benchmarks/entities.py --accuracy                # 2,000 articles a site, 10,000
Target (issue 12): >= 1,500 articles/s on one core; on the replica's truth, companies P >= 0.97
and R >= 0.95, regulatory numbers 1.000, events P >= 0.95 and R >= 0.90, people P >= 0.95 and
R >= 0.90.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from orthocrawl.entities import Extraction, Extractor

COMPANIES = ["Stryker", "Zimmer Biomet", "Medtronic", "Globus Medical", "Orthofix Medical Inc.",
             "SI-BONE", "Alphatec Holdings", "Smith & Nephew", "DePuy Synthes", "Enovis",
             "NuVasive", "SeaSpine", "Wright Medical Group N.V.", "Integra LifeSciences",
             "Bioventus", "Treace Medical Concepts", "OrthoPediatrics", "Spinal Elements"]
STARTUPS = ["Veltora Spine", "Quenric Medical", "Ardent Bone Technologies", "Solvane Robotics",
            "Marrowline Biologics", "Teskin Surgical", "Opaline Orthopedics"]
PRODUCTS = ["Arvo", "Kestrel TL", "Morrow XT", "Pallion", "Sarto-C", "Vireo 2.0", "Linnet Pro"]
DEVICES = ["pedicle screw system", "expandable interbody cage", "anterior cervical plate",
           "sacroiliac joint fusion implant", "navigation platform", "bone graft substitute"]
FIRST = ["Maria", "David", "Anjali", "Thomas", "Lena", "Marcus", "Ruth", "Kenji", "Olga", "Ian"]
LAST = ["Carrow", "Delacourt", "Benedek", "Ostrander", "Pellham", "Sorensen", "Tamura", "Vance"]
HOSPITALS = ["Hospital for Special Surgery", "Mayo Clinic", "Brightwater Medical Center",
             "Elmsford Spine Institute", "University of Eastvale Hospital", "Cleveland Clinic"]
TITLES = ["president and CEO", "chief financial officer", "chief medical officer",
          "vice president of sales"]
FILLER = [
    "The company said the design reduces the number of instruments on the back table and "
    "shortens set-up time in the operating room.",
    "Surgeons at more than 40 sites took part in the limited release, and the company expects "
    "broader availability in the second half of the year.",
    "Analysts have pointed to outpatient spine procedures as one of the faster-growing parts of "
    "the market, driven by payer pressure and improvements in anesthesia.",
    "The implant is made of porous titanium and is offered in several footprints, heights and "
    "lordotic angles to match patient anatomy.",
    "Hospitals have been asking for systems that work across open and minimally invasive "
    "approaches, according to the company.",
    "Reimbursement remains a hurdle for newer technologies, and several device makers have "
    "invested in health economics data to support coverage decisions.",
    "The study enrolled patients at multiple centers and followed them for two years after "
    "surgery, with fusion assessed by independent radiographic review.",
    "Inventory management and instrument reprocessing costs are a growing concern for "
    "ambulatory surgery centers that take on spine cases.",
]


def article(rng: random.Random) -> tuple[str, str]:
    company, startup = rng.choice(COMPANIES), rng.choice(STARTUPS)
    other = rng.choice([c for c in COMPANIES if c != company])
    product, device = rng.choice(PRODUCTS), rng.choice(DEVICES)
    exec_ = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    surgeon = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    hospital = rng.choice(HOSPITALS)
    amount = rng.choice(["$25 million", "$12.5 million", "$1.2 billion", "€40m",
                         "thirty million dollars"])
    number = f"K{rng.randint(200000, 249999)}"
    title = rng.choice([f"{startup} Raises {amount} to Expand {product} Platform",
                        f"{company} Receives FDA 510(k) Clearance for {product} System",
                        f"{company} to Acquire {startup}"])
    paras = [
        f"WARSAW, Ind., March 4, 2024 /PRNewswire/ -- {startup}, a developer of spinal "
        f"implants, today announced that it raised {amount} in a Series B round led by Harbor "
        f"Peak Ventures, with participation from {other}. The financing will support the launch "
        f"of the {product} {device}.",
        f"{company} (NYSE: SYK) said it received FDA 510(k) clearance ({number}) for the "
        f"{product}™ {device}, and {company} has completed its acquisition of {startup} for "
        f"{amount}.",
        f"“This is an important step for patients,” said {exec_}, {rng.choice(TITLES)} of "
        f"{startup}. “We built {product} with surgeons from the start.”",
        f"“The {product} made a complex case simpler,” said {surgeon}, MD, PhD, of {hospital}.",
        f"{other} named {rng.choice(FIRST)} {rng.choice(LAST)} as chief operating officer "
        f"earlier this year, and formed a distribution partnership with {startup}.",
    ]
    body = []
    for para in paras:
        body.append(para + " " + " ".join(rng.sample(FILLER, rng.randint(3, 5))))
    body.insert(3, f"Related: {rng.choice(COMPANIES)} opens a new plant in Ohio")
    body.append(f"About {startup}\n{startup} is a privately held company based in Austin, Texas. "
                + " ".join(rng.sample(FILLER, 3)))
    return title, "\n\n".join(body)


def synthetic(count: int) -> list[tuple[str, str, str]]:
    rng = random.Random(12)
    return [(*article(rng), "2024-03-04") for _ in range(count)]


def replica(count: int) -> list[tuple[str, str, str | None]]:
    """`count` articles of the five replicas (an equal share of each), as the store passes
    them to the extractor (derived.py: the date's first 10 characters)."""
    from orthocrawl.replica.registry import available, build

    names = available()
    share = -(-count // len(names))
    docs = [(r["title"] or "", r["body_text"] or "", (r["published_at"] or "")[:10] or None)
            for name in names for r in build(name, articles=share).truth()]
    return docs[:count]


REAL = Path("/work/shared/bench/extraction/ground-truth.json")


def real(path: Path = REAL) -> list[tuple[str, str, str | None]]:
    """The benchmark set's article bodies (no title, no date), each once, by id."""
    pages = json.loads(path.read_text(encoding="utf-8"))
    return [("", pages[key]["articleBody"], None) for key in sorted(pages)]


EVENT_FIELDS = ("kind", "company", "target", "product", "number", "amount")


def event_key(fields: dict) -> tuple:
    """An event's fields as compared; a partnership's two partners in either order."""
    key = [fields[f] for f in EVENT_FIELDS]
    if key[0] == "partnership":
        key[1:3] = sorted(key[1:3], key=str)
    return tuple(key)


KINDS = ("companies", "  listed", "  candidates", "numbers", "events", "people",
         "  surgeons", "  executives")


def found_sets(found: Extraction) -> dict[str, set]:
    """What the extractor found in one article, as the truth's keys compare (indented: a part
    of the kind above, by the gazetteer's listing or the person's role)."""
    companies = [e for e in found.entities if e.kind == "company"]
    return {"companies": {e.name for e in companies},
            "  listed": {e.name for e in companies if not e.candidate},
            "  candidates": {e.name for e in companies if e.candidate},
            "numbers": {n.number for n in found.numbers},
            "events": {event_key(vars(e)) for e in found.events},
            "people": {p.name for p in found.people},
            "  surgeons": {p.name for p in found.people if p.role != "executive"},
            "  executives": {p.name for p in found.people if p.role == "executive"}}


def truth_sets(entities: dict) -> dict[str, set]:
    people = entities["people"]
    return {"companies": set(entities["companies"]),
            "  listed": set(entities["companies"]) - set(entities["candidates"]),
            "  candidates": set(entities["candidates"]),
            "numbers": {n["number"] for n in entities["numbers"]},
            "events": {event_key(e) for e in entities["events"]},
            "people": {p["name"] for p in people},
            "  surgeons": {p["name"] for p in people if p["kind"] == "surgeon"},
            "  executives": {p["name"] for p in people if p["kind"] == "executive"}}


def accuracy(articles: int, show: int) -> None:
    """Precision and recall per kind against the replicas' entity truth."""
    from pathlib import Path

    from orthocrawl.entities.gazetteer import load_gazetteer
    from orthocrawl.replica import build_hub
    from orthocrawl.replica.entities import GAZETTEER, records

    started = time.perf_counter()
    truth = list(records(build_hub(articles=articles)))
    built = time.perf_counter() - started
    extractor = Extractor(load_gazetteer([Path(GAZETTEER)]))
    counts = {kind: [0, 0, 0] for kind in KINDS}
    wrong: dict[str, Counter[str]] = {kind: Counter() for kind in counts}
    started = time.process_time()
    for record in truth:
        found = found_sets(extractor.extract(record["title"], record["body_text"],
                                             record["published_at"][:10]))
        for kind, expected in truth_sets(record["entities"]).items():
            tally = counts[kind]  # [right, found, expected]
            tally[0] += len(found[kind] & expected)
            tally[1] += len(found[kind])
            tally[2] += len(expected)
            if not kind.startswith(" "):
                wrong[kind].update(f"extra {x}" for x in found[kind] - expected)
                wrong[kind].update(f"missed {x}" for x in expected - found[kind])
    seconds = time.process_time() - started
    sites = len({r["site"] for r in truth})
    print(f"accuracy on the replicas' truth: {len(truth):,} articles ({articles:,} a site, "
          f"{sites} sites; built in {built:.1f} s, extracted in {seconds:.1f} s CPU, "
          f"{len(truth) / seconds:,.0f} articles/s)")
    for kind, (right, found_n, expected) in counts.items():
        precision = right / found_n if found_n else 1.0
        recall = right / expected if expected else 1.0
        print(f"  {kind:<13} precision {precision:.3f}  recall {recall:.3f}  "
              f"(right {right:,}, found {found_n:,}, in the truth {expected:,})")
        for text, n in wrong[kind].most_common(show):
            print(f"      {n:>5}  {text}")


def speed(extractor: Extractor, label: str, docs: Sequence[tuple[str, str, str | None]],
          repeat: int) -> None:
    words = [len(body.split()) for _, body, _ in docs]
    extractor.extract(*docs[0])  # warm caches
    rates, walls = [], []
    for _ in range(repeat):
        # CPU time of this process: the machine's other work does not count against it
        started, wall = time.process_time(), time.perf_counter()
        for title, body, published in docs:
            extractor.extract(title, body, published)
        rates.append(len(docs) / (time.process_time() - started))
        walls.append(len(docs) / (time.perf_counter() - wall))
    print(f"{label}: {len(docs)} articles, words mean {statistics.mean(words):.0f}, median "
          f"{statistics.median(words):.0f}, max {max(words)}")
    print(f"  speed: {max(rates):,.0f} articles/s on one core, CPU time, "
          f"{1e6 / max(rates):,.0f} us an article (best of {repeat}; runs: "
          f"{', '.join(f'{r:,.0f}' for r in rates)}; wall clock: "
          f"{', '.join(f'{r:,.0f}' for r in walls)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles of each corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--replica", action="store_true", help="only the replicas' articles")
    parser.add_argument("--text", action="store_true", help="only the synthetic articles")
    parser.add_argument("--real", action="store_true",
                        help="only the real article bodies of --real-file")
    parser.add_argument("--real-file", type=Path, default=REAL,
                        help="ground-truth.json of the article-extraction benchmark")
    parser.add_argument("--accuracy", action="store_true",
                        help="precision and recall against the replicas' entity truth")
    parser.add_argument("--show", type=int, default=0,
                        help="with --accuracy: the most frequent misses and extras per kind")
    args = parser.parse_args()
    if args.accuracy:
        accuracy(args.articles, args.show)
        return
    every = not (args.replica or args.text or args.real)
    corpora: list[tuple[str, Sequence[tuple[str, str, str | None]]]] = []
    if args.replica or every:
        corpora.append(("replica (five sites)", replica(args.articles)))
    if args.text or every:
        corpora.append(("synthetic press releases", synthetic(args.articles)))
    if args.real or every:
        if args.real_file.is_file():
            corpora.append((f"real article bodies ({args.real_file.name})",
                            real(args.real_file)))
        else:
            print(f"real article bodies: {args.real_file} not found, skipped")
    started = time.perf_counter()
    extractor = Extractor()
    print(f"gazetteer load + matcher build: {(time.perf_counter() - started) * 1000:.0f} ms "
          "(once)")
    for label, docs in corpora:
        speed(extractor, label, docs, args.repeat)


if __name__ == "__main__":
    main()
