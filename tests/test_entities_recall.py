"""Recall rules of orthocrawl.entities (issue 12) on sentences written here in the style of
trade-press news and press releases: a surgeon's degrees at a line's start, "NAME is TITLE of
COMPANY", unlisted companies in lists, tables, possessives and after "from", and the headline
words that are not names (invented companies and people; Medtronic is real)."""

from __future__ import annotations

import pytest

from orthocrawl.entities import Extractor, Person, load_gazetteer


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor(load_gazetteer())


def candidates(found) -> list[str]:
    return [e.name for e in found.entities if e.kind == "company" and e.candidate]


def test_surgeons_with_degrees_at_a_lines_start(ex):
    lines = ["Maria Okafor, MD (Brightwater Medical Center)",
             "Daniel Reyes, DO, Elmsford Spine Institute (Tulsa, Okla.): Outpatient fusion is "
             "here to stay.",
             "Anjali Benedek, MD, PhD, completed her fellowship in Boston and now practices at "
             "Harbor Point Hospital."]
    body = "Three surgeons answered.\n\n" + "\n".join(lines[:2]) + "\n\n" + lines[2]
    found = ex.extract("Panel: is outpatient fusion here to stay?", body, "2024-06-03")
    assert found.people == (
        Person("Maria Okafor", "surgeon", lines[0], ("MD",), "Brightwater Medical Center"),
        Person("Daniel Reyes", "surgeon", lines[1], ("DO",), "Elmsford Spine Institute"),
        Person("Anjali Benedek", "surgeon", lines[2], ("MD", "PhD"), "Harbor Point Hospital"),
    )


def test_executive_named_before_is_and_a_title(ex):
    first = ("Lena Ostrander is chief medical officer of Halvic Surgical, a developer of spinal "
             "endoscopy systems.")
    second = "Kenji Tamura was president of Medtronic's spine unit until 2021."
    found = ex.extract("", f"{first} {second}", "2024-06-03")
    assert found.people == (
        Person("Lena Ostrander", "executive", first, title="chief medical officer",
               company="Halvic Surgical"),
        Person("Kenji Tamura", "executive", second, title="president", company="Medtronic"),
    )


@pytest.mark.parametrize(("title", "body"), [
    ("Does Surgeon Volume Affect Outcomes After ACDF?",
     "A registry study of 4,000 patients compared high- and low-volume surgeons."),
    ("Whistleblower Suit Targets Halvic Surgical’s Surgeon Consulting Deals",
     "A former sales director at Halvic Surgical says the company tied consulting fees to "
     "implant use."),
])
def test_surgeon_as_a_headlines_noun_names_nobody(ex, title, body):
    assert ex.extract(title, body, "2024-06-03").people == ()


def test_headline_verb_ends_a_companys_name(ex):
    found = ex.extract("Teskin Surgical Agrees to Acquire Marrowline Biologics",
                       "Teskin Surgical will pay $40 million in cash.", "2024-06-03")
    assert candidates(found) == ["Teskin Surgical", "Marrowline Biologics"]
    assert [(e.kind, e.company, e.target) for e in found.events] == [
        ("acquisition", "Teskin Surgical", "Marrowline Biologics")]


def test_unlisted_companies_in_lists_and_tables(ex):
    body = ("These startups raised money this year:\n\n- Veltmark Surgical\n- Orrin Biologics\n\n"
            "Pain Management\n\n1. Quillan Ortho: the Arvo cervical cage\n\n"
            "Company | Spine revenue | Growth\nHalvic Medical | 1,204 | +4%")
    found = ex.extract("Spine companies to watch", body, "2024-06-03")
    assert candidates(found) == ["Veltmark Surgical", "Orrin Biologics", "Quillan Ortho",
                                 "Halvic Medical"]


def test_unlisted_companies_before_a_verb_after_from_and_possessive(ex):
    body = ("Corvane Spine opened an ambulatory surgery center in Tulsa. Ruth Pellham joins from "
            "Opaline Technologies. Telvane Robotics’ sales rose 12%. Solvane Robotics and "
            "Marrowline Biologics will distribute the Kestrel TL lateral cage in Europe.")
    found = ex.extract("", body, "2024-06-03")
    assert candidates(found) == ["Corvane Spine", "Opaline Technologies", "Telvane Robotics",
                                 "Solvane Robotics", "Marrowline Biologics"]


def test_journal_research_firm_and_head_word_alone_are_no_companies(ex):
    body = ("The spine market will grow 6% a year, according to a new report from Northbay "
            "Market Analytics.\n\nMensah: Robotics Has Earned Its Place in Routine TKA")
    found = ex.extract("JBJS Names Ian Vance as Deputy Editor", body, "2024-06-03")
    assert [e for e in found.entities if e.kind == "company"] == []


def test_appointment_read_where_the_person_is_first_named(ex):
    first = ("AUSTIN, Texas, June 3, 2024 -- Halvic Surgical, a developer of minimally invasive "
             "spinal implants, today announced the appointment of Lena Ostrander as vice "
             "president of marketing.")
    second = ("“Surgeons asked for fewer trays,” said Lena Ostrander, vice president of "
              "marketing of Halvic Surgical.")
    found = ex.extract("Halvic Surgical taps Lena Ostrander to lead marketing",
                       f"{first}\n\n{second}", "2024-06-03")
    assert [(e.kind, e.sentence, e.company, e.person, e.title) for e in found.events] == [
        ("appointment", first, "Halvic Surgical", "Lena Ostrander",
         "vice president of marketing")]
    assert found.people == (Person("Lena Ostrander", "executive", first,
                                   title="vice president of marketing",
                                   company="Halvic Surgical"),)


def test_headlines_short_title_gives_way_to_the_bodys_fuller_one(ex):
    title = "Halvic Surgical Appoints Lena Ostrander as Vice President of Marketing"
    body = ("Halvic Surgical today announced the appointment of Lena Ostrander as vice president "
            "of marketing. “Surgeons asked for fewer trays,” said Lena Ostrander, vice president "
            "of marketing of Halvic Surgical.")
    found = ex.extract(title, body, "2024-06-03")
    assert [(e.kind, e.sentence, e.company, e.person, e.title) for e in found.events] == [
        ("appointment", title, "Halvic Surgical", "Lena Ostrander",
         "vice president of marketing")]


def test_unlisted_companies_after_by_before_has_and_beside_a_known_one(ex):
    body = ("A federal jury found that Stryker did not infringe patents held by Veltmark "
            "Surgical. Orrin Biologics has not said whether it will appeal. Quillan Ortho "
            "has 14 products on the market. Opaline Technologies and Stryker will distribute "
            "the Arvo cage in Japan.")
    found = ex.extract("", body, "2024-06-03")
    assert candidates(found) == ["Veltmark Surgical", "Orrin Biologics", "Quillan Ortho",
                                 "Opaline Technologies"]
