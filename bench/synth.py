#!/usr/bin/env python3
"""A deterministic synthetic diplomacy corpus for the benchmarks.

    python bench/synth.py --triples 100000 -o /tmp/syn-1e5.nq [--seed 7]
    python bench/synth.py --articles 200 -o /tmp/syn-articles/ [--seed 7]

The corpus is a sequence of synthetic news articles about real states and
organizations (names, Wikidata ids, capitals, members and founding years come
from :func:`kg.reference.reference`); people are invented, one set of office
holders per state and organization. Each article is one of

* a **summit** of an organization in a host member's capital: organizer, place,
  host country, dates, status, theme, the host's and other members' leaders as
  participants, the members the text lists, documents adopted or signed there
  (declarations, agreements with signatories, packages of documents with their
  count) and a bilateral meeting on the sidelines;
* a **state visit**: a leader's visit to another state, talks with its leader,
  an agreement signed by both, the ministers who came along, a shared
  organization;
* **talks between foreign ministers** in a third or a home capital, with a
  memorandum of understanding.

:func:`synth_nquads` writes each article's graph exactly as ``kg extract``
shapes it (see ``graph/sco-astana-2024.ttl``): one named graph per article
named by the article IRI, holding the ``dkg:Article`` node, every entity
mentioned with its class, ``rdfs:label``, ``skos:altLabel``, ``owl:sameAs`` and
``dkg:mentionedIn``, the facts, and one ``dkg:Evidence`` node per fact whose
sentence and character offsets point into the article's text.
:func:`synth_articles` gives that text (headline, then the body) for the
ingest benchmark.

Everything is drawn from :class:`random.Random` seeded by ``seed`` (one
generator for the world, one per article seeded with ``"{seed}/{index}"``), so
the same seed and size give the same bytes in every process.

>>> lines = list(synth_nquads(2000, seed=1))
>>> len(lines) >= 2000 and lines == list(synth_nquads(2000, seed=1))
True
>>> lines[0].split()[1]
'<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
"""
from __future__ import annotations

import argparse
import datetime as _dt
import functools
import hashlib
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.reference import Org, State, reference  # noqa: E402
from kg.sources import slugify  # noqa: E402

__all__ = ["synth_nquads", "write_nquads", "synth_articles", "write_articles", "synth_dataset",
           "SynthArticle", "DEFAULT_SEED"]

DEFAULT_SEED = 7

_DKG = "https://w3id.org/diplokg/ontology#"
_R = "https://w3id.org/diplokg/id/"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OWL = "http://www.w3.org/2002/07/owl#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_WD = "http://www.wikidata.org/entity/"

# how often news covers a summit of these organizations (others that have members: weight 0.3)
_SUMMIT_WEIGHTS = {
    "SCO": 6, "BRICS": 6, "G20": 6, "G7": 5, "NATO": 5, "EU": 5, "ASEAN": 5, "AU": 4, "UNGA": 3,
    "APEC": 3, "GCC": 3, "LAS": 3, "CSTO": 2, "EAEU": 2, "CIS": 2, "OIC": 2, "OAS": 2, "CELAC": 2,
    "MERCOSUR": 2, "Commonwealth": 2, "OSCE": 2, "Quad": 2, "CICA": 1.5, "SAARC": 1, "BIMSTEC": 1,
    "ECOWAS": 1.5, "SADC": 1, "CARICOM": 1, "OTS": 1, "PIF": 1, "CoE": 1, "OECD": 1,
}
# organizations of (nearly) every state: news never lists their members
_UNIVERSAL = 100
# members listed in full up to this many, else a handful of them
_LIST_ALL = 12

_FIRST = ("Adrian Aisha Alexei Amara Anders Andrea Arjun Aziz Beatriz Bilal Carlos Chen Dalia "
          "Daniel Dmitri Elena Emeka Farah Fatima Felipe Hana Hassan Ibrahim Ingrid Isabel Ivan "
          "Jamal Javier Jin Jonas Kamala Karim Kenji Khalid Lars Leila Liam Lucia Malik Marco "
          "Maria Marta Mehmet Mei Mikhail Nadia Naveen Nikolai Noura Olga Omar Pablo Priya Rafael "
          "Rania Ravi Rosa Samir Sara Sergei Sofia Soo-jin Tamar Tariq Tomas Valentina Viktor "
          "Wei Yasmin Yuki Yusuf Zainab Zoran").split()
_LAST = ("Abbas Adeyemi Alvarez Amini Andersen Arslan Bakr Banerjee Barros Becker Bianchi Bondar "
         "Castillo Chowdhury Costa Dimitrov Diallo Dlamini Erdem Fernandes Fischer Gallo Georgiou "
         "Haddad Hakimi Hansen Horvat Hosseini Ibrahimov Iyer Jansen Kamau Kaplan Karimov Khan "
         "Kim Kovac Kowalski Kuznetsov Laine Larsen Lindqvist Lopes Mahmoud Mansour Medina "
         "Mendoza Mensah Morozov Mwangi Nakamura Nasser Novak Nowak Nunez Okafor Okonkwo Olsen "
         "Ortega Osei Park Pereira Petrov Popescu Qureshi Rahman Ramos Reyes Rossi Saleh Santos "
         "Sato Schmidt Serrano Shapiro Silva Sokolov Suleiman Tanaka Tembo Torres Tran Usmanov "
         "Valdez Vargas Volkov Wang Weber Yilmaz Yusupov Zhang Zhou Zubair").split()
_LEADER_TITLES = ("President", "President", "President", "Prime Minister", "Prime Minister")
_OFFICIAL_TITLES = ("Foreign Minister", "Defence Minister", "Trade Minister")
_TOPICS = ("trade and investment", "energy security", "climate cooperation", "digital economy",
           "transport corridors", "counter-terrorism", "food security", "public health",
           "cultural exchange", "nuclear energy", "visa facilitation", "customs cooperation",
           "agriculture", "tourism", "scientific research", "maritime security")
_THEMES = ("Strengthening Multilateral Dialogue for Sustainable Peace",
           "Building a Shared Future through Cooperation", "Partnership for Resilient Growth",
           "Unity in Diversity for a Stable Region", "Connecting People, Economies and Ideas",
           "Security and Prosperity for All")
_FILLER = (
    "The talks are expected to cover a wide range of topics, including economic cooperation, "
    "regional security and the strengthening of bilateral ties.",
    "Officials described the atmosphere of the discussions as constructive and forward-looking.",
    "Analysts say the meeting reflects a broader effort to deepen cooperation amid a complex "
    "geopolitical landscape.",
    "The agenda also includes questions of energy, logistics and investment in infrastructure.",
    "Delegations spent the morning in closed-door consultations before the plenary session.",
    "Several speakers called for a more coordinated response to regional challenges.",
    "Observers noted that expectations for concrete results remain modest.",
    "The organizers said that security measures in the city centre had been tightened.",
    "Business leaders are also attending a forum held on the margins of the event.",
    "The discussions come as trade between the two sides has grown steadily in recent years.",
    "A joint press conference is scheduled after the final session.",
    "Both sides stressed the importance of dialogue and mutual respect.",
    "Diplomats involved in the preparations said the final text had been agreed late at night "
    "after several rounds of negotiations.",
    "The host government has invested heavily in new conference facilities and transport links "
    "ahead of the gathering.",
    "According to officials, the leaders will also review progress on projects agreed at "
    "previous meetings.",
    "Human rights groups urged the participants to raise the situation of political prisoners "
    "in their talks.",
    "Economists expect the new arrangements to lower tariffs and speed up customs procedures "
    "for small businesses.",
    "The meeting was originally planned for earlier in the year but was postponed because of "
    "scheduling conflicts.",
    "Ministers held preparatory consultations last week to narrow differences on the most "
    "sensitive issues.",
    "Local media reported that thousands of police officers had been deployed across the "
    "capital.",
    "In a statement released on the eve of the talks, the foreign ministry called for "
    "practical results rather than declarations.",
    "Energy cooperation, including long-term supply contracts and new pipelines, is expected "
    "to feature prominently.",
    "Some participants are expected to leave early to attend other engagements.",
    "Young people from member countries presented their proposals on education and climate "
    "action to the delegations.",
    "Officials also discussed how to expand direct flights and simplify visa procedures for "
    "students and tourists.",
    "The spokesperson declined to comment on reports of disagreements over the wording of the "
    "final communique.",
    "Regional experts say the event offers an opportunity to ease tensions that have built up "
    "over the past year.",
    "Cultural events, including an exhibition and a concert, are being held alongside the "
    "official programme.",
    "Representatives of international financial institutions are attending as guests.",
    "The agenda was published by the secretariat two weeks before the opening session.",
)
_MONTHS = ("January February March April May June July August September October November "
           "December").split()
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()


# --------------------------------------------------------------------------- the world
@dataclass(frozen=True)
class _Person:
    key: str          # IRI key, e.g. "person/elena-petrov"
    name: str
    title: str
    of: str           # key of the state or organization
    leader: bool


@dataclass
class _World:
    states: dict[str, State]
    orgs: dict[str, Org]
    summit_orgs: list[str]
    summit_weights: list[float]
    members: dict[str, list[str]]           # org acronym -> member keys (state/org keys)
    memberships: dict[str, list[str]]       # ISO3 -> org acronyms with listable members
    leader: dict[str, _Person]              # state or org key -> its leader
    officials: dict[str, list[_Person]]     # state key -> ministers
    capital: dict[str, tuple[str, str, str | None]]  # ISO3 -> (place key, name, QID)


def _state_key(iso3: str) -> str:
    return f"state/{iso3}"


def _org_key(acronym: str) -> str:
    return f"org/{slugify(acronym)}"


@functools.lru_cache(maxsize=8)
def _world(seed: int) -> _World:
    ref = reference()
    rng = random.Random(seed)
    states = dict(sorted(ref.states.items()))
    orgs: dict[str, Org] = {}
    keys_seen: set[str] = set()
    for a, o in sorted(ref.orgs.items()):
        # "OPEC" and "OPEC+" slugify to one IRI (as in kg.extract): keep the first only
        if o.members and _org_key(a) not in keys_seen:
            keys_seen.add(_org_key(a))
            orgs[a] = o
    members: dict[str, list[str]] = {}
    for a, o in orgs.items():
        keys = [_state_key(m) if m in states else _org_key(m) for m in o.members
                if m in states or m in orgs]
        members[a] = keys
    memberships: dict[str, list[str]] = {iso: [] for iso in states}
    for a, keys in members.items():
        if len(keys) < _UNIVERSAL:
            for k in keys:
                if k.startswith("state/"):
                    memberships[k[6:]].append(a)
    summit_orgs = [a for a in orgs if any(k.startswith("state/") for k in members[a])]
    weights = [float(_SUMMIT_WEIGHTS.get(a, 0.3)) for a in summit_orgs]

    used: set[str] = set()

    def person(title: str, of: str, leader: bool) -> _Person:
        while True:
            name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
            if name not in used:
                used.add(name)
                return _Person(f"person/{slugify(name)}", name, title, of, leader)

    leader: dict[str, _Person] = {}
    officials: dict[str, list[_Person]] = {}
    capital: dict[str, tuple[str, str, str | None]] = {}
    for iso, st in states.items():
        key = _state_key(iso)
        leader[key] = person(rng.choice(_LEADER_TITLES), key, True)
        officials[key] = [person(t, key, False) for t in _OFFICIAL_TITLES]
        city = ref.capital_city(iso)
        if city is not None:
            capital[iso] = (f"place/{slugify(city.name)}-{city.country.lower()}", city.name,
                            city.wikidata)
    for a in orgs:
        leader[_org_key(a)] = person("Secretary-General", _org_key(a), True)
    return _World(states, orgs, summit_orgs, weights, members, memberships, leader, officials,
                  capital)


# --------------------------------------------------------------------------- one article
@dataclass
class _Entity:
    cls: str
    label: str
    alts: list[str] = field(default_factory=list)
    qid: str | None = None


@dataclass
class _Sentence:
    text: str
    rule: str
    facts: list[tuple[str, str, str]]  # (subject key, property, object: key or literal N-Triples)


@dataclass
class _Plan:
    article_id: str
    headline: str
    published: _dt.date
    paragraphs: list[list[_Sentence]]
    entities: dict[str, _Entity]


def _lit(value: str, datatype: str | None = None) -> str:
    text = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))
    return f'"{text}"' + (f"^^<{_XSD}{datatype}>" if datatype else "")


def _date_text(d: _dt.date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def _range_text(start: _dt.date, end: _dt.date) -> str:
    if start == end:
        return _date_text(start)
    if start.month == end.month:
        return f"{_MONTHS[start.month - 1]} {start.day}-{end.day}, {start.year}"
    return f"{_MONTHS[start.month - 1]} {start.day} to {_date_text(end)}"


class _Builder:
    """Collects the entities and sentences (with their facts) of one article."""

    def __init__(self, world: _World, rng: random.Random, article_id: str) -> None:
        self.w, self.rng, self.art = world, rng, article_id
        self.entities: dict[str, _Entity] = {}
        self.paragraphs: list[list[_Sentence]] = [[]]
        self._filler = rng.sample(_FILLER, len(_FILLER))

    # entities
    def state(self, iso: str, alt: str | None = None) -> str:
        st = self.w.states[iso]
        key = _state_key(iso)
        ent = self.entities.setdefault(key, _Entity("State", st.name, qid=st.wikidata))
        if alt and alt != st.name and alt not in ent.alts:
            ent.alts.append(alt)
        return key

    def org(self, acronym: str) -> str:
        o = self.w.orgs[acronym]
        key = _org_key(acronym)
        ent = self.entities.setdefault(key, _Entity("InternationalOrganization", o.name,
                                                    qid=o.wikidata))
        if acronym not in ent.alts and acronym != o.name:
            ent.alts.append(acronym)
        return key

    def person(self, p: _Person) -> str:
        ent = self.entities.setdefault(p.key, _Entity("Person", p.name))
        surname = p.name.split()[-1]
        if surname not in ent.alts:
            ent.alts.append(surname)
        return p.key

    def capital(self, iso: str) -> str | None:
        cap = self.w.capital.get(iso)
        if cap is None:
            return None
        key, name, qid = cap
        self.entities.setdefault(key, _Entity("City", name, qid=qid))
        return key

    def event(self, cls: str, slug: str, label: str, *alts: str) -> str:
        key = f"event/{self.art}/{slug}"
        ent = self.entities.setdefault(key, _Entity(cls, label))
        ent.alts.extend(a for a in alts if a not in ent.alts and a != label)
        return key

    def doc(self, cls: str, label: str) -> str:
        key = f"doc/{self.art}/{slugify(label)}"
        self.entities.setdefault(key, _Entity(cls, label))
        return key

    # text
    def say(self, text: str, rule: str = "", *facts: tuple[str, str, str]) -> None:
        self.paragraphs[-1].append(_Sentence(text, rule, list(facts)))

    def paragraph(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def filler(self, k: int) -> None:
        for _ in range(k):
            if self._filler:
                self.say(self._filler.pop())

    # helpers
    def office(self, p: _Person) -> list[tuple[str, str, str]]:
        """The office facts a "<Demonym> <Title> <Name>" mention gives."""
        self.person(p)
        return [(p.key, "leaderOf" if p.leader else "officialOf", p.of),
                (p.key, "title", _lit(p.title))]

    def styled(self, p: _Person) -> str:
        """ "Kazakh President Elena Petrov" or "SCO Secretary-General …". """
        if p.of.startswith("state/"):
            st = self.w.states[p.of[6:]]
            self.state(st.iso3)
            who = st.demonyms[0] if st.demonyms else st.name
        else:
            who = next(a for a in self.w.orgs if _org_key(a) == p.of)
            self.org(who)
        return f"{who} {p.title} {p.name}"


def _status(start: _dt.date, published: _dt.date) -> str:
    return f"<{_DKG}{'Planned' if start > published else 'Happened'}>"


def _summit(b: _Builder, published: _dt.date) -> str:
    w, rng = b.w, b.rng
    acr = rng.choices(w.summit_orgs, weights=w.summit_weights)[0]
    org = b.org(acr)
    o = w.orgs[acr]
    member_states = [k[6:] for k in w.members[acr] if k.startswith("state/")]
    host = rng.choice(member_states)
    host_name = w.states[host].name
    city = b.capital(host) or b.capital(rng.choice([s for s in member_states if s in w.capital]))
    city_name = b.entities[city].label
    start = published + _dt.timedelta(days=rng.randint(-3, 12))
    end = start + _dt.timedelta(days=rng.choice((0, 1, 1, 2)))
    ordinal = rng.choice(_ORDINALS)
    summit = b.event("Summit", f"{slugify(acr)}-summit", f"{acr} summit",
                     f"summit in {city_name}", f"{ordinal} {acr} summit")
    status = _status(start, published)
    host_leader = w.leader[_state_key(host)]
    headline = rng.choice((f"{host_leader.name.split()[-1]} hosts {acr} leaders in {city_name}",
                           f"{acr} leaders gather in {city_name} for {ordinal} summit",
                           f"{city_name} prepares for {acr} summit"))

    b.say(f"{b.styled(host_leader)} is hosting the {ordinal} summit of the {o.name} ({acr}) "
          f"in {city_name}.", "event:summit",
          (summit, "organizedBy", org), (summit, "location", city),
          (summit, "hostCountry", b.state(host)), (summit, "participant", host_leader.key),
          *b.office(host_leader))
    b.say(f"The summit, set for {_range_text(start, end)}, will focus on "
          f"{rng.choice(_TOPICS)} and {rng.choice(_TOPICS)}.", "date:range",
          (summit, "startDate", _lit(start.isoformat(), "date")),
          *([(summit, "endDate", _lit(end.isoformat(), "date"))] if end != start else []),
          (summit, "status", status))
    if rng.random() < 0.3:
        b.say(f"The event is held under the theme “{rng.choice(_THEMES)}”.", "theme:quoted",
              (summit, "theme", _lit(rng.choice(_THEMES))))
    b.filler(rng.randint(2, 4))
    b.paragraph()
    if rng.random() < 0.25:
        b.say(f"{city_name}, {host_name}’s capital, last hosted the leaders several years ago.",
              "capital:apposition", (b.state(host), "capital", city))
    listed = [k for k in w.members[acr] if k.startswith("state/")]
    if len(w.members[acr]) < _UNIVERSAL and rng.random() < 0.6:
        if len(listed) > _LIST_ALL:
            listed = rng.sample(listed, rng.randint(3, 8))
        names = [w.states[k[6:]].name for k in listed]
        text = ", ".join(names[:-1]) + (f" and {names[-1]}" if len(names) > 1 else names[0])
        b.say(f"The {acr} member countries include {text}.", "member:cue",
              *[(b.state(k[6:]), "memberOf", org) for k in listed])
    if o.founded and rng.random() < 0.2:
        b.say(f"The {acr}, established in {o.founded}, has grown into a significant forum.",
              "founded", (org, "founded", _lit(o.founded, "gYear")))
    guests = [w.leader[_state_key(s)] for s in rng.sample(member_states,
                                                          min(len(member_states), rng.randint(2, 6)))
              if s != host]
    if guests:
        facts = []
        for p in guests:
            facts += [(summit, "participant", p.key), *b.office(p)]
        styled = [b.styled(p) for p in guests]
        text = ", ".join(styled[:-1]) + (f" and {styled[-1]}" if len(styled) > 1 else styled[0])
        b.say(f"{text} {'are' if len(guests) > 1 else 'is'} taking part in the summit.",
              "participant:cue", *facts)
    head = w.leader[org]
    if rng.random() < 0.4:
        b.say(f"{b.styled(head)} also attended the meeting.", "participant:cue",
              (summit, "participant", head.key), *b.office(head))
    b.filler(rng.randint(2, 4))
    b.paragraph()
    if rng.random() < 0.6:
        decl = b.doc("Declaration", f"{city_name} Declaration")
        b.say(f"The leaders are expected to adopt the {city_name} Declaration at the end of "
              "the summit.", "doc:adoptedAt", (decl, "adoptedAt", summit))
    if rng.random() < 0.5 and len(guests) >= 1:
        topic = rng.choice(_TOPICS)
        agr = b.doc("Agreement", f"agreement on {topic}")
        other = guests[0].of
        b.say(f"{host_name} and {w.states[other[6:]].name} signed an agreement on {topic}.",
              "doc:signedAt", (agr, "signedAt", summit), (agr, "signatory", b.state(host)),
              (agr, "signatory", other))
    if rng.random() < 0.3:
        n = rng.randint(5, 30)
        pkg = b.doc("AgreementPackage", f"package of {n} joint documents")
        b.say(f"The summit will see the signing of a package of {n} joint documents.",
              "doc:package", (pkg, "signedAt", summit), (pkg, "documentCount",
                                                         _lit(str(n), "integer")))
    if guests and rng.random() < 0.4:
        p = guests[-1]
        a, c = host_leader.name.split()[-1], p.name.split()[-1]
        talks = b.event("Meeting", f"talks-{slugify(a)}-{slugify(c)}",
                        f"talks between {a} and {c}")
        b.say(f"On the sidelines, {host_leader.name} held talks with {p.name}.", "event:sideline",
              (talks, "partOf", summit), (talks, "participant", host_leader.key),
              (talks, "participant", p.key), (talks, "location", city),
              (talks, "startDate", _lit(start.isoformat(), "date")), (talks, "status", status))
    b.filler(rng.randint(3, 5))
    return headline


def _visit(b: _Builder, published: _dt.date) -> str:
    w, rng = b.w, b.rng
    guest_iso, host_iso = rng.sample(sorted(w.capital), 2)
    guest, host = w.leader[_state_key(guest_iso)], w.leader[_state_key(host_iso)]
    host_name = w.states[host_iso].name
    city = b.capital(host_iso)
    city_name = b.entities[city].label
    day = published - _dt.timedelta(days=rng.randint(0, 2))
    status = _status(day, published)
    g_last, h_last = guest.name.split()[-1], host.name.split()[-1]
    visit = b.event("Visit", f"visit-{slugify(guest.name)}-{slugify(host_name)}",
                    f"{g_last}'s visit to {host_name}", f"visit to {city_name}")
    talks = b.event("Meeting", f"talks-{slugify(g_last)}-{slugify(h_last)}",
                    f"talks between {g_last} and {h_last}")
    headline = rng.choice((f"{g_last} visits {host_name} for talks with {h_last}",
                           f"{w.states[guest_iso].name} and {host_name} deepen ties as "
                           f"{g_last} arrives in {city_name}"))
    b.say(f"{b.styled(guest)} arrived in {city_name} on {_date_text(day)} for an official visit "
          f"to {host_name}.", "visit:arrived",
          (visit, "participant", guest.key), (visit, "location", city),
          (visit, "hostCountry", b.state(host_iso)),
          (visit, "startDate", _lit(day.isoformat(), "date")), (visit, "status", status),
          *b.office(guest))
    b.say(f"{g_last} held talks with {b.styled(host)} at the presidential palace.",
          "meeting:talks", (talks, "participant", guest.key), (talks, "participant", host.key),
          (talks, "location", city), (talks, "startDate", _lit(day.isoformat(), "date")),
          (talks, "partOf", visit), (talks, "status", status), *b.office(host))
    b.filler(rng.randint(3, 5))
    b.paragraph()
    if rng.random() < 0.7:
        topic = rng.choice(_TOPICS)
        agr = b.doc("Agreement" if rng.random() < 0.7 else "Declaration",
                    f"{'agreement' if rng.random() < 0.5 else 'memorandum'} on {topic}")
        b.say(f"The two leaders signed an agreement on {topic}.", "doc:signedAt",
              (agr, "signedAt", talks), (agr, "signatory", guest.key),
              (agr, "signatory", host.key))
    minister = w.officials[_state_key(guest_iso)][0]
    if rng.random() < 0.6:
        b.say(f"{g_last} was accompanied by {b.styled(minister)}.", "office:holder-title-name",
              (visit, "participant", minister.key), *b.office(minister))
    shared = sorted(set(w.memberships[guest_iso]) & set(w.memberships[host_iso]))
    if shared and rng.random() < 0.5:
        acr = rng.choice(shared)
        org = b.org(acr)
        b.say(f"Both countries are members of the {w.orgs[acr].name}.", "member:cue",
              (b.state(guest_iso), "memberOf", org), (b.state(host_iso), "memberOf", org))
    b.filler(rng.randint(3, 5))
    return headline


def _talks(b: _Builder, published: _dt.date) -> str:
    w, rng = b.w, b.rng
    a_iso, c_iso = rng.sample(sorted(w.capital), 2)
    fa, fc = w.officials[_state_key(a_iso)][0], w.officials[_state_key(c_iso)][0]
    venue = rng.choice((a_iso, c_iso, rng.choice(sorted(w.capital))))
    city = b.capital(venue)
    city_name = b.entities[city].label
    day = published - _dt.timedelta(days=rng.randint(0, 3))
    a_last, c_last = fa.name.split()[-1], fc.name.split()[-1]
    talks = b.event("Meeting", f"talks-{slugify(a_last)}-{slugify(c_last)}",
                    f"talks between {a_last} and {c_last}")
    status = _status(day, published)
    headline = (f"{w.states[a_iso].name} and {w.states[c_iso].name} foreign ministers meet in "
                f"{city_name}")
    b.say(f"{b.styled(fa)} met his counterpart {b.styled(fc)} in {city_name} on "
          f"{_date_text(day)}.", "meeting:talks",
          (talks, "participant", fa.key), (talks, "participant", fc.key),
          (talks, "location", city), (talks, "startDate", _lit(day.isoformat(), "date")),
          (talks, "status", status), *b.office(fa), *b.office(fc))
    b.filler(rng.randint(3, 5))
    b.paragraph()
    if rng.random() < 0.5:
        topic = rng.choice(_TOPICS)
        mou = b.doc("Agreement", f"memorandum of understanding on {topic}")
        b.say(f"The ministers signed a memorandum of understanding on {topic}.", "doc:signedAt",
              (mou, "signedAt", talks), (mou, "signatory", b.state(a_iso)),
              (mou, "signatory", b.state(c_iso)))
    shared = sorted(set(w.memberships[a_iso]) & set(w.memberships[c_iso]))
    if shared and rng.random() < 0.5:
        acr = rng.choice(shared)
        b.org(acr)
        b.say(f"They also discussed preparations for the next meeting of the {acr}.")
    b.filler(rng.randint(3, 5))
    return headline


_KINDS = ((_summit, 0.5), (_visit, 0.25), (_talks, 0.25))


def _plan(seed: int, index: int) -> _Plan:
    world = _world(seed)
    rng = random.Random(f"{seed}/{index}")
    article_id = f"syn-{index:07d}"
    published = _dt.date(2015, 1, 1) + _dt.timedelta(days=rng.randrange(11 * 365))
    b = _Builder(world, rng, article_id)
    kind = rng.choices([k for k, _ in _KINDS], weights=[w for _, w in _KINDS])[0]
    headline = kind(b, published)
    return _Plan(article_id, headline, published, [p for p in b.paragraphs if p], b.entities)


def _layout(plan: _Plan) -> tuple[str, list[tuple[_Sentence, int, int]]]:
    """The article text and each sentence's character span in it."""
    parts, spans, pos = [plan.headline, "\n\n"], [], len(plan.headline) + 2
    for i, para in enumerate(plan.paragraphs):
        if i:
            parts.append("\n\n")
            pos += 2
        for j, sent in enumerate(para):
            if j:
                parts.append(" ")
                pos += 1
            spans.append((sent, pos, pos + len(sent.text)))
            parts.append(sent.text)
            pos += len(sent.text)
    parts.append("\n")
    return "".join(parts), spans


# --------------------------------------------------------------------------- output
@dataclass(frozen=True)
class SynthArticle:
    """One synthetic article: its id, publication date and text (first line the headline)."""

    article_id: str
    published: _dt.date
    text: str


def _term(value: str) -> str:
    return value if value.startswith(('"', "<")) else f"<{_R}{value}>"


def _article_quads(plan: _Plan) -> list[str]:
    text, spans = _layout(plan)
    art = f"<{_R}article/{plan.article_id}>"
    graph = f" {art} .\n"
    a = _DKG
    triples: dict[str, None] = {}

    def add(s: str, p: str, o: str) -> None:
        triples[f"{s} <{p}> {o}"] = None

    add(art, _RDF + "type", f"<{a}Article>")
    add(art, a + "articleId", _lit(plan.article_id))
    add(art, a + "headline", _lit(plan.headline))
    add(art, a + "published", _lit(plan.published.isoformat(), "date"))
    add(art, a + "sha256", _lit(hashlib.sha256(text.encode("utf-8")).hexdigest()))
    for key, ent in plan.entities.items():
        s = f"<{_R}{key}>"
        add(s, _RDF + "type", f"<{a}{ent.cls}>")
        add(s, _RDFS + "label", _lit(ent.label))
        for alt in ent.alts:
            add(s, _SKOS + "altLabel", _lit(alt))
        if ent.qid:
            add(s, _OWL + "sameAs", f"<{_WD}{ent.qid}>")
        add(s, a + "mentionedIn", art)
    for sent, start, end in spans:
        for subj, prop, obj in sent.facts:
            s, o = _term(subj), _term(obj)
            add(s, a + prop, o)
            digest = hashlib.sha1("\x1f".join((s, prop, o, str(start), str(end), sent.rule))
                                  .encode("utf-8")).hexdigest()[:16]
            ev = f"<{_R}evidence/{plan.article_id}/{digest}>"
            add(ev, _RDF + "type", f"<{a}Evidence>")
            add(ev, _RDF + "subject", s)
            add(ev, _RDF + "predicate", f"<{a}{prop}>")
            add(ev, _RDF + "object", o)
            add(ev, a + "fromArticle", art)
            add(ev, a + "sentence", _lit(sent.text))
            add(ev, a + "charStart", _lit(str(start), "integer"))
            add(ev, a + "charEnd", _lit(str(end), "integer"))
            add(ev, a + "rule", _lit(sent.rule))
    return [t + graph for t in triples]


def synth_nquads(triples: int, *, seed: int = DEFAULT_SEED) -> Iterator[str]:
    """N-Quads lines of whole synthetic articles, stopping at the first article boundary
    at or past ``triples`` lines (one line per quad; every quad is in an article graph)."""
    count, index = 0, 0
    while count < triples:
        lines = _article_quads(_plan(seed, index))
        count += len(lines)
        index += 1
        yield from lines


def write_nquads(path: str | Path, triples: int, *, seed: int = DEFAULT_SEED) -> tuple[int, int]:
    """Write :func:`synth_nquads` to ``path``; returns ``(quads, articles)``."""
    quads = 0
    articles: set[str] = set()
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for line in synth_nquads(triples, seed=seed):
            f.write(line)
            quads += 1
            articles.add(line.rsplit(" ", 2)[-2])
    return quads, len(articles)


def synth_dataset(triples: int, *, seed: int = DEFAULT_SEED):
    """The synthetic corpus as an :class:`rdflib.Dataset` (for small sizes and tests)."""
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data="".join(synth_nquads(triples, seed=seed)), format="nquads")
    return ds


def synth_articles(n: int, *, seed: int = DEFAULT_SEED) -> list[SynthArticle]:
    """The texts of the first ``n`` synthetic articles (the ones :func:`synth_nquads` describes)."""
    out = []
    for i in range(n):
        plan = _plan(seed, i)
        out.append(SynthArticle(plan.article_id, plan.published, _layout(plan)[0]))
    return out


def write_articles(folder: str | Path, n: int, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write :func:`synth_articles` as ``<folder>/<id>.txt`` files; returns their paths.

    The file names carry no date; pass ``--published`` per article or rely on the
    explicit dates the texts give (every date in them has its year).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for art in synth_articles(n, seed=seed):
        p = folder / f"{art.article_id}.txt"
        p.write_text(art.text, encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    what = ap.add_mutually_exclusive_group(required=True)
    what.add_argument("--triples", type=int, help="write an N-Quads corpus of about this many quads")
    what.add_argument("--articles", type=int, help="write this many article .txt files")
    ap.add_argument("-o", "--output", type=Path, required=True,
                    help="N-Quads file (--triples) or folder (--articles)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    if args.triples is not None:
        quads, arts = write_nquads(args.output, args.triples, seed=args.seed)
        print(f"{args.output}: {quads} quads in {arts} article graphs (seed {args.seed})")
    else:
        paths = write_articles(args.output, args.articles, seed=args.seed)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
        print(f"{args.output}: {len(paths)} articles, {words} words (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
