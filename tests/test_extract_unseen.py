"""Constructions found missing on a second set of unseen stories (British acronyms,
"Leaders Meeting" summits, organs inside longer names, Indian honorifics, plural titles,
names that run into the next words); sentences written for the tests."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import Extractor

from test_extract_rules import facts, run


@pytest.fixture(scope="module", params=["auto", "none"])
def ex(request):
    return Extractor(request.param, today=dt.date(2026, 11, 28))


def test_acronym_written_as_a_word(ex):
    f = facts(run(ex, "Opec was set up in 1960. Nato was founded in 1949 by twelve countries."))
    assert ("North Atlantic Treaty Organization", "founded", "1949") in f
    assert ("Organization of the Petroleum Exporting Countries", "founded", "1960") in f


def test_guam_is_not_an_organization(ex):
    kinds = {e.type for e in run(ex, "Guam hosted the exercise on Monday.").entities.values()}
    assert "InternationalOrganization" not in kinds


def test_leaders_meeting_of_an_organization_is_its_summit(ex):
    a = run(ex, "The 52nd Pacific Islands Forum Leaders Meeting took place in Rarotonga, the Cook "
                "Islands capital, last week.", published="2023-11-14")
    f = facts(a)
    assert {e.type for e in a.entities.values() if e.key in {s for s, p, o in
            ((x.subject, x.predicate, x.obj) for x in a.facts) if p == "organizedBy"}} == {"Summit"}
    assert any(p == "organizedBy" and o == "Pacific Islands Forum" for _, p, o in f)


def test_organ_name_ending_in_a_known_name_is_not_that_organization(ex):
    a = run(ex, "The Collective Security Council of the Collective Security Treaty Organization "
                "met in Minsk on Thursday.", published="2023-11-24")
    names = {e.label for e in a.entities.values()}
    assert "United Nations Security Council" not in names
    assert "Collective Security Treaty Organization" in names


def test_head_of_an_eu_institution_leads_the_union(ex):
    f = facts(run(ex, "European Commission President Ursula von der Leyen met the ministers."))
    assert ("Ursula von der Leyen", "leaderOf", "European Union") in f
    assert ("Ursula von der Leyen", "title", "President") in f


def test_indian_honorific_before_a_name(ex):
    f = facts(run(ex, "Prime Minister of India Shri Narendra Modi met President Droupadi Murmu."))
    assert ("Narendra Modi", "leaderOf", "India") in f
    assert ("Narendra Modi", "title", "Prime Minister") in f


def test_plural_title_with_states(ex):
    f = facts(run(ex, "Presidents Bola Tinubu of Nigeria and Macky Sall of Senegal attended the "
                      "ECOWAS summit in Abuja on Sunday.", published="2023-12-11"))
    assert ("Bola Tinubu", "leaderOf", "Nigeria") in f
    assert ("Bola Tinubu", "title", "President") in f
    assert ("Macky Sall", "leaderOf", "Senegal") in f
    assert ("Bola Tinubu", "leaderOf", "Senegal") not in f


def test_name_does_not_run_into_the_next_words(ex):
    a = run(ex, "At the ceremony, President Putin awarded Prime Minister Modi the Order of St. "
                "Andrew.")
    labels = {e.label for e in a.entities.values() if e.type == "Person"}
    assert "Modi" in labels
    assert not any("Order" in lab for lab in labels)


def test_title_of_state_then_name_without_the_model(ex):
    f = facts(run(ex, "President of South Africa Cyril Ramaphosa arrived on Monday."))
    assert ("Cyril Ramaphosa", "leaderOf", "South Africa") in f


def test_organ_of_an_organization_is_not_a_name(ex):
    a = run(ex, "Omar Alieu Touray, president of the ECOWAS Commission, read the communique.")
    assert "Commission" not in {e.label for e in a.entities.values()}


def test_states_near_a_membership_that_are_not_members(ex):
    f = facts(run(ex, "Montenegro became the 29th member of NATO in 2017, a move prompted by "
                      "Russia's pressure on Serbia. Russia, which had warned Podgorica against "
                      "joining, protested. The United States is the depositary of the alliance's "
                      "founding treaty."))
    members = {s for s, p, o in f if p == "memberOf"}
    assert "Montenegro" in members
    assert not members & {"Russia", "Serbia", "United States"}


def test_possessive_membership_noun_still_counts(ex):
    f = facts(run(ex, "Kazakhstan's membership of the SCO dates to 2001."))
    assert ("Kazakhstan", "memberOf", "Shanghai Cooperation Organisation") in f


def test_organization_head_noun_refers_back(ex):
    f = facts(run(ex, "The Pacific Islands Forum opened its meeting on Monday. The Forum, set up in "
                      "1971, counts Fiji among its members. Forum Secretary General Henry Puna "
                      "spoke."))
    assert ("Pacific Islands Forum", "founded", "1971") in f
    assert ("Fiji", "memberOf", "Pacific Islands Forum") in f
    assert ("Henry Puna", "leaderOf", "Pacific Islands Forum") in f


def test_members_after_a_colon(ex):
    f = facts(run(ex, "The Pacific Islands Forum met. Taiwan keeps ties with four Forum members: "
                      "Palau, Tuvalu, Nauru and the Marshall Islands."))
    members = {s for s, p, o in f if p == "memberOf"}
    assert {"Palau", "Tuvalu", "Marshall Islands"} <= members
    assert "Taiwan" not in members


def test_a_historical_full_date_does_not_set_the_news_year(ex):
    a = run(ex, "MINSK, November 23. Putin arrived in Minsk on Thursday for the CSTO summit. The "
                "treaty behind the organization was signed on May 15, 1992.", published=None)
    f = facts(a)
    assert any(p == "startDate" and o == "2023-11-23" for _, p, o in f)
    assert not any(p == "startDate" and o.startswith("1992-11") for _, p, o in f)


def test_who_chairs_the_organization_leads_it(ex):
    f = facts(run(ex, "The Southern African Development Community (SADC) met on Saturday. Zimbabwean "
                      "President Emmerson Mnangagwa, who chairs the 16-nation bloc, opened the meeting."))
    assert ("Emmerson Mnangagwa", "leaderOf", "Southern African Development Community") in f
    assert ("Emmerson Mnangagwa", "leaderOf", "Zimbabwe") in f


def test_ministerial_meeting_of_an_organization(ex):
    f = facts(run(ex, "The 56th ASEAN Foreign Ministers' Meeting was held in Jakarta from July 11 "
                      "to 14.", published="2023-07-15"))
    name = next(s for s, p, o in f if p == "organizedBy")
    assert "Ministers' Meeting" in name
    assert (name, "organizedBy", "Association of Southeast Asian Nations") in f
    assert (name, "location", "Jakarta") in f
    assert (name, "startDate", "2023-07-11") in f


def test_compass_spelling_variants_of_an_organization(ex):
    f = facts(run(ex, "Vietnam and Malaysia are members of the Association of South-east Asian "
                      "Nations."))
    assert ("Vietnam", "memberOf", "Association of Southeast Asian Nations") in f


def test_portfolio_word_is_not_part_of_the_name(ex):
    a = run(ex, "US Secretary of State Antony Blinken met Minister of Foreign Affairs Wang Yi.")
    labels = {e.label for e in a.entities.values() if e.type == "Person"}
    assert "Antony Blinken" in labels
    assert not any(lab.startswith(("State ", "Foreign ", "Affairs ")) for lab in labels)


def test_acronym_is_not_a_person(ex):
    a = run(ex, "The ministers met at the annual meeting (AMM) in Vientiane.")
    assert "AMM" not in {e.label for e in a.entities.values() if e.type == "Person"}


def test_dateline_and_lede_weekday_fix_the_year(ex):
    a = run(ex, "HANOI, June 19 (Reuters) - Russian President Vladimir Putin held talks with "
                "Vietnamese President To Lam on Wednesday. The trade deal takes effect on July 1 "
                "and the next round is due on a Friday in September.", published=None)
    f = facts(a)
    assert any(p == "startDate" and o == "2024-06-19" for _, p, o in f)


def test_pronoun_inside_a_sentence_is_its_subject(ex):
    f = facts(run(ex, "Prime Minister Narendra Modi met President Vladimir Putin in Moscow on "
                      "Tuesday. Modi will then fly to Vienna, where he will pay an official visit to "
                      "Austria.",
                  published="2024-07-09"))
    visits = {s for s, p, o in f if p == "participant" and o == "Narendra Modi" and "Austria" in s}
    assert visits
    assert not any(p == "participant" and o == "Vladimir Putin" and "Austria" in s for s, p, o in f)


def test_event_starting_on_the_day_of_a_future_tense_story_is_planned(ex):
    f = facts(run(ex, "Chinese President Xi Jinping will pay a state visit to Hungary on Wednesday.",
                  published="2024-05-08"))
    assert any(p == "status" and o == "Planned" and "Hungary" in s for s, p, o in f)


def test_a_and_his_counterpart_b_sat_down_for_talks(ex):
    f = facts(run(ex, "Egyptian Foreign Minister Sameh Shoukry and his Turkish counterpart, Mevlut "
                      "Cavusoglu, shook hands before sitting down for talks in the Egyptian capital "
                      "on Saturday.", published="2023-03-19"))
    talks = {s for s, p, o in f if p == "participant" and o == "Sameh Shoukry"}
    assert talks and all((t, "participant", "Mevlut Cavusoglu") in f for t in talks)
    assert any((t, "location", "Cairo") in f for t in talks)
    assert any((t, "startDate", "2023-03-18") in f for t in talks)


def test_small_city_after_city_of_and_beside_its_country(ex):
    f = facts(run(ex, "Leaders of the Organization of Turkic States adopted a declaration on "
                      "Saturday at an informal summit in the Azerbaijani city of Shusha.",
                  published="2024-07-06"))
    assert any(p == "location" and o == "Shusha" for _, p, o in f)
    assert any(p == "organizedBy" and o == "Organization of Turkic States" for _, p, o in f)


def test_document_name_stops_before_a_weekday(ex):
    a = run(ex, "The leaders adopted the Shusha Declaration on Saturday at the summit.",
            published="2024-07-06")
    assert "Shusha Declaration" in {e.label for e in a.entities.values()}


def test_members_and_observers_in_one_sentence(ex):
    f = facts(run(ex, "The Organization of Turkic States unites Azerbaijan, Kazakhstan and "
                      "Uzbekistan as full members, with Hungary and Turkmenistan holding observer "
                      "status."))
    for s in ("Azerbaijan", "Kazakhstan", "Uzbekistan"):
        assert (s, "memberOf", "Organization of Turkic States") in f
        assert (s, "observerOf", "Organization of Turkic States") not in f
    assert ("Hungary", "observerOf", "Organization of Turkic States") in f
    assert ("Hungary", "memberOf", "Organization of Turkic States") not in f


def test_summit_of_another_year_named_after_its_place(ex):
    f = facts(run(ex, "Leaders of the Organization of Turkic States met in Shusha on Saturday. It took its "
                      "name at the organization's summit in Istanbul in 2021. The next full-format "
                      "summit will be held in Bishkek in November.", published="2024-07-06"))
    summits = {s for s, p, o in f if p == "organizedBy"}
    assert len(summits) == 3
    assert not any(p == "location" and o == "Istanbul" and (s, "location", "Shusha") in f
                   for s, p, o in f)
    assert any(p == "status" and o == "Planned" and (s, "location", "Bishkek") in f
               for s, p, o in f)


def test_it_was_founded_right_after_the_organization(ex):
    f = facts(run(ex, "The Organization of Turkic States met on Saturday. It was founded in 2009."))
    assert ("Organization of Turkic States", "founded", "2009") in f


def test_closed_door_meeting_of_two_leaders(ex):
    f = facts(run(ex, "President Erdogan and President Aliyev held a closed-door meeting on "
                      "Saturday.", published="2024-07-06"))
    talks = {s for s, p, o in f if p == "participant" and o == "Erdogan"}
    assert talks and all((t, "participant", "Aliyev") in f for t in talks)


def test_leaders_attending_the_summit_included(ex):
    f = facts(run(ex, "Leaders of the African Union met in Addis Ababa on Sunday for their summit. "
                      "Leaders attending the summit included Kenyan President William Ruto and "
                      "Ghanaian President Nana Akufo-Addo.", published="2024-02-18"))
    assert any(p == "participant" and o == "William Ruto" for _, p, o in f)
    assert any(p == "participant" and o == "Nana Akufo-Addo" for _, p, o in f)


def test_at_the_end_of_a_two_day_summit_is_its_last_day(ex):
    f = facts(run(ex, "Leaders of the European Union agreed a declaration on Friday at the end of a "
                      "two-day summit in Brussels.", published="2023-06-30"))
    s = next(s for s, p, o in f if p == "organizedBy")
    assert (s, "organizedBy", "European Union") in f
    assert (s, "startDate", "2023-06-29") in f and (s, "endDate", "2023-06-30") in f


def test_name_with_particles_after_the_model_cut_it(ex):
    a = run(ex, "On Monday, Ursula von der Leyen, president of the European Commission, spoke.")
    assert "Ursula von der Leyen" in {e.label for e in a.entities.values()}


def test_organization_announced_at_its_summit(ex):
    f = facts(run(ex, "The Southern African Development Community (SADC) announced at an "
                      "extraordinary summit in Harare that it would send troops."))
    s = next((s for s, p, o in f if p == "organizedBy"), None)
    assert s and (s, "organizedBy", "Southern African Development Community") in f
    assert (s, "location", "Harare") in f


def test_founders_of_an_organization_in_a_year(ex):
    f = facts(run(ex, "Yakubu Gowon was among the founders of ECOWAS in 1975."))
    assert ("Economic Community of West African States", "founded", "1975") in f


def test_more_ways_of_being_at_a_summit(ex):
    f = facts(run(ex, "Leaders of the G20 met in New Delhi on Saturday for their summit. Chinese "
                      "Premier Li Qiang represented China at the summit. Also present were Turkish "
                      "President Recep Tayyip Erdogan and Japanese Prime Minister Fumio Kishida. "
                      "Speaking at the summit, South African President Cyril Ramaphosa urged reform.",
                  published="2023-09-10"))
    summit = next(s for s, p, o in f if p == "organizedBy")
    for who in ("Li Qiang", "Recep Tayyip Erdogan", "Fumio Kishida", "Cyril Ramaphosa"):
        assert (summit, "participant", who) in f


def test_foreign_ministers_of_an_organization_met(ex):
    f = facts(run(ex, "Foreign ministers of the Shanghai Cooperation Organisation met in Astana on "
                      "Thursday. Russian Foreign Minister Sergei Lavrov met his Chinese counterpart "
                      "Wang Yi on the sidelines of the meeting.", published="2024-05-23"))
    fm = next(s for s, p, o in f if p == "organizedBy")
    assert (fm, "organizedBy", "Shanghai Cooperation Organisation") in f
    assert (fm, "location", "Astana") in f and (fm, "startDate", "2024-05-23") in f
    talks = next(s for s, p, o in f if p == "participant" and o == "Wang Yi" and s != fm)
    assert (talks, "partOf", fm) in f


def test_organization_ministers_will_meet_is_planned(ex):
    f = facts(run(ex, "BRICS foreign ministers will meet in Cape Town next week.",
                  published="2023-05-25"))
    fm = next(s for s, p, o in f if p == "organizedBy")
    assert (fm, "status", "Planned") in f
    assert (fm, "location", "Cape Town") in f


def test_leaders_who_met_for_a_summit_hold_no_talks_of_their_own(ex):
    f = facts(run(ex, "President Biden and Prime Minister Kishida met in Hiroshima on Saturday for a "
                      "summit of the Quad, after Biden cut short his tour, upending plans to gather in "
                      "Australia.", published="2023-05-21"))
    assert not any(s.startswith("talks between") for s, p, o in f)
    quad = next(s for s, p, o in f if p == "organizedBy")
    assert (quad, "startDate", "2023-05-20") in f  # the main verb is past: last Saturday
    assert (quad, "location", "Hiroshima") in f
    assert not any(s == quad and p == "hostCountry" and o == "Australia" for s, p, o in f)


def test_hosted_a_list_of_titled_leaders_at_a_summit(ex):
    f = facts(run(ex, "Prime Minister Kishida hosted the US president, Joe Biden, the UK prime "
                      "minister, Rishi Sunak, and Italy's prime minister, Giorgia Meloni, at the G7 "
                      "summit in Hiroshima on Friday.", published="2023-05-21"))
    g7 = next(s for s, p, o in f if p == "organizedBy")
    for who in ("Joe Biden", "Rishi Sunak", "Giorgia Meloni"):
        assert (g7, "participant", who) in f
    assert ("Giorgia Meloni", "leaderOf", "Italy") in f


def test_sized_organization_with_its_members_between_dashes(ex):
    f = facts(run(ex, "The six-nation Gulf Cooperation Council (GCC) - Saudi Arabia, Qatar, Kuwait, "
                      "Bahrain, Oman and the United Arab Emirates - has been divided."))
    for s in ("Saudi Arabia", "Qatar", "Oman", "United Arab Emirates"):
        assert (s, "memberOf", "Gulf Cooperation Council") in f


def test_who_is_also_the_states_prime_minister(ex):
    f = facts(run(ex, "Saudi Crown Prince Mohammed bin Salman, who is also Saudi Arabia's prime "
                      "minister, chaired the meeting."))
    assert ("Mohammed bin Salman", "leaderOf", "Saudi Arabia") in f
    assert ("Mohammed bin Salman", "title", "Prime Minister") in f
    assert ("Mohammed bin Salman", "officialOf", "Saudi Arabia") not in f


def test_surname_without_its_article_is_the_same_person(ex):
    a = run(ex, "Syrian President Bashar al-Assad arrived in Jeddah. Assad met the leaders.")
    assert [e.label for e in a.entities.values() if e.type == "Person"] == ["Bashar al-Assad"]


def test_a_month_is_not_a_city(ex):
    a = run(ex, "The deal was brokered by China in March.")
    assert "City" not in {e.type for e in a.entities.values()}


def test_ministers_meeting_in_a_capital_voted(ex):
    f = facts(run(ex, "Arab League foreign ministers meeting in the Egyptian capital, Cairo, on May 7 "
                      "voted to readmit Syria.", published="2023-05-19"))
    fm = next(s for s, p, o in f if p == "organizedBy")
    assert (fm, "location", "Cairo") in f and (fm, "startDate", "2023-05-07") in f


def test_two_leaders_agreed_after_talks_and_met_on_the_sidelines(ex):
    f = facts(run(ex, "President Joe Biden and Chinese President Xi Jinping agreed to restore "
                      "military communications after four hours of talks on Wednesday. The two "
                      "leaders met at the Filoli estate in Woodside, California, on the sidelines of "
                      "the Asia-Pacific Economic Cooperation summit. They last met in November on "
                      "the margins of the Group of 20 summit in Indonesia.", published="2023-11-16"))
    talks = next(s for s, p, o in f if p == "participant" and o == "Xi Jinping" and "talks" in s)
    assert (talks, "participant", "Joe Biden") in f
    assert (talks, "startDate", "2023-11-15") in f
    assert (talks, "location", "Woodside") in f
    apec = next(s for s, p, o in f if p == "organizedBy" and o == "Asia-Pacific Economic Cooperation")
    assert (talks, "partOf", apec) in f
    g20 = next(s for s, p, o in f if p == "organizedBy" and o == "Group of Twenty")
    assert g20 != apec


def test_received_by_and_travelled_for_talks_are_meetings(ex):
    f = facts(run(ex, "President Lula was also received by Premier Li Qiang on Friday. It comes a "
                      "month after President Xi traveled to Moscow for talks with Russian President "
                      "Vladimir Putin.", published="2023-04-14"))
    li = next(s for s, p, o in f if p == "participant" and o == "Li Qiang")
    assert (li, "participant", "Lula") in f and (li, "startDate", "2023-04-14") in f
    moscow = next(s for s, p, o in f if p == "participant" and o == "Vladimir Putin")
    assert (moscow, "participant", "Xi") in f and (moscow, "location", "Moscow") in f


def test_documents_exchanged_in_the_presence_of_leaders(ex):
    f = facts(run(ex, "The annual summit was held in Moscow on 9 July. During the summit, nine "
                      "agreements and memoranda of understanding were exchanged in the presence of "
                      "the two leaders.", published="2024-07-09"))
    pkg = next(s for s, p, o in f if p == "documentCount")
    assert (pkg, "documentCount", 9) in f
    assert any(s == pkg and p == "signedAt" and "summit" in o for s, p, o in f)


def test_federal_chancellor_leads_the_state(ex):
    f = facts(run(ex, "Austrian Federal Chancellor Karl Nehammer welcomed the guests."))
    assert ("Karl Nehammer", "title", "Federal Chancellor") in f
    assert ("Karl Nehammer", "leaderOf", "Austria") in f


def test_the_title_alone_refers_to_its_one_holder_and_passive_hosts(ex):
    f = facts(run(ex, "Prime Minister of India Shri Narendra Modi paid an official visit to Russia on "
                      "8-9 July 2024. On arrival in Moscow, the Prime Minister was received at the "
                      "airport by First Deputy Prime Minister Denis Manturov. The Prime Minister was "
                      "accompanied by External Affairs Minister S. Jaishankar.",
                  published="2024-07-09"))
    visit = next(s for s, p, o in f if p == "participant" and o == "Narendra Modi")
    assert (visit, "participant", "Denis Manturov") in f
    assert (visit, "participant", "S. Jaishankar") in f


def test_council_of_ministers_of_an_organization_is_its_meeting(ex):
    f = facts(run(ex, "The two-day meeting of the Shanghai Cooperation Organisation (SCO) Council of "
                      "Foreign Ministers (CFM) ended on Friday. Addressing the CFM, External Affairs "
                      "Minister S. Jaishankar spoke. The meeting was also attended by Chinese Foreign "
                      "Minister Qin Gang.", published="2023-05-05"))
    cfm = next(s for s, p, o in f if p == "organizedBy")
    assert (cfm, "organizedBy", "Shanghai Cooperation Organisation") in f
    assert (cfm, "participant", "S. Jaishankar") in f
    assert (cfm, "participant", "Qin Gang") in f
    assert not any(o == "Council of Foreign Ministers" for s, p, o in f if p == "memberOf")


def test_opposition_leader_holds_no_office(ex):
    f = facts(run(ex, "Kenyan opposition leader Raila Odinga lost the vote."))
    assert ("Raila Odinga", "leaderOf", "Kenya") not in f


def test_known_name_after_and_inside_a_longer_name(ex):
    a = run(ex, "The African Union's Peace and Security Council met on Friday.")
    assert "United Nations Security Council" not in {e.label for e in a.entities.values()}


def test_a_people_is_not_a_person(ex):
    a = run(ex, "Africans deserve a seat at the table, President William Ruto said.")
    assert "Africans" not in {e.label for e in a.entities.values()}


def test_summit_of_the_one_organization_the_story_is_about(ex):
    f = facts(run(ex, "The Ukrainian president got his seat at NATO's top table on Wednesday. The "
                      "talks capped a two-day summit in Vilnius. Diplomats said NATO would keep its "
                      "door open. NATO allies pledged more air defence.", published="2023-07-12"))
    assert any(p == "organizedBy" and o == "North Atlantic Treaty Organization" for s, p, o in f)


def test_no_organizer_guessed_when_two_organizations_share_the_story(ex):
    f = facts(run(ex, "EU and AU officials met on Monday. The talks capped a two-day summit in "
                      "Brussels. The EU and the AU agreed to meet again.", published="2023-07-12"))
    assert not any(p == "organizedBy" for s, p, o in f)


def test_weekday_range_gives_start_and_end(ex):
    f = facts(run(ex, "The 53rd Pacific Islands Forum Leaders Meeting was held in Nuku'alofa from "
                      "Monday to Friday.", published="2024-08-31"))
    pif = next(s for s, p, o in f if p == "organizedBy")
    assert (pif, "startDate", "2024-08-26") in f
    assert (pif, "endDate", "2024-08-30") in f


def test_the_two_governments_signed_gives_the_two_states(ex):
    f = facts(run(ex, "Chinese President Xi Jinping held talks with Brazilian President Luiz Inacio "
                      "Lula da Silva in Beijing on Friday. During the state visit, the two governments "
                      "signed 15 agreements. In a joint statement released by both countries, they "
                      "pledged to expand cooperation.", published="2023-04-14"))
    for doc in ("15 agreements", "joint statement"):
        assert (doc, "signatory", "China") in f and (doc, "signatory", "Brazil") in f


def test_a_release_of_water_is_not_a_document_being_released(ex):
    f = facts(run(ex, "On Thursday, on the sidelines of the APEC summit in San Francisco, President "
                      "Biden met Japanese Prime Minister Fumio Kishida over the release of treated "
                      "water.", published="2023-11-16"))
    talks = next(s for s, p, o in f if p == "participant" and o == "Fumio Kishida" and "talks" in s)
    assert (talks, "startDate", "2023-11-16") in f


def test_the_leaders_and_their_final_communique(ex):
    f = facts(run(ex, "Leaders of the G7 met in Hiroshima on Friday for their summit. The leaders' "
                      "communique, released on Saturday, promised support for Ukraine.",
                  published="2023-05-21"))
    assert any(p == "adoptedAt" and "communique" in s for s, p, o in f)
    f = facts(run(ex, "Leaders of ECOWAS met in Abuja on Saturday for their summit. In their final "
                      "communique the leaders again called for his release.", published="2024-02-24"))
    assert any(p == "adoptedAt" and "communique" in s and "ECOWAS" in o for s, p, o in f)


def test_organization_short_name_does_not_depend_on_set_order():
    from kg.extract.rules import _org_short_name
    from kg.model import Entity

    for names in (["Nato", "NATO", "North Atlantic Treaty Organization"],
                  ["NATO", "North Atlantic Treaty Organization", "Nato"]):
        e = Entity("org/nato", "InternationalOrganization", "North Atlantic Treaty Organization")
        for n in names:
            e.add_name(n)
        assert _org_short_name(e) == "NATO"


def test_ordinal_summit_label_names_the_ordinal_once(ex):
    a = run(ex, "Prime Minister Ulf Kristersson is expected to attend his first NATO summit in "
                "Washington in July.", published="2024-03-07")
    labels = [e.label for e in a.entities.values() if e.type == "Summit"]
    assert labels and not any("first first" in lab for lab in labels)
