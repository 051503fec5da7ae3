"""The industry layer in the archive and its commands: entities, events, trend, search
--company; rebuilt by reparse when the method changes; bad input in one line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from orthocrawl.archive import Archive
from orthocrawl.cli import main
from orthocrawl.derived import Derivations

# Written here, in the style of trade-press news (the companies are real, the news is not).
ARTICLES = [
    ("https://news.example/2019/nuvasive-cage/", "2019-03-04T10:00:00Z",
     "NuVasive launches new lumbar cage",
     "NuVasive (NASDAQ: NUVA) today announced the full commercial launch of its new lumbar "
     "interbody cage. The company said the first cases went well."),
    ("https://news.example/2024/stryker-deal/", "2024-05-02T10:00:00Z",
     "Stryker to acquire Vertebrix for $250 million",
     "Stryker (NYSE: SYK) today announced a definitive agreement to acquire Vertebrix Inc., a "
     "developer of spinal implants, for $250 million. Dr. Ana Ruiz, MD, PhD, of Mayo Clinic "
     "welcomed the deal."),
    ("https://news.example/2024/globus-clearance/", "2024-06-10T10:00:00Z",
     "Globus Medical earns FDA clearance",
     "Globus Medical received FDA 510(k) clearance (K241234) for its new fixation system. "
     "Globus Medical said shipments begin this summer."),
    ("https://news.example/2024/syk-quarter/", "2024-07-01T10:00:00Z",
     "SYK shares rise",
     "Shares of Stryker's spine unit rose after the quarter, Stryker said on Monday."),
]


def record(url: str, published: str, title: str, body: str) -> dict:
    return {"url": url, "site": "example", "title": title, "authors": ["Pat Lee"],
            "posted_by": None, "published_at": published, "modified_at": None,
            "categories": [], "tags": [], "description": None, "lead_image": None,
            "language": "en", "body_text": body, "body_html": f"<p>{body}</p>",
            "word_count": len(body.split()), "source": None, "content_hash": url}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.db"
    derive = Derivations()
    with Archive(path) as archive:
        derive.start(archive)
        archive.store([(record(*a), None) for a in ARTICLES], derive=derive)
    return path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*args], catch_exceptions=False)
    return result.exit_code, result.output


def test_entities_most_mentioned_first_with_articles_and_stories(db):
    code, out = run("entities", "--db", str(db), "--kind", "company", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0] == {"name": "Stryker", "kind": "company", "candidate": 0, "articles": 2,
                       "stories": 2}
    names = [r["name"] for r in rows]
    assert {"Globus Medical", "NuVasive"} <= set(names)
    code, out = run("entities", "--db", str(db), "--candidates", "--format", "csv")
    assert code == 0 and "Vertebrix" in out and "Stryker" not in out


def test_events_are_the_trackers(db):
    code, out = run("events", "--db", str(db), "--kind", "acquisition", "--format", "json")
    (deal,) = json.loads(out)
    assert (deal["company"], deal["target"], deal["amount"], deal["currency"]) == \
        ("Stryker", "Vertebrix", 250_000_000, "USD")
    code, out = run("events", "--db", str(db), "--kind", "clearance", "--format", "csv",
                    "--excel")
    assert code == 0 and out.startswith("\ufeffdate,kind,company")
    assert "K241234" in out and "Globus Medical" in out
    code, out = run("events", "--db", str(db), "--company", "SYK", "--format", "json")
    assert {e["company"] for e in json.loads(out)} == {"Stryker"}


def test_search_by_company_whatever_the_text_called_it(db):
    code, out = run("search", "shares OR acquire", "--db", str(db), "--company", "NYSE: SYK",
                    "--format", "json")
    assert code == 0
    assert {h["url"] for h in json.loads(out)} == {ARTICLES[1][0], ARTICLES[3][0]}


def test_trend_counts_stories_and_former_names_from_their_merger(db, tmp_path):
    code, out = run("trend", "Globus Medical", "NuVasive", "--db", str(db), "--by", "quarter")
    assert code == 0
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines[0] == ["quarter", "Globus Medical", "NuVasive"]
    assert ["2019-Q1", "0", "1"] in lines  # a 2019 NuVasive story stays NuVasive's
    chart = tmp_path / "trend.png"
    code, out = run("trend", "Globus Medical", "--db", str(db), "--as-today", "--chart",
                    str(chart))
    assert code == 0
    assert ["2019-03", "1"] in [line.split("\t") for line in out.splitlines()]  # as today
    import matplotlib.image

    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    height, width, _ = matplotlib.image.imread(chart).shape
    assert width > 600 and height > 300


@pytest.mark.parametrize(("args", "message"), [
    (("trend", "Nobody Inc"), "no company or other entity named 'Nobody Inc'"),
    (("events", "--company", "Nobody Inc"), "no company or other entity named"),
    (("trend", "Stryker", "--chart", "x.gif"), "must end in .png or .svg"),
])
def test_bad_input_is_one_line(db, args, message):
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1].startswith("orthocrawl: error:")
    assert message in result.output


def test_a_broken_gazetteer_is_one_line_with_file_and_line(db, tmp_path, monkeypatch):
    bad = tmp_path / "mine.csv"
    bad.write_text("kind,name\ncompany,\n")
    monkeypatch.setenv("ORTHOCRAWL_GAZETTEERS", str(bad))
    result = CliRunner().invoke(main, ["events", "--company", "Acme", "--db", str(db)])
    assert result.exit_code == 2
    assert f"{bad}:2:" in result.output and "Traceback" not in result.output


def test_reparse_rebuilds_the_layer_when_its_method_changed(db):
    with Archive(db) as archive:
        archive.set_derived_method("entities", "an older method")
        archive.db.execute("DELETE FROM article_events")  # `events`: its view
        from orthocrawl.reparse import reparse

        # no raw pages here: rebuild what reparse rebuilds, through store's derive hook
        rows = [(record(*a), None) for a in ARTICLES]
        archive.store(rows, derive=Derivations(), derive_unchanged=True)
        assert archive.db.execute("SELECT count(*) FROM events").fetchone()[0] >= 2
        assert reparse(archive).pages == 0  # nothing to re-parse, but the method is recorded
        assert archive.derived_method("entities") == Derivations().method()
