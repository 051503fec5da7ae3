"""orthocrawl.entities on sentences written here in the style of press releases and trade-press
news (the companies are real, the products, startups, people, numbers and deals invented)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from orthocrawl.entities import (
    Entity,
    Event,
    Extractor,
    GazetteerError,
    Person,
    RegulatoryNumber,
    UnknownKindError,
    check_kind,
    load_gazetteer,
    paths_from_env,
)
from orthocrawl.entities.amounts import find_amounts
from orthocrawl.entities.cues import scan
from orthocrawl.entities.gazetteer import SHIPPED, fold
from orthocrawl.entities.regulatory import find_numbers


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer())


def companies(found) -> dict[str, Entity]:
    return {e.name: e for e in found.entities if e.kind == "company"}


def counts(found, kind: str = "company") -> dict[str, int]:
    return {m.name: m.count for m in found.mentions if m.kind == kind}


# -- companies -----------------------------------------------------------------------------
def test_several_companies_in_one_sentence_with_ticker_alias_and_possessive(ex):
    body = ("Stryker (NYSE: SYK), Zimmer Biomet and Smith & Nephew plc all reported higher "
            "knee sales in the quarter, while J&J MedTech said DePuy Synthes gained share. "
            "Stryker's robot remained the most used.")
    found = ex.extract("Knee sales rise across the big four", body, "2024-05-02")
    assert counts(found) == {"Stryker": 2, "Zimmer Biomet": 1, "Smith+Nephew": 1,
                             "Johnson & Johnson": 2}
    got = companies(found)
    assert got["Stryker"] == Entity("company", "Stryker", ("NYSE: SYK",), False)
    assert got["Smith+Nephew"].aliases == ("Smith & Nephew",)
    assert got["Johnson & Johnson"].aliases == ("J&J MedTech", "DePuy Synthes")
    first = {m.name: m.first_sentence for m in found.mentions}
    assert first["Zimmer Biomet"] == body.split(". ")[0] + "."


def test_ticker_alone_names_the_company(ex):
    found = ex.extract("", "Shares of NASDAQ: GMED rose 4% on Tuesday.", "2024-01-09")
    assert counts(found) == {"Globus Medical": 1}
    assert companies(found)["Globus Medical"].aliases == ("NASDAQ: GMED",)


@pytest.mark.parametrize(("name", "published", "as_today", "expected"), [
    ("NuVasive", "2019-06-03", False, "NuVasive"),
    ("NuVasive", "2023-08-31", False, "NuVasive"),
    ("NuVasive", "2023-09-01", False, "Globus Medical"),
    ("NuVasive", "2019-06-03", True, "Globus Medical"),
    ("SeaSpine Holdings", "2022-11-10", False, "SeaSpine"),
    ("SeaSpine Holdings", "2023-02-01", False, "Orthofix"),
    ("Wright Medical Group N.V.", "2019-03-12", False, "Wright Medical"),
    ("Wright Medical Group N.V.", "2021-03-12", False, "Stryker"),
    ("DJO", "2021-12-01", False, "DJO"),
    ("DJO", "2022-06-01", False, "Enovis"),
    ("Tornier", "2016-05-01", False, "Wright Medical"),  # a chain of mergers
    ("Tornier", "2016-05-01", True, "Stryker"),
])
def test_former_names_count_for_the_parent_from_the_mergers_date(ex, name, published,
                                                                  as_today, expected):
    body = f"{name} reported record revenue in its spine business, the company said."
    found = ex.extract("", body, published, as_today=as_today)
    assert list(counts(found)) == [expected]
    entity = companies(found)[expected]
    assert entity.candidate is False
    if expected != name:
        assert name.split(" Holdings")[0].split(" Group")[0] in " ".join(entity.aliases)


def test_unknown_company_is_a_candidate_never_merged_with_a_known_one(ex):
    body = ("Quenric Medical, a developer of robotic guidance for spine surgery, announced a "
            "partnership with Globus Medical. Quenric Medical's founders previously worked at "
            "Medtronic.")
    found = ex.extract("", body, "2024-04-04")
    got = companies(found)
    assert got["Quenric Medical"] == Entity("company", "Quenric Medical", (), True)
    assert got["Globus Medical"].candidate is False
    assert counts(found) == {"Quenric Medical": 2, "Globus Medical": 1, "Medtronic": 1}
    assert [e for e in found.events if e.kind == "partnership"] == [Event(
        "partnership", body.split(". ")[0] + ".", "2024-04-04", company="Quenric Medical",
        target="Globus Medical")]


def test_decoy_in_a_related_aside_is_not_the_articles(ex):
    body = ("Treace Medical Concepts reported first-quarter revenue of $52 million.\n\n"
            "Related: Medtronic opens a new spine plant in Memphis\n\n"
            "The company reaffirmed its guidance (Related: Enovis to cut jobs) for the year.")
    found = ex.extract("Treace posts first-quarter results", body, "2024-05-07")
    assert counts(found) == {"Treace Medical Concepts": 2}
    assert all("Medtronic" not in m.first_sentence for m in found.mentions)


# -- amounts, numbers ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "value", "currency"), [
    ("raised $25 million", 25_000_000, "USD"),
    ("a $1.2 billion deal", 1_200_000_000, "USD"),
    ("a €40m round", 40_000_000, "EUR"),
    ("CHF 30 million in new funding", 30_000_000, "CHF"),
    ("twenty-five million dollars", 25_000_000, "USD"),
    ("25 million euros", 25_000_000, "EUR"),
    ("US$3.5 million", 3_500_000, "USD"),
    ("a $500,000 grant", 500_000, "USD"),
])
def test_amounts(text, value, currency):
    found = list(find_amounts(text, scan(fold(text))))
    assert [(v, c) for _, _, v, c in found] == [(value, currency)]


def test_numbers_of_each_kind():
    text = "cleared (K241187), granted DEN210045 and approved P180012/S003; not K12345 or AK241187"
    assert [(n, t) for _, _, n, t in find_numbers(text)] == [
        ("K241187", "510(k)"), ("DEN210045", "De Novo"), ("P180012/S003", "PMA")]


def test_numbers_read_from_cues_are_the_searches():
    # the prefixes found by the cue automaton (lowercased, anywhere) give the same numbers as
    # the three searches: lowercase or glued prefixes, a number after "/" and a long run too
    text = ("K241187, k241187, DEN210045, den210045, P180012/S003; x/K123456, AK241187, "
            "K1234567, PK123456 and DEN12345 K223344)")
    expected = list(find_numbers(text))
    assert [n for _, _, n, _ in expected] == ["K241187", "DEN210045", "P180012/S003",
                                              "K223344"]
    assert list(find_numbers(text, scan(fold(text)))) == expected


def test_clearance_with_k_number_in_parentheses(ex):
    title = "Orthofix Receives FDA Clearance for Lattus Lateral Interbody System"
    body = ("LEWISVILLE, Texas, Feb. 6, 2024 -- Orthofix Medical Inc. (NASDAQ: OFIX) today "
            "announced that it received 510(k) clearance from the U.S. Food and Drug "
            "Administration (K241187) for the Lattus™ lateral interbody system.")
    found = ex.extract(title, body, "2024-02-06T13:00:00+00:00")
    assert found.numbers == (RegulatoryNumber("K241187", "510(k)", body, "Lattus", "Orthofix"),)
    assert [e for e in found.events if e.kind == "clearance"] == [Event(
        "clearance", title, "2024-02-06", company="Orthofix", product="Lattus",
        number="K241187", status="510(k)")]
    assert companies(found)["Orthofix"].aliases == ("Orthofix Medical", "NASDAQ: OFIX")


# -- people --------------------------------------------------------------------------------
def test_surgeon_with_two_degrees_and_institution(ex):
    body = ("“The early fusion results are encouraging,” said Jane Doe, MD, PhD, of "
            "Brightwater Medical Center in Tulsa. Doe implanted the first devices last fall.")
    found = ex.extract("", body, "2024-03-01")
    assert found.people == (Person("Jane Doe", "surgeon", body.split(" Doe implanted")[0],
                                   ("MD", "PhD"), "Brightwater Medical Center"),)
    assert {m.name: m.count for m in found.mentions if m.kind == "person"} == {"Jane Doe": 2}
    assert [e.name for e in found.entities if e.kind == "institution"] == [
        "Brightwater Medical Center"]


def test_executive_appointment(ex):
    title = "Globus Medical Names Priya Raman Chief Financial Officer"
    body = ("AUDUBON, Pa., Jan. 8, 2024 -- Globus Medical, Inc. (NYSE: GMED) today announced "
            "the appointment of Priya Raman as chief financial officer, effective February 1. "
            "“Priya brings deep experience,” said Marcus Ellery, president and CEO of Globus "
            "Medical.")
    found = ex.extract(title, body, "2024-01-08")
    sentences = body.split(" “")
    assert [e for e in found.events if e.kind == "appointment"] == [Event(
        "appointment", sentences[0], "2024-01-08", company="Globus Medical",
        person="Priya Raman", title="chief financial officer")]
    assert found.people == (
        Person("Priya Raman", "executive", sentences[0], title="chief financial officer",
               company="Globus Medical"),
        Person("Marcus Ellery", "executive", "“" + sentences[1], title="president and CEO",
               company="Globus Medical"),
    )


# -- deals ---------------------------------------------------------------------------------
def test_financing_with_round_investors_and_amount_in_words(ex):
    body = ("Zyvia Health raised twenty-five million dollars in a Series B round led by Harbor "
            "Peak Ventures, with participation from Stryker and Coldwater Capital.")
    found = ex.extract("", body, "2024-06-11")
    assert found.events == (Event(
        "financing", body, "2024-06-11", company="Zyvia Health", amount=25_000_000,
        currency="USD", round="Series B",
        investors=("Harbor Peak Ventures", "Stryker", "Coldwater Capital")),)
    assert companies(found)["Zyvia Health"].candidate is True
    assert companies(found)["Stryker"].candidate is False


@pytest.mark.parametrize(("sentence", "status"), [
    ("Enovis has agreed to acquire Veltora Spine for $120 million in cash.", "announced"),
    ("Enovis signed a definitive agreement to acquire Veltora Spine for $120 million.",
     "announced"),
    ("Enovis completed its acquisition of Veltora Spine for $120 million.", "completed"),
    ("Veltora Spine was acquired by Enovis for $120 million.", "completed"),
])
def test_acquisition_announced_or_completed(ex, sentence, status):
    found = ex.extract("", sentence, "2024-07-01")
    assert [e for e in found.events if e.kind == "acquisition"] == [Event(
        "acquisition", sentence, "2024-07-01", company="Enovis", target="Veltora Spine",
        amount=120_000_000, currency="USD", status=status)]


def test_merger_target_keeps_its_own_name(ex):
    sentence = "Globus Medical completed its merger with NuVasive on Sept. 1, 2023."
    found = ex.extract("", sentence, "2023-09-01")
    assert counts(found) == {"Globus Medical": 2}
    assert [(e.company, e.target, e.status) for e in found.events] == [
        ("Globus Medical", "NuVasive", "completed")]


def test_launch_and_first_cases(ex):
    body = ("SI-BONE announced the full commercial launch of the Granite Pro sacroiliac joint "
            "fusion implant. Surgeons at Elmsford Spine Institute completed the first cases "
            "with the Granite Pro implant in March.")
    found = ex.extract("", body, "2024-04-15")
    assert [(e.kind, e.company, e.product, e.status) for e in found.events] == [
        ("launch", "SI-BONE", "Granite Pro", "launch")]
    assert [e.name for e in found.entities if e.kind == "institution"] == [
        "Elmsford Spine Institute"]
    assert counts(found, "product") == {"Granite Pro": 2}


# -- bad input -----------------------------------------------------------------------------
def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "text", "line", "reason"), [
    ("empty.csv", "", 1, "no entries"),
    ("header.csv", "kind,name\n", 1, "no entries"),
    ("fields.csv", "kind,name,aliases\ncompany,Acme\ncompany,Veltora,Velt,extra\n", 3,
     "4 fields, the header has 3"),
    ("kind.csv", "# mine\nkind,name\nwidget,Acme\n", 3, "unknown kind 'widget'"),
    ("column.csv", "kind,name,colour\n", 1, "unknown column 'colour'"),
    ("since.csv", "kind,name,parent,since\ncompany,Acme,Stryker,2023-13-01\n", 2,
     "since '2023-13-01' is not a date"),
    ("parent.csv", "kind,name,parent\ncompany,Acme,Nobody Inc\n", 2,
     "parent 'Nobody Inc' is not a company"),
    ("clash.csv", "kind,name,aliases\ncompany,Acme,Stryker\n", 2,
     "'Stryker' already names company 'Stryker'"),
    ("ticker.csv", "kind,name,tickers\ncompany,Acme,NYSE:acme\n", 2, "ticker 'NYSE:acme'"),
    ("broken.toml", "[[company]]\nname = \"Acme\"\naliases = [\"A\"\n", 3, "not TOML"),
    ("kind.toml", "[[company]]\nname = \"Acme\"\n\n[[gadget]]\nname = \"X\"\n", 4,
     "unknown kind 'gadget'"),
    ("key.toml", "[[company]]\nname = \"Acme\"\n[[company]]\nname = \"B\"\ncolour = \"red\"\n",
     3, "unknown key 'colour'"),
    ("empty.toml", "# nothing yet\n", 1, "no entries"),
    ("notes.txt", "company,Acme\n", None, "not a .csv or .toml file"),
])
def test_broken_gazetteer_names_file_line_and_reason(tmp_path, name, text, line, reason):
    path = write(tmp_path, name, text)
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer([path])
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert reason in error.reason
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: " if line else f"{path}: ")


def test_missing_gazetteer_file(tmp_path):
    with pytest.raises(GazetteerError, match=r"nope\.csv: No such file"):
        load_gazetteer([tmp_path / "nope.csv"])


def test_unknown_kind():
    with pytest.raises(UnknownKindError, match=r"unknown kind 'widget' \(expected one of: "
                                               r"company, person, product, institution\)"):
        check_kind("widget")
    with pytest.raises(UnknownKindError):
        Extractor(load_gazetteer()).extract("", "Stryker grew.").names("widget")


# -- gazetteers ----------------------------------------------------------------------------
def test_user_gazetteers_from_the_environment(tmp_path, monkeypatch):
    toml = write(tmp_path, "mine.toml", """
[[company]]
name = "Veltora Spine"
aliases = ["Veltora"]
tickers = ["NASDAQ:VLTR"]
source = "Veltora Spine press release, May 2024"

[[company]]
name = "Coldwater Spine"
parent = "Veltora Spine"
since = 2024-05-01
""")
    csv = write(tmp_path, "mine.csv", "kind,name,aliases\ninstitution,Elmsford Spine Institute,"
                                      "ESI\n")
    monkeypatch.setenv("ORTHOCRAWL_GAZETTEERS", f"{toml}{os.pathsep}{os.pathsep}{csv}")
    assert paths_from_env() == [toml, csv]
    ex = Extractor()
    body = ("Veltora (NASDAQ: VLTR) said Coldwater Spine's surgeons at ESI used its cage.")
    before, after = ex.extract("", body, "2024-04-30"), ex.extract("", body, "2024-05-01")
    assert companies(before) == {
        "Veltora Spine": Entity("company", "Veltora Spine", ("Veltora", "NASDAQ: VLTR"), False),
        "Coldwater Spine": Entity("company", "Coldwater Spine", (), False)}
    assert counts(after) == {"Veltora Spine": 2}
    assert [e.name for e in after.entities if e.kind == "institution"] == [
        "Elmsford Spine Institute"]


def test_shipped_gazetteer_rows_say_where_their_facts_come_from():
    gazetteer = load_gazetteer()
    entries = list(gazetteer.entries.values())
    assert sum(e.kind == "company" for e in entries) >= 60
    assert all(e.source for e in entries), [e.name for e in entries if not e.source]
    assert all(e.origin.startswith(f"{SHIPPED}:") for e in entries)
    for former, parent, since in [("NuVasive", "Globus Medical", "2023"),
                                  ("SeaSpine", "Orthofix", "2023"),
                                  ("Wright Medical", "Stryker", "2020"),
                                  ("DJO", "Enovis", "2022")]:
        entry = gazetteer.entry("company", former)
        assert entry is not None and entry.parent == parent and entry.since
        assert entry.since.startswith(since)
