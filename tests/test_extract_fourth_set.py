"""Constructions found missing by an error analysis of the 44 unseen stories (issue 3) and
in the fourth round of them: the parties of joint statements, sessions of a summit, meetings
recalled on the sidelines of another summit, chairs of a summit, member lists and the
holders of bare titles; sentences written for the tests."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import Extractor

from test_extract_rules import facts, run


@pytest.fixture(scope="module", params=["auto", "none"])
def ex(request):
    return Extractor(request.param, today=dt.date(2026, 11, 28))


def visit_dates(f):
    """(start dates, end dates) of the one visit in the facts ``f``."""
    visits = {s for s, p, o in f if p == "startDate" and "visit" in s.lower()}
    assert len(visits) == 1
    v = visits.pop()
    return ({o for s, p, o in f if s == v and p == "startDate"}, {o for s, p, o in f if s == v and p == "endDate"})


def signatories(f, doc_word):
    return {o for s, p, o in f if p == "signatory" and doc_word.lower() in s.lower()}


def test_states_that_issue_a_joint_statement_are_its_parties(ex):
    f = facts(run(ex, "Indonesian President Prabowo Subianto held talks with Japanese Prime Minister "
                      "Shigeru Ishiba in Tokyo on Friday. Indonesia and Japan released a Joint Statement "
                      "on Maritime Security Cooperation after the talks.", published="2025-03-07"))
    assert signatories(f, "Maritime Security") == {"Indonesia", "Japan"}


def test_organizations_that_adopt_a_joint_declaration_are_its_parties(ex):
    f = facts(run(ex, "The European Union and the Association of Southeast Asian Nations adopted a joint "
                      "declaration on green transition at their summit in Brussels on Wednesday.",
                  published="2025-12-10"))
    assert {"European Union", "Association of Southeast Asian Nations"} <= signatories(f, "joint declaration")


def test_a_joint_statement_issued_by_two_states(ex):
    f = facts(run(ex, "Egyptian President Abdel Fattah al-Sisi received Qatari Emir Sheikh Tamim bin Hamad "
                      "Al Thani in Cairo on Monday. A joint statement issued by Egypt and Qatar called for a "
                      "ceasefire.", published="2025-04-14"))
    assert signatories(f, "joint statement") == {"Egypt", "Qatar"}


def test_in_a_joint_statement_the_speakers_are_its_parties(ex):
    f = facts(run(ex, "Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in "
                      "Abu Dhabi on Thursday. In a joint statement released after the meeting, Armenia and "
                      "Azerbaijan said they had agreed the text of a peace treaty.",
                  published="2025-07-10"))
    assert signatories(f, "joint statement") == {"Armenia", "Azerbaijan"}


def test_a_declaration_adopted_by_summit_leaders_names_no_parties(ex):
    f = facts(run(ex, "Leaders of the Organization of Turkic States adopted the Gabala Declaration at their "
                      "summit in Gabala on Tuesday. The ministry issued a statement on Wednesday.",
                  published="2025-10-07"))
    assert not signatories(f, "Gabala Declaration")
    assert not signatories(f, "statement")


def test_a_statement_issued_by_one_ministry_is_not_a_joint_document(ex):
    f = facts(run(ex, "Chinese Premier Li Qiang met Australian Prime Minister Anthony Albanese in "
                      "Canberra on Monday. China issued a statement on trade after the talks.",
                  published="2025-06-16"))
    assert not signatories(f, "statement")


def participants(f, event_word):
    return {o for s, p, o in f if p == "participant" and event_word.lower() in s.lower()}


def test_co_chairs_of_the_summit_named_before_attend(ex):
    f = facts(run(ex, "The Central Asia-China summit opened in Astana on Tuesday. It was co-chaired by "
                      "Kazakh President Kassym-Jomart Tokayev and Chinese President Xi Jinping.",
                  published="2025-06-17"))
    assert {"Kassym-Jomart Tokayev", "Xi Jinping"} <= participants(f, "summit")


def test_co_chaired_with_names_the_other_chair(ex):
    f = facts(run(ex, "Spanish Prime Minister Pedro Sanchez spoke after the summit in Seville on Monday, "
                      "which he co-chaired with United Nations Secretary-General Antonio Guterres.",
                  published="2025-06-30"))
    assert "Antonio Guterres" in participants(f, "summit")


def test_the_gavel_passed_between_two_leaders(ex):
    f = facts(run(ex, "The Pacific Islands Forum summit closed in Honiara on Friday, with Tongan Prime "
                      "Minister Hu'akavameiliku Siaosi Sovaleni handing the chairmanship to Solomon Islands "
                      "Prime Minister Jeremiah Manele.", published="2025-09-12"))
    assert "Jeremiah Manele" in participants(f, "summit")


def test_taking_over_the_chair_from_a_leader(ex):
    f = facts(run(ex, "The Gulf Cooperation Council summit opened in Kuwait City on Sunday. Kuwaiti Emir "
                      "Sheikh Meshal al-Ahmad al-Sabah took over the rotating presidency from Omani Sultan "
                      "Haitham bin Tariq.", published="2024-12-01"))
    assert {"Meshal al-Ahmad al-Sabah", "Haitham bin Tariq"} <= participants(f, "summit")


def test_a_meeting_recalled_on_the_sidelines_of_another_summit(ex):
    f = facts(run(ex, "South Korean President Yoon Suk Yeol held talks with Australian Prime Minister "
                      "Anthony Albanese in Canberra on Monday. The two leaders last met in September on the "
                      "sidelines of the G20 summit in New Delhi.", published="2024-03-11"))
    recalled = {s for s, p, o in f if p == "partOf"}
    assert len(recalled) == 1
    meeting = recalled.pop()
    assert "September" in meeting and "talks" not in meeting
    assert {o for s, p, o in f if s == meeting and p == "participant"} == {"Yoon Suk Yeol", "Anthony Albanese"}
    assert not {o for s, p, o in f if s == meeting and p == "startDate"}  # not the story's day
    talks = {s for s, p, o in f if p == "participant" and s.startswith("talks")}
    assert len(talks) == 1 and not {o for s, p, o in f if s in talks and p == "partOf"}


def test_second_day_of_a_three_day_visit_dates_its_first_day(ex):
    f = facts(run(ex, "Brazilian President Luiz Inacio Lula da Silva addressed the Portuguese parliament in "
                      "Lisbon on Wednesday, on the second day of a three-day state visit to Portugal.",
                  published="2025-04-23"))
    assert visit_dates(f) == ({"2025-04-22"}, {"2025-04-24"})


def test_a_joint_statement_not_issued_is_no_document(ex):
    f = facts(run(ex, "US President Joe Biden met Chinese President Xi Jinping in Woodside on Wednesday. "
                      "The two sides did not issue a joint statement.", published="2023-11-16"))
    assert not {s for s, p, o in f if "statement" in s.lower()}


def test_the_agents_of_a_joint_statement_end_at_the_main_clause(ex):
    f = facts(run(ex, "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on "
                      "Monday. In a joint statement issued by Chile and Argentina, they called for talks on "
                      "the crisis in Venezuela.", published="2025-03-10"))
    assert signatories(f, "joint statement") == {"Chile", "Argentina"}


def meetings_of(f, person):
    return {s for s, p, o in f if p == "participant" and o == person and s.startswith("talks")}


def test_talks_with_a_leader_described_before_the_name(ex):
    f = facts(run(ex, "Turkish President Recep Tayyip Erdogan held his first one-on-one meeting with the "
                      "Greek prime minister, Kyriakos Mitsotakis, in Vilnius on Wednesday.",
                  published="2023-07-12"))
    assert meetings_of(f, "Recep Tayyip Erdogan") == meetings_of(f, "Kyriakos Mitsotakis") != set()


def test_first_talks_in_years_with(ex):
    f = facts(run(ex, "Australian Prime Minister Anthony Albanese held his first formal talks in seven years "
                      "with the Chinese premier, Li Qiang, in Canberra on Monday.", published="2024-06-17"))
    assert meetings_of(f, "Anthony Albanese") == meetings_of(f, "Li Qiang") != set()


def test_separate_talks_with_two_people_are_two_meetings(ex):
    f = facts(run(ex, "German Foreign Minister Annalena Baerbock held separate talks with Saudi Foreign "
                      "Minister Prince Faisal bin Farhan and Qatari Prime Minister Mohammed bin Abdulrahman "
                      "Al Thani in Riyadh on Sunday.", published="2024-04-28"))
    assert len(meetings_of(f, "Annalena Baerbock")) == 2
    assert not meetings_of(f, "Faisal bin Farhan") & meetings_of(f, "Mohammed bin Abdulrahman Al Thani")


def test_a_pair_that_then_held_talks(ex):
    f = facts(run(ex, "Spanish Prime Minister Pedro Sanchez arrived in Beijing on Thursday. Sanchez and "
                      "Chinese President Xi Jinping then held talks at the Great Hall of the People.",
                  published="2025-04-11"))
    assert meetings_of(f, "Pedro Sanchez") == meetings_of(f, "Xi Jinping") != set()


def test_a_visit_that_runs_until_a_weekday_ends_then(ex):
    f = facts(run(ex, "Japanese Prime Minister Shigeru Ishiba arrived in Manila on Tuesday for a state "
                      "visit that runs until Thursday.", published="2025-04-29"))
    assert visit_dates(f) == ({"2025-04-29"}, {"2025-05-01"})


def test_concluded_his_visit_on_a_weekday_is_its_last_day(ex):
    f = facts(run(ex, "Indonesian President Prabowo Subianto arrived in New Delhi on Saturday, opening a "
                      "three-day state visit to India. Prabowo on Monday concluded his state visit with a "
                      "stop in Agra.", published="2025-01-27"))
    assert visit_dates(f) == ({"2025-01-25"}, {"2025-01-27"})


def organizers(f):
    return {o for s, p, o in f if p == "organizedBy"}


@pytest.mark.parametrize("verb", ["opened", "began", "kicked off", "closed"])
def test_leaders_of_an_organization_open_their_summit(ex, verb):
    f = facts(run(ex, f"Leaders of the Caribbean Community {verb} their summit in Bridgetown on Monday.",
                  published="2025-02-17"))
    assert organizers(f) == {"Caribbean Community"}


def test_a_summit_that_opened_with_a_meeting_of_an_organ(ex):
    if ex.model == "none":
        pytest.skip("an organ's name that no list holds is found by the language model")
    f = facts(run(ex, "Leaders of the Eurasian Economic Union gathered in Minsk on Thursday for their summit. "
                      "The summit opened on Thursday with a meeting of the Supreme Eurasian Economic Council.",
                  published="2025-06-26"))
    parts = {s for s, p, o in f if p == "partOf"}
    assert len(parts) == 1
    sub = parts.pop()
    assert "Council" in sub
    assert {o for s, p, o in f if s == sub and p == "startDate"} == {"2025-06-26"}


def test_a_semicolon_list_of_leaders_after_attended_by(ex):
    f = facts(run(ex, "The Arab League summit opened in Manama on Thursday. The summit was attended by His "
                      "Majesty King Abdullah II, King of Jordan; His Highness Sheikh Mohammed bin Zayed Al "
                      "Nahyan, President of the UAE; and His Excellency President Abdel Fattah al-Sisi of Egypt.",
                  published="2024-05-16"))
    assert {"Abdullah II", "Mohammed bin Zayed Al Nahyan", "Abdel Fattah al-Sisi"} <= participants(f, "summit")
    assert not {o for s, p, o in f if "Majesty" in o or "Highness" in o}


def members_of(f, org):
    return {s for s, p, o in f if p == "memberOf" and o == org}


def test_its_members_are_a_list_that_ends_with_an_organization(ex):
    f = facts(run(ex, "The Nordic Council of Ministers (NCM) was set up in 1971. Its members are Denmark, "
                      "Finland, Iceland, Norway and Sweden, as well as the European Union.",
                  published="2025-05-05"))
    assert members_of(f, "Nordic Council of Ministers") == {"Denmark", "Finland", "Iceland", "Norway", "Sweden",
                                                             "European Union"}
    assert not members_of(f, "European Union")


def test_a_forum_named_after_a_known_organization_is_its_own(ex):
    f = facts(run(ex, "Ministers met on Friday at the 31st ASEAN Defence Forum (ADF) in Manila. The ADF "
                      "groups Japan, China and Australia.", published="2025-03-07"))
    orgs = {o for s, p, o in f if p == "memberOf"}
    assert orgs == {"ASEAN Defence Forum"}


def test_the_counted_states_of_an_organization_listed_between_dashes(ex):
    f = facts(run(ex, "The forum brings together the five Central American Integration System states - "
                      "Guatemala, Honduras, El Salvador, Nicaragua and Costa Rica - and Mexico.",
                  published="2025-05-05"))
    assert {"Guatemala", "Honduras", "El Salvador", "Nicaragua", "Costa Rica"} <= \
        members_of(f, "Central American Integration System")
    assert "Mexico" not in members_of(f, "Central American Integration System")


def leads(f, person):
    return {o for s, p, o in f if p == "leaderOf" and s == person}


def test_a_bare_title_after_a_trip_or_a_pair_of_states_takes_neither(ex):
    f = facts(run(ex, "Vietnamese Prime Minister Pham Minh Chinh met Polish Prime Minister Donald Tusk in Warsaw "
                      "on Thursday. After his visit to Poland, Prime Minister Pham Minh Chinh will travel to "
                      "Prague. Kenya and Ghana signed four agreements as President William Ruto held talks in Accra.",
                  published="2025-01-16"))
    assert leads(f, "Pham Minh Chinh") == {"Vietnam"}
    assert "Ghana" not in leads(f, "William Ruto")


def test_a_bare_title_invited_to_a_visit_to_its_state_holds_it(ex):
    f = facts(run(ex, "He will pay an official visit to Austria on 9-10 July at the invitation of Federal "
                      "Chancellor Karl Nehammer.", published="2024-07-05"))
    assert leads(f, "Karl Nehammer") == {"Austria"}


def test_an_organization_admitted_is_the_member_not_the_states_around(ex):
    f = facts(run(ex, "Ramaphosa thanked Kenya for its support for the African Union's admission as a permanent "
                      "member of the G20 at the summit that India hosted in New Delhi.", published="2024-11-20"))
    assert {(s, o) for s, p, o in f if p == "memberOf"} == {("African Union", "Group of Twenty")}


def test_states_after_between_are_not_members(ex):
    f = facts(run(ex, "Scholz said that Germany, an EU member state, wants stronger ties between the EU and "
                      "Indonesia and a trade agreement between Britain and the Gulf Cooperation Council, of "
                      "which Qatar is a member.", published="2024-11-20"))
    members = {(s, o) for s, p, o in f if p == "memberOf"}
    assert ("Germany", "European Union") in members
    assert not {s for s, o in members} & {"Indonesia", "United Kingdom"}


def test_a_state_named_a_member_after_between(ex):
    f = facts(run(ex, "This year marks 75 years of ties between China and Hungary, a member of the European "
                      "Union.", published="2024-05-09"))
    assert {(s, o) for s, p, o in f if p == "memberOf"} == {("Hungary", "European Union")}
