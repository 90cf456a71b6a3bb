"""Constructions found missing on a third set of unseen stories: attendance said of the
story's event without naming it again, visits told through the visitor's day or a
resort's name, talks announced by a welcome; sentences written for the tests."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import Extractor

from test_extract_rules import facts, run


@pytest.fixture(scope="module", params=["auto", "none"])
def ex(request):
    return Extractor(request.param, today=dt.date(2026, 11, 28))


def participants(f, event_word):
    return {o for s, p, o in f if p == "participant" and event_word.lower() in s.lower()}


def test_also_attending_were_a_list_after_the_event(ex):
    f = facts(run(ex, "Leaders of the Shanghai Cooperation Organisation opened their summit in Tashkent "
                      "on Thursday. Also attending were Iranian President Masoud Pezeshkian and "
                      "Belarusian President Alexander Lukashenko, as well as SCO Secretary-General "
                      "Nurlan Yermekbayev.", published="2025-06-13"))
    assert {"Masoud Pezeshkian", "Alexander Lukashenko", "Nurlan Yermekbayev"} <= participants(f, "summit")


def test_among_those_present_and_is_also_attending(ex):
    f = facts(run(ex, "The African Union summit opened in Addis Ababa on Saturday. Kenyan President "
                      "William Ruto and Ghanaian President John Mahama were among the leaders present. "
                      "Senegalese President Bassirou Diomaye Faye is also attending.",
                  published="2025-02-15"))
    assert {"William Ruto", "John Mahama", "Bassirou Diomaye Faye"} <= participants(f, "summit")


def test_host_with_a_list_of_titled_guests_after_commas(ex):
    f = facts(run(ex, "The G20 summit began in Johannesburg on Saturday. Ramaphosa, who had lobbied "
                      "for the meeting for a year, hosted the Chinese premier, Li Qiang, the British "
                      "prime minister, Keir Starmer, and Brazil's president, Luiz Inacio Lula da Silva.",
                  published="2025-11-22"))
    assert {"Li Qiang", "Keir Starmer", "Luiz Inacio Lula da Silva"} <= participants(f, "summit")


def test_background_sentence_is_not_about_the_current_event(ex):
    f = facts(run(ex, "NATO leaders met in The Hague on Tuesday for their summit. In 2019 Dutch Prime "
                      "Minister Mark Rutte hosted Canadian Prime Minister Justin Trudeau.",
                  published="2025-06-24"))
    assert not {"Justin Trudeau", "Mark Rutte"} & participants(f, "summit")


def test_the_meeting_was_attended_by_refers_to_the_last_meeting(ex):
    f = facts(run(ex, "Leaders of the Gulf Cooperation Council will gather in Doha in December for their "
                      "summit. Foreign ministers of the GCC met in Riyadh on Sunday. The meeting was also "
                      "attended by Omani Foreign Minister Badr Albusaidi.", published="2025-06-02"))
    assert "Badr Albusaidi" in participants(f, "meeting")
    assert "Badr Albusaidi" not in participants(f, "summit")


def test_acronym_in_brackets_does_not_cut_a_list_of_attendees(ex):
    f = facts(run(ex, "Turkic leaders held an informal summit in Budapest on Monday. Hungarian Prime "
                      "Minister Viktor Orban and Kubanychbek Omuraliev, secretary general of the "
                      "Organization of Turkic States (OTS), joined the talks.", published="2025-05-19"))
    assert {"Viktor Orban", "Kubanychbek Omuraliev"} <= participants(f, "summit")


def test_visit_told_through_the_day_of_the_visit(ex):
    f = facts(run(ex, "German Chancellor Friedrich Merz spoke to students in Delhi on Tuesday, on the "
                      "second day of a three-day official visit to India.", published="2026-01-13"))
    assert ("Friedrich Merz", "participant") in {(o, p) for s, p, o in f if "visit" in s}
    assert any(p == "location" and o == "Delhi" and "visit" in s for s, p, o in f) or \
        any(p == "hostCountry" and "visit" in s for s, p, o in f) or \
        any("visit to India" in s for s, p, o in f)


def test_flew_to_a_resort_for_a_meeting_with(ex):
    f = facts(run(ex, "Hungarian Prime Minister Viktor Orban, who flew to the Black Sea resort of Sochi "
                      "for a meeting with Russian President Vladimir Putin, spoke of peace on Friday.",
                  published="2025-03-07"))
    assert any(p == "location" and o == "Sochi" and "visit" in s for s, p, o in f)
    talks = [s for s, p, o in f if p == "participant" and o == "Vladimir Putin"]
    assert talks and all(("Viktor Orban" in participants(f, t)) for t in talks)


def test_welcome_ahead_of_talks_is_a_meeting(ex):
    f = facts(run(ex, "Chinese President Xi Jinping greeted Kazakh President Kassym-Jomart Tokayev at "
                      "the Great Hall of the People ahead of talks that lasted three hours.",
                  published="2025-09-02"))
    meetings = {s for s, p, o in f if p == "participant" and o == "Xi Jinping"}
    assert any("Kassym-Jomart Tokayev" in participants(f, m) for m in meetings)
    assert any(p == "status" and o.endswith("Happened") for s, p, o in f if s in meetings)


def test_meeting_of_a_ministerial_body_of_an_organization(ex):
    f = facts(run(ex, "Russian Foreign Minister Sergei Lavrov, who flew into the Austrian capital Vienna on Wednesday, is attending "
                      "a two-day meeting of the Ministerial Council of the Organization for Security and "
                      "Co-operation in Europe on Thursday. Finnish Foreign Minister Elina Valtonen opened "
                      "the talks.", published="2025-12-04"))
    meeting = {s for s, p, o in f if p == "organizedBy"
               and o == "Organization for Security and Co-operation in Europe"}
    assert meeting and all("Ministerial Council" in m for m in meeting)
    (m,) = meeting
    assert {"Sergei Lavrov", "Elina Valtonen"} <= participants(f, m)
    assert (m, "startDate", "2025-12-04") in f
    assert any(p == "location" and o == "Vienna" and "visit" in s for s, p, o in f)


def test_session_of_the_assembly_is_no_separate_meeting(ex):
    a = run(ex, "The AU summit opened in Addis Ababa on Saturday with a session of the Assembly of the "
                "African Union.", published="2025-02-15")
    assert [e.label for e in a.entities.values() if e.type in ("Meeting", "Summit")] == ["AU summit"]


def test_readout_title_without_article_or_name(ex):
    f = facts(run(ex, "Prime Minister Shri Narendra Modi paid a State Visit to Egypt from 24 to 25 June "
                      "2023. Prime Minister arrived in Cairo on 24 June. On 25 June, Prime Minister was "
                      "received by President Abdel Fattah al-Sisi, after which he held delegation-level "
                      "talks with President Sisi.", published="2023-06-26"))
    assert any(p == "location" and o == "Cairo" and "visit" in s for s, p, o in f)
    talks = {s for s, p, o in f if p == "participant" and o == "Abdel Fattah al-Sisi"}
    assert any("Narendra Modi" in participants(f, t) for t in talks)


def test_bare_title_needs_a_single_holder(ex):
    f = facts(run(ex, "President Joe Biden met President Xi Jinping in Woodside. President arrived in "
                      "San Francisco on Tuesday.", published="2023-11-16"))
    assert not any(p == "location" and o == "San Francisco" and "visit" in s for s, p, o in f)


def test_sized_group_after_an_organization_lists_its_members(ex):
    f = facts(run(ex, "Leaders of the Eurasian Economic Union (EAEU), the five-nation trade bloc made up of "
                      "Russia, Belarus, Kazakhstan, Kyrgyzstan and Armenia, met in Minsk."))
    assert {s for s, p, o in f if p == "memberOf" and o == "Eurasian Economic Union"} == {
        "Russia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Armenia"}


def test_sized_bloc_refers_back_only_when_size_and_reference_agree(ex):
    f = facts(run(ex, "ASEAN foreign ministers met in Vientiane on Friday. The 10-member bloc - Brunei, "
                      "Cambodia, Indonesia, Laos, Malaysia, Myanmar, the Philippines, Singapore, Thailand "
                      "and Vietnam - has made little headway on Myanmar. The four-member bloc - Mali, "
                      "Niger, Chad and Guinea - has left the talks.", published="2024-07-27"))
    members = {s for s, p, o in f if p == "memberOf" and o == "Association of Southeast Asian Nations"}
    assert len(members) == 10 and "Chad" not in members and "Mali" not in members
    f = facts(run(ex, "ASEAN ministers met on Friday. The three-nation alliance of Mali, Niger and Chad "
                      "has left the talks.", published="2024-07-27"))
    assert not any(p == "memberOf" for s, p, o in f)


def test_numbered_sessions_of_the_leaders_body_are_summits(ex):
    f = facts(run(ex, "Gulf leaders met in Kuwait City on Sunday for the 45th session of the Supreme Council "
                      "of the Gulf Cooperation Council (GCC). Its 44th session was held in Doha last year, "
                      "and the Council will convene its 46th session in Bahrain.", published="2024-12-01"))
    summits = {s for s, p, o in f if p == "organizedBy" and o == "Gulf Cooperation Council"}
    assert len(summits) == 3
    status = {s: o for s, p, o in f if p == "status" and s in summits}
    assert sorted(o.rsplit("#", 1)[-1] for o in status.values()) == ["Happened", "Happened", "Planned"]
    assert any(p == "location" and o == "Doha" and "44th" in s for s, p, o in f)
    assert any(p == "location" and o == "Kuwait City" and "45th" in s for s, p, o in f)


def test_an_ordinal_in_words_is_not_another_summit(ex):
    a = run(ex, "Arab League leaders met in Jeddah on Friday. It was the first Arab League summit that "
                "Assad has attended since 2010. Prince Mohammed chaired the 32nd summit.",
            published="2023-05-19")
    assert len([e for e in a.entities.values() if e.type == "Summit"]) == 1


def test_held_a_bilateral_meeting_with(ex):
    f = facts(run(ex, "President Joe Biden held a bilateral meeting with Prime Minister Fumio Kishida of "
                      "Japan. Biden also had a one-on-one meeting with South Korean President Yoon Suk Yeol.",
                  published="2023-08-18"))
    meetings = {s for s, p, o in f if p == "participant" and o == "Joe Biden"}
    partners = {o for s, p, o in f if p == "participant" and s in meetings} - {"Joe Biden"}
    assert {"Fumio Kishida", "Yoon Suk Yeol"} <= partners
    assert len(meetings) == 2


def test_pair_held_their_first_face_to_face_talks(ex):
    f = facts(run(ex, "Japanese Prime Minister Shigeru Ishiba and Chinese Premier Li Qiang held their first "
                      "face-to-face talks on Thursday on the sidelines of the ASEAN summits.",
                  published="2024-10-11"))
    (talks,) = {s for s, p, o in f if p == "participant" and o == "Li Qiang" and "summit" not in s.lower()}
    assert "Shigeru Ishiba" in participants(f, talks)
    assert any(p == "partOf" and s == talks for s, p, o in f)


def test_talks_with_one_leader_and_with_another(ex):
    f = facts(run(ex, "Leaders met in Wilmington on Saturday for the Quad summit. On the sidelines, US President Joe Biden "
                      "held separate talks there with Indian Prime Minister Narendra Modi, who had landed "
                      "that morning, and with Japanese Prime Minister Fumio Kishida.",
                  published="2024-09-22"))
    partners = {frozenset(participants(f, s)) for s, p, o in f if p == "partOf"}
    assert {frozenset({"Joe Biden", "Narendra Modi"}), frozenset({"Joe Biden", "Fumio Kishida"})} <= partners


def test_summit_of_the_named_place_or_purpose(ex):
    f = facts(run(ex, "Biden went to the Summit of the Americas in Los Angeles in 2022. Modi is due to "
                      "address the Summit of the Future.", published="2024-09-22"))
    assert ("Summit of the Americas", "location", "Los Angeles") in f
    assert any(s == "Summit of the Future" and p == "status" and o.endswith("Planned") for s, p, o in f)
    assert not any(o == "Summit" for s, p, o in f)


def test_release_date_on_a_line_of_its_own_anchors_today(ex):
    a = run(ex, "THE WHITE HOUSE\nAugust 18, 2023\n\nToday, President Joe Biden welcomed Prime Minister "
                "Fumio Kishida of Japan to Camp David for a trilateral summit.", published=None)
    f = facts(a)
    assert any(p == "startDate" and o == "2023-08-18" for s, p, o in f)


def test_those_who_made_the_trip_included(ex):
    f = facts(run(ex, "Leaders met in St Petersburg on Thursday for an informal CIS summit. Those who did "
                      "make the trip included Belarusian President Alexander Lukashenko and President "
                      "Shavkat Mirziyoyev of Uzbekistan.", published="2024-12-26"))
    assert {"Alexander Lukashenko", "Shavkat Mirziyoyev"} <= participants(f, "summit")
    assert any(p == "location" and o == "Saint Petersburg" for s, p, o in f)


def signatories(f):
    return {(s, o) for s, p, o in f if p == "signatory"}


def test_a_summit_that_concluded_its_work_signs_nothing(ex):
    f = facts(run(ex, "The 15th session of the Islamic Summit of the Organisation of Islamic Cooperation "
                      "concluded its work on Sunday in Banjul with the adoption of the Banjul Declaration.",
                  published="2024-05-05"))
    assert not signatories(f)
    assert any(p == "adoptedAt" for s, p, o in f)


def test_an_accord_signed_somewhere_names_no_signer_before_it(ex):
    f = facts(run(ex, "Finland takes over the chairmanship in the year of the anniversary of the Helsinki "
                      "Final Act, the Cold War accord signed in Helsinki in 1975.", published="2024-12-05"))
    assert not signatories(f)


def test_an_organization_signs_only_as_the_subject(ex):
    f = facts(run(ex, "The CSTO traces its history to the Collective Security Treaty, signed in Tashkent on "
                      "May 15, 1992. ASEAN signed a free trade agreement with China in Vientiane on Friday.",
                  published="2024-07-27"))
    assert signatories(f) == {("free trade agreement", "Association of Southeast Asian Nations")} or \
        {o for s, o in signatories(f)} == {"Association of Southeast Asian Nations"}


def test_offices_given_respectively(ex):
    f = facts(run(ex, "Leaders met in Banjul on Saturday for the OIC summit. The Saudi delegation was headed "
                      "by Prince Faisal bin Farhan, while Iran, Turkey and Jordan were represented by their "
                      "foreign ministers, Hossein Amir-Abdollahian, Hakan Fidan and Ayman Safadi "
                      "respectively.", published="2024-05-05"))
    assert "Faisal bin Farhan" in participants(f, "summit")
    if not ex.uses_model:
        return  # names with no title of their own need the statistical model to be names
    assert ("Hakan Fidan", "officialOf", "Türkiye") in f
    assert ("Ayman Safadi", "title", "Foreign Minister") in f
    assert ("Hossein Amir-Abdollahian", "officialOf", "Iran") in f
    assert {"Hakan Fidan", "Türkiye", "Iran"} <= participants(f, "summit")


def test_respectively_needs_as_many_names_as_states(ex):
    f = facts(run(ex, "Iran, Egypt and Jordan were represented by their foreign ministers, Hossein "
                      "Amir-Abdollahian and Sameh Shoukry respectively.", published="2024-05-05"))
    assert not any(p == "officialOf" for s, p, o in f)


def test_date_before_wrapped_up_is_the_last_day(ex):
    f = facts(run(ex, "Commonwealth leaders on Saturday wrapped up their two-day summit in Apia, the Samoan "
                      "capital.", published="2024-10-26"))
    assert any(p == "endDate" and o == "2024-10-26" for s, p, o in f)
    assert any(p == "startDate" and o == "2024-10-25" for s, p, o in f)


def test_trilateral_meetings(ex):
    f = facts(run(ex, "G7 leaders met in Hiroshima on Friday for their summit. US President Joe Biden, "
                      "Japanese Prime Minister Fumio Kishida and South Korea's president, Yoon Suk Yeol, "
                      "held a brief trilateral meeting on the sidelines on Sunday. Turkish President Recep "
                      "Tayyip Erdogan agreed on Monday to send the protocol to parliament following a "
                      "three-way meeting in Vilnius with Swedish Prime Minister Ulf Kristersson and NATO "
                      "Secretary-General Jens Stoltenberg.", published="2023-07-11"))
    groups = {frozenset(participants(f, s)) for s, p, o in f if p == "participant" and "summit" not in s}
    assert frozenset({"Joe Biden", "Fumio Kishida", "Yoon Suk Yeol"}) in groups
    assert frozenset({"Recep Tayyip Erdogan", "Ulf Kristersson", "Jens Stoltenberg"}) in groups


def test_second_visit_on_the_way_home_keeps_its_own_hosts_and_place(ex):
    f = facts(run(ex, "Indian Prime Minister Narendra Modi arrived in Moscow on Monday for a state visit to "
                      "Russia. Modi was received by Russian Prime Minister Mikhail Mishustin on Monday. Modi "
                      "is expected to fly on Tuesday to Vienna, the capital of Austria, for talks the same "
                      "day with Austrian Chancellor Karl Nehammer.", published="2024-07-08"))
    vienna = [s for s, p, o in f if p == "location" and o == "Vienna" and "visit" in s]
    assert vienna and "Mikhail Mishustin" not in participants(f, vienna[0])
    talks = {s for s, p, o in f if p == "participant" and o == "Karl Nehammer"}
    assert talks and all(("Moscow" not in {o for s2, p, o in f if s2 == t and p == "location"}) for t in talks)


def test_day_of_closing_is_the_end_and_the_eve_is_the_day_before(ex):
    f = facts(run(ex, "APEC leaders opened their summit in San Francisco on Thursday. The summit is "
                      "expected to close on Friday with a declaration.", published="2023-11-16"))
    assert any(p == "startDate" and o == "2023-11-16" for s, p, o in f)
    assert any(p == "endDate" and o == "2023-11-17" for s, p, o in f)
    f = facts(run(ex, "On Monday evening, on the eve of the NATO summit in Vilnius, Turkish President Recep "
                      "Tayyip Erdogan dropped his objections.", published="2023-07-11"))
    assert any(p == "startDate" and o == "2023-07-11" for s, p, o in f)


def test_release_dateline_with_a_weekday_after_heading_lines(ex):
    a = run(ex, "PRESS RELEASE\nOffice of the Prime Minister, Saint Lucia\nCastries, Friday 1 March 2024\n\n"
                "Leaders of the Caribbean Community today concluded their summit in Castries. The "
                "previous summit was held in Georgetown on 24 January 2023.", published=None)
    f = facts(a)
    dates = {s: o for s, p, o in f if p == "startDate"}
    assert "2024-03-01" in dates.values()
    assert all(not s.startswith("previous") for s, o in dates.items() if o == "2024-03-01")
    assert all(s.startswith("previous") for s, o in dates.items() if o == "2023-01-24")


def test_a_date_a_year_away_is_not_the_day_of_the_story_event(ex):
    f = facts(run(ex, "Leaders of the Caribbean Community met in Castries on Friday for their summit. The "
                      "summit, like the one in Georgetown (24 January 2023), adopted a declaration.",
                  published="2024-03-01"))
    assert "2023-01-24" not in {o for s, p, o in f if p == "startDate"}


def test_roman_numbered_summits_and_the_next_one(ex):
    f = facts(run(ex, "Leaders of the Community of Latin American and Caribbean States (CELAC) concluded the "
                      "VIII Summit of the Community in Kingstown on Friday. Honduras will hold the presidency "
                      "until the next Summit. President Xiomara Castro announced that the IX CELAC Summit "
                      "would be held in Honduras in 2025. The VII Summit was held in Buenos Aires on 24 "
                      "January 2023.", published="2024-03-01"))
    summits = {s for s, p, o in f if p == "organizedBy"
               and o == "Community of Latin American and Caribbean States"}
    assert len(summits) == 3
    assert any(p == "hostCountry" and o == "Honduras" and s.startswith("IX") for s, p, o in f)
    assert any(p == "startDate" and o == "2023-01-24" and s.startswith("VII ") for s, p, o in f)
    assert any(p == "startDate" and o == "2024-03-01" and s.startswith("VIII") for s, p, o in f)


def test_a_state_expected_to_host_the_next_summit(ex):
    f = facts(run(ex, "Arab League leaders met in Jeddah on Friday for their summit. Bahrain is expected to "
                      "host next year's Arab League summit, according to diplomats.", published="2023-05-19"))
    assert any(p == "hostCountry" and o == "Bahrain" and "next" in s for s, p, o in f)
    assert not any(p == "hostCountry" and o == "Bahrain" and "next" not in s for s, p, o in f)
