"""Relation rules over masked sentences.

Each sentence is rewritten with its mentions replaced by placeholders
(``⟦S3⟧`` a state, ``⟦P7⟧`` a person, ``⟦A2⟧`` a document …), so that the rules
are short regular expressions over the structure of English news sentences
rather than over particular names. Every fact records the sentence and rule
that produced it (:class:`~kg.model.Evidence`).
"""
from __future__ import annotations

import datetime as _dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Entity, Evidence, Extraction, Fact
from ..reference import fold, reference
from ..sources import Article, slugify
from . import lexicon as L
from . import rx
from .dates import MONTHS, DateMention, safe_date, find_dates, infer_year, resolve, WEEKDAYS
from .mentions import OPENERS, Mention, without_article

__all__ = ["extract_relations"]

_SLOT = rx.compile(r"⟦([A-Z])(\d+)⟧")


@dataclass
class Sentence:
    idx: int
    start: int
    end: int
    text: str
    masked: str = ""
    slots: dict[int, Mention] = field(default_factory=dict)  # mention index -> mention
    dates: list[DateMention] = field(default_factory=list)
    events: list[tuple[str, int]] = field(default_factory=list)  # (event key, masked position)


@dataclass
class Event:
    key: str
    type: str
    label: str
    names: set[str] = field(default_factory=set)
    organizer: str | None = None
    location: Counter = field(default_factory=Counter)
    host: str | None = None
    start: _dt.date | None = None
    end: _dt.date | None = None
    date_rank: int = 9
    participants: dict[str, Evidence] = field(default_factory=dict)
    part_of: str | None = None
    theme: str | None = None
    votes: Counter = field(default_factory=Counter)
    sentences: list[int] = field(default_factory=list)
    persons: tuple[str, ...] = ()  # visitor / bilateral pair
    day_offset: int | None = None
    end_hint: _dt.date | None = None  # the day it ended, as told ("ended on Saturday")
    end_rank: int = 9
    ordinal: int | None = None  # "the 45th summit": another ordinal is another summit
    evidence: Evidence | None = None
    support: dict[str, Evidence] = field(default_factory=dict)  # "location:<key>", "date", "host", ...

    def note(self, what: str, ev: Evidence) -> None:
        """Remember the first sentence that supports ``what``."""
        self.support.setdefault(what, ev)


@dataclass
class Doc:
    key: str
    type: str
    label: str
    names: set[str] = field(default_factory=set)
    count: int | None = None
    events: dict[str, tuple[str, Evidence]] = field(default_factory=dict)
    signatories: dict[str, Evidence] = field(default_factory=dict)
    evidence: Evidence | None = None
    #: "the five presidents signed it": (5, "president", evidence), resolved once participants are known
    group: tuple | None = None


class _Run:
    """State of one article's extraction."""

    def __init__(self, article: Article, doc, mentions: list[Mention], today: _dt.date | None):
        self.article = article
        self.doc = doc
        self.text = article.text
        self.ref = reference()
        self.mentions = list(mentions)
        self.today = today
        self.entities: dict[str, Entity] = {}
        self.facts: dict[tuple, Fact] = {}
        self.person_of: dict[int, str] = {}  # person mention index -> person key
        self.offices: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)  # person -> (holder, title, leader)
        self.events: dict[str, Event] = {}
        self.docs: dict[str, Doc] = {}
        self.sentences: list[Sentence] = []
        self.last_event: str | None = None
        #: organ entity key -> the meeting of that organ the article reports
        self.organ_events: dict[str, str] = {}
        self.last_org: str | None = None
        self.last_doc: dict[str, str] = {}
        self.city_of: dict[str, object] = {}  # city entity key -> reference City
        #: the article's own date: its publication date, else the date of its dateline
        self.anchor: _dt.date | None = article.published
        #: the year inferred for an undated article (None when dated or unknown)
        self.year: int | None = None

    # -- bookkeeping --------------------------------------------------------------------
    def ev(self, sent: Sentence, rule: str, start: int | None = None, end: int | None = None) -> Evidence:
        return Evidence(start if start is not None else sent.start, end if end is not None else sent.end,
                        sent.start, sent.end, rule)

    def add_fact(self, s: str, p: str, o, ev: Evidence | None) -> None:
        if s == o:
            return
        key = (s, p, o)
        if key not in self.facts:
            self.facts[key] = Fact(s, p, o, ev)

    def mention_entity(self, m: Mention, idx: int | None = None) -> str | None:
        """Create (or find) the entity a mention names; returns its key."""
        ev = Evidence(m.start, m.end, m.start, m.end, f"mention:{m.source}")
        if m.kind in "SD":
            st = self.ref.state(m.ref)
            key = f"state/{st.iso3}"
            e = self.entities.get(key) or Entity(key, "State", st.name, wikidata=st.wikidata)
            if m.kind == "S":
                e.add_name(m.text)
        elif m.kind == "O" and m.ref.startswith("~"):
            name, _, acronym = m.ref[1:].partition("|")  # an organization no reference row holds
            key = f"org/{slugify(acronym or name)}"
            e = self.entities.get(key) or Entity(key, "InternationalOrganization", name)
            e.add_name(m.text)
            if acronym:
                e.add_name(acronym)
        elif m.kind == "O":
            org = self.ref.org(m.ref)
            key = f"org/{slugify(org.acronym.replace('+', ' plus'))}"  # OPEC+ is not OPEC
            e = self.entities.get(key) or Entity(key, "InternationalOrganization", org.name,
                                                 wikidata=org.wikidata)
            e.add_name(m.text)
            if org.acronym != org.name:
                e.add_name(org.acronym)
        elif m.kind == "C":
            city = self.ref.cities[m.ref]
            key = f"place/{slugify(city.name)}-{city.country.lower()}"
            self.city_of[key] = city
            e = self.entities.get(key) or Entity(key, "City", city.name, wikidata=city.wikidata)
            e.add_name(m.text)
        elif m.kind == "R":
            key = f"place/{slugify(m.text)}"
            e = self.entities.get(key) or Entity(key, "Region", m.text)
        elif m.kind == "G":
            name = m.ref[1:].split("|")[0] if m.ref.startswith("~") else m.text  # ("CFM" is its acronym)
            key = f"organ/{slugify(name)}"
            e = self.entities.get(key) or Entity(key, "Organ", name)
        elif m.kind == "P":
            key = self.person_of.get(idx) if idx is not None else None
            if key is None:
                return None
            e = self.entities[key]
            if not m.source.startswith("anaphor"):
                e.add_name(m.text)
        else:
            return None
        if m.source.startswith("anaphor"):
            return key
        if not e.mentions or e.mentions[-1] != ev:
            if ev not in e.mentions:
                e.mentions.append(ev)
        self.entities[key] = e
        return key

    def key_of(self, idx: int) -> str | None:
        m = self.mentions[idx]
        if m.kind == "P":
            return self.person_of.get(idx)
        if m.kind == "D":
            st = self.ref.state(m.ref)
            return f"state/{st.iso3}"
        return self.mention_entity(m, idx)

    def ensure(self, key: str, idx: int) -> str:
        """Make sure the entity of mention ``idx`` exists (demonyms create states lazily)."""
        if key not in self.entities:
            m = self.mentions[idx]
            st = self.ref.state(m.ref)
            self.entities[key] = Entity(key, "State", st.name, wikidata=st.wikidata,
                                        mentions=[Evidence(m.start, m.end, m.start, m.end, "mention:demonym")])
        return key


# ---------------------------------------------------------------------------------------------
def extract_relations(article: Article, doc, mentions: list[Mention], *,
                      today: _dt.date | None = None) -> Extraction:
    """Run every rule over ``doc`` and return the article's :class:`Extraction`."""
    run = _Run(article, doc, mentions, today)
    _cluster_persons(run)
    for m_idx, m in enumerate(run.mentions):
        if m.kind in "SOCRG":
            run.mention_entity(m, m_idx)
    _split_sentences(run)
    year = _article_year(run)
    run.year = year
    run.anchor = run.article.published or _dateline_date(run, year)
    for sent in run.sentences:
        _offices(run, sent)
    for sent in run.sentences:
        _counterparts(run, sent)
        if "who " in sent.masked:
            _who_clauses(run, sent)
    for sent in run.sentences:
        _office_anaphors(run, sent)
    for sent in run.sentences:
        _capitals(run, sent)
        _memberships(run, sent)
        _founded(run, sent)
    _pronouns(run)
    for sent in run.sentences:
        _events(run, sent)
    _bare_leaders(run)
    for sent in run.sentences:
        _documents(run, sent)
    for sent in run.sentences:
        _event_details(run, sent, year)
    _finish_events(run)
    _finish_documents(run)
    # a leader of X is not also one of X's other officials ("Crown Prince ... and prime minister")
    for (s_, p_, o_) in [k for k in run.facts if k[1] == "officialOf"]:
        if (s_, "leaderOf", o_) in run.facts:
            del run.facts[(s_, p_, o_)]
    ext = Extraction(article=article, entities=dict(run.entities), extractor="rules")
    ext.facts = sorted(run.facts.values(), key=lambda f: (f.subject, f.predicate, str(f.obj)))
    return ext


# -- persons -----------------------------------------------------------------------------------
def _name_tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s]+", fold(name).replace("’", "'")) if t]


def _cluster_persons(run: _Run) -> None:
    people = [(i, m) for i, m in enumerate(run.mentions) if m.kind == "P"]
    clusters: list[tuple[list[str], str]] = []  # (tokens of longest name, key)
    for i, m in sorted(people, key=lambda im: (-len(_name_tokens(im[1].text)), im[0])):
        toks = _name_tokens(m.text)
        if not toks:
            continue
        found = None
        for ctoks, key in clusters:
            if set(toks) <= set(ctoks) or (len(toks) == 1 and any(
                    t.split("-")[0] == toks[0] or without_article(t) == toks[0] for t in ctoks)):
                found = key
                break
        if found is None:
            found = f"person/{slugify(m.text)}"
            clusters.append((toks, found))
            run.entities[found] = Entity(found, "Person", " ".join(m.text.split()))
        run.person_of[i] = found
        e = run.entities[found]
        e.add_name(m.text)
        e.mentions.append(Evidence(m.start, m.end, m.start, m.end, f"mention:{m.source}"))


_MONTHS_RX = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December)")


# -- sentences and masking ---------------------------------------------------------------------
#: a name's suffix the parser took for an abbreviation, before a sentence's first word
_AFTER_SUFFIX = rx.compile(rf"\b(?:Jr|Sr)\.\s+(?=(?:{'|'.join(sorted(OPENERS))}|He|She|They|It)\b)")


def _split_sentences(run: _Run) -> None:
    text = run.text
    spans = []
    for s in run.doc.sents:
        start = s.start_char
        for m in re.finditer(r"\n+", text[s.start_char:s.end_char]):
            cut = s.start_char + m.start()
            if text[start:cut].strip():
                spans.append((start, cut))
            start = s.start_char + m.end()
        if text[start:s.end_char].strip():
            spans.append((start, s.end_char))
    # "... President Ferdinand Marcos Jr. After his talks with Anwar, ...": a sentence ends after a
    # name's suffix that the parser took for an abbreviation
    cut_spans = []
    for s, e in spans:
        for m in _AFTER_SUFFIX.finditer(text, s, e):
            cut_spans.append((s, m.start() + 3))  # (up to "Jr.")
            s = m.end()
        cut_spans.append((s, e))
    spans = cut_spans
    # never split inside a mention; headline is its own sentence
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and any(m.start < s < m.end for m in run.mentions):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    ordered = list(enumerate(run.mentions))
    for n, (s, e) in enumerate(merged):
        sent = Sentence(n, s, e, text[s:e])
        inside = [(i, m) for i, m in ordered if m.start >= s and m.end <= e]
        sent.dates = [d for d in find_dates(text[s:e], s)
                      if not any(m.start < d.end and d.start < m.end for _, m in inside)]
        parts, pos = [], s
        items = sorted([(m.start, m.end, f"⟦{m.kind}{i}⟧", i) for i, m in inside])
        for ms, me, ph, i in items:
            if ms < pos:
                continue
            parts.append(text[pos:ms])
            parts.append(ph)
            sent.slots[i] = run.mentions[i]
            pos = me
        parts.append(text[pos:e])
        sent.masked = " ".join("".join(parts).split())
        run.sentences.append(sent)


def _slots(masked: str, kinds: str | None = None) -> list[tuple[str, int, int]]:
    """(kind, mention index, position) of the placeholders in ``masked``."""
    return [(m.group(1), int(m.group(2)), m.start()) for m in _SLOT.finditer(masked)
            if kinds is None or m.group(1) in kinds]


#: ", and Italy's prime minister, Giorgia Meloni, at ...": the last item of a list, not a clause
_LIST_END = (r"(?!\s+(?:the\s+)?(?:⟦[SDO]\d+⟧\s*(?:'s|’s)?\s+)?(?:[A-Za-z-]+(?:\s+|\s*,\s*)){0,3}⟦P\d+⟧\s*"
             r"(?:,|\.|;|$|\s+(?:at|in|on|to|were|was|for)\b))")


_SHORT_BRACKETS = rx.compile(r"\((?:⟦[A-Z]\d+⟧|[A-Z][\w.&-]{1,9})\)")


#: a semicolon list of titled names, as official readouts write the leaders present
_LIST_SEMICOLON = rx.compile(rf"\s*(?:and\s+)?{L.HONORIFIC}(?:(?:[\w-]+\s+){{0,3}}?)⟦P\d+⟧")
_LIST_INTRO = rx.compile(r"\battended by\b|\binclud(?:ed|ing|e)\b|\bpresent\s+were\b|:\s", re.I)


def _clauses(masked: str, *, coord: bool = True) -> list[tuple[int, int]]:
    bounds, start = [], 0
    rx = r";|\bbut\b|\bwhile\b|\bwhereas\b|,\s+with\b|\(|\)" + (r"|, and\b" + _LIST_END if coord else "")
    # a name's acronym in brackets ("Ersin Tatar, president of the TRNC (TRNC), joined") is no clause
    short = [m.span() for m in _SHORT_BRACKETS.finditer(masked)]
    for m in re.finditer(rx, masked):
        if any(a <= m.start() < b for a, b in short):
            continue
        if m.group() == ";" and _LIST_SEMICOLON.match(masked, m.end()) and \
                _LIST_INTRO.search(masked, 0, m.start()):
            continue  # "attended by King A, King of X; Emir B, Amir of Y; and ...": one list
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(masked)))
    return bounds


def _clause_of(masked: str, pos: int) -> str:
    for s, e in _clauses(masked):
        if s <= pos <= e:
            return masked[s:e]
    return masked


# -- offices ------------------------------------------------------------------------------------
_HOLDER = L.slot("SDO", "h")
_PERSON = L.slot("P", "p")
#: a person placeholder as ``L.slot("P")`` matches it, also under re.I: the cheap test
#: that lets a sentence skip the patterns needing one (or two)
_P_SLOT = rx.compile(r"⟦[Pp]\d+⟧")
_HON = L.HONORIFIC
#: a state, demonym or organization placeholder that names a person's office ("US President
#: ⟦P⟧", "Somali Foreign Minister ⟦P⟧", "UN Secretary-General ⟦P⟧"): the person acts, not the holder
_NAMES_OFFICE = rx.compile(rf"⟦[SDO]\d+⟧\s*{L.POSS}?\s+{L.TITLE}\s*,?\s*{_HON}⟦P", re.I)
#: a title that starts the next name of a list ("Tamim, Bahraini King Hamad") is not an apposition
_NOT_NEXT = rf"(?!\s*,?\s*{_HON}⟦P)"
_OFFICE_PATTERNS = [
    ("office:holder-title-name", rx.compile(rf"{_HOLDER}\s*{L.POSS}?\s+(?:Commission\s+|Secretariat\s+)?{L.TITLE}\s*,?\s+{_HON}{_PERSON}", re.I)),
    ("office:title-of-holder-name", rx.compile(rf"{L.TITLE}\s+of\s+(?:the\s+)?{L.slot('SO', 'h')}\s*,?\s+{_HON}{_PERSON}", re.I)),
    ("office:name-holder-title", rx.compile(rf"{_PERSON}\s*,\s+(?:the\s+|a\s+)?{_HOLDER}\s*{L.POSS}?\s+{L.TITLE}\b{_NOT_NEXT}", re.I)),
    ("office:name-title-of-holder", rx.compile(rf"{_PERSON}\s*,\s+(?:the\s+|a\s+)?{L.TITLE}\s+of\s+(?:the\s+)?{L.slot('SO', 'h')}{_NOT_NEXT}", re.I)),
    ("office:title-name-of-holder", rx.compile(rf"(?<![⟧\w])\s*{L.TITLE}\s+{_HON}{_PERSON}\s*,?\s+of\s+(?:the\s+)?{L.slot('SO', 'h')}", re.I)),
    ("office:title-name", rx.compile(rf"(?<![⟧\w])\s*{L.TITLE}\s+{_HON}{_PERSON}", re.I)),
]


#: "Presidents A of Ghana and B of Ivory Coast": one title for a list of holders
_PLURAL_TITLE = rx.compile(r"\b(?P<title>(?:(?:Vice|Deputy|Foreign|Prime|Defen[cs]e)\s+)?(?:President|Minister|King|Emir|"
                           r"Chancellor|Premier)s)\s+(?=⟦P)")
_PLURAL_ITEM = rx.compile(rf"(?:\s*,\s*|\s*,?\s+and\s+)?{_HON}⟦P(?P<p>\d+)⟧(?:\s*,?\s+of\s+(?:the\s+)?{L.slot('S', 'h')})?")


def _plural_offices(run: _Run, masked: str, sent: Sentence, done: set[int]) -> None:
    for m in _PLURAL_TITLE.finditer(masked):
        title = m.group("title")[:-1]
        items, pos = [], m.end()
        # (only the names given with their state: "Presidents Putin and Xi" names none, and
        # the bare-title rules see them)
        while (it := _PLURAL_ITEM.match(masked, pos)) is not None and it.group("h"):
            items.append(it)
            pos = it.end()
        for it in items:
            p_idx = int(it.group("p"))
            if p_idx in run.person_of and p_idx not in done:
                _record_office(run, sent, p_idx, int(it.group("h")), title, "office:plural-title")
                done.add(p_idx)


#: "Iran, Türkiye and Egypt were represented by their foreign ministers, A, B and C respectively"
_RESPECTIVELY = rx.compile(
    r"(?P<states>(?:the\s+)?⟦S\d+⟧(?:\s*(?:,|and|, and)\s+(?:the\s+)?⟦S\d+⟧)+)[^.;⟦]{0,60}?\b(?:their|by)\s+"
    r"(?P<title>(?:(?:vice|deputy|foreign|prime|defen[cs]e|finance|trade|economy)\s+)?(?:president|minister|king|emir|"
    r"chancellor|premier|ambassador|envoy)s)\s*,?\s+(?P<people>⟦P\d+⟧(?:\s*(?:,|and|, and)\s+⟦P\d+⟧)+)\s*,?\s+"
    r"respectively\b", re.I)


def _respective_offices(run: _Run, sent: Sentence, done: set[int]) -> None:
    for m in _RESPECTIVELY.finditer(sent.masked):
        states = [i for _, i, _ in _slots(m.group("states"), "S")]
        people = [i for _, i, _ in _slots(m.group("people"), "P")]
        if len(states) != len(people):
            continue
        for s_idx, p_idx in zip(states, people):
            if p_idx in run.person_of and p_idx not in done:
                _record_office(run, sent, p_idx, s_idx, m.group("title")[:-1], "office:respectively")
                done.add(p_idx)


#: "Bola Tinubu, who chairs the 15-nation bloc": the chair of an organization leads it
_CHAIRS = rx.compile(r"⟦P(?P<p>\d+)⟧\s*,\s+who\s+(?:currently\s+|also\s+|now\s+)?(?:chairs|heads|leads)\s+"
                     r"(?:the\s+)?(?:[\w-]+\s+)?(?:⟦O(?P<o>\d+)⟧|(?P<ana>bloc|organi[sz]ation|alliance|grouping|union))\b")


def _who_clauses(run: _Run, sent: Sentence) -> None:
    """Offices stated in a relative clause: "X, who is also <state>'s prime minister",
    "X, who chairs the bloc"."""
    for m in _WHO_IS.finditer(sent.masked):
        if int(m.group("p")) in run.person_of:
            _record_office(run, sent, int(m.group("p")), int(m.group("h")), m.group("title"), "office:who-is")
    for m in _CHAIRS.finditer(sent.masked):
        person = run.person_of.get(int(m.group("p")))
        org = run.key_of(int(m.group("o"))) if m.group("o") else _org_before(run, sent, m.start())
        if person and org and run.entities.get(org) and run.entities[org].type == "InternationalOrganization":
            run.add_fact(person, "leaderOf", org, run.ev(sent, "office:who-chairs"))


#: "Prince Mohammed, who is also Saudi Arabia's prime minister"
_WHO_IS = rx.compile(rf"⟦P(?P<p>\d+)⟧\s*,\s+who\s+is\s+(?:also\s+|now\s+|currently\s+)?(?:the\s+)?{L.slot('SD', 'h')}\s*"
                     rf"{L.POSS}?\s+{L.TITLE}\b", re.I)


_SEAT_TITLE = rx.compile(rf"⟦G(?P<g>\d+)⟧\s+{L.TITLE}\s*,?\s+{_HON}{_PERSON}", re.I)


def _offices(run: _Run, sent: Sentence) -> None:
    masked = sent.masked
    if not _P_SLOT.search(masked):
        return  # every office pattern needs a person placeholder (and these cost)
    done: set[int] = set()
    if "s ⟦P" in masked:
        _plural_offices(run, masked, sent, done)
    if "respectively" in masked:
        _respective_offices(run, sent, done)
    # "Kremlin spokesman Dmitry Peskov": the seat of government stands for its state
    for m in _SEAT_TITLE.finditer(masked):
        g, p_idx = run.mentions[int(m.group("g"))], int(m.group("p"))
        iso3 = L.SEATS.get(g.text.lower())
        if iso3 is None or p_idx not in run.person_of or iso3 not in run.ref.states:
            continue
        run.mentions.append(Mention(g.start, g.end, "D", iso3, g.text, "metonymy"))
        _record_office(run, sent, p_idx, len(run.mentions) - 1, m.group("title"), "office:seat-title-name")
        done.add(p_idx)
    for rule, rx in _OFFICE_PATTERNS:
        for m in rx.finditer(masked):
            p_idx = int(m.group("p"))
            if p_idx in done or p_idx not in run.person_of:
                continue
            title = m.group("title")
            if re.search(r"\b(?:former|ex-|late|then-)\s*$", masked[max(0, m.start() - 14):m.start()], re.I):
                title = "former " + title
            if re.search(r"\bopposition\s*$", masked[max(0, m.start("title") - 14):m.start("title")], re.I):
                continue  # "Kenyan opposition leader Raila Odinga" holds no office of Kenya
            if rule == "office:title-name":
                # bare title: the holder is the nearest state named before it in the clause
                before = masked[:m.start("title")]
                clause_start = max(before.rfind(";"), before.rfind(". "))
                zone = before[clause_start + 1:]
                # a state that names another person's office ("Somali Foreign Minister X") is not this one's,
                # nor one someone goes to ("After his visit to Poland, Prime Minister X") or one of two
                # ("India and Ghana signed ... as Prime Minister X held talks")
                cands = [s for s in _slots(zone, "SD") if not _NAMES_OFFICE.match(zone, s[2])
                         and not _not_holder(zone, s[2])]
                holder = cands[-1][1] if cands else None
                # (the title just before the last name: a title is short, so look only that far back)
                if holder is not None and re.search(L.TITLE + r"\s*,?\s*⟦P\d+⟧\s*$", before[:before.rfind("⟦")][-160:], re.I):
                    holder = None
                if holder is not None:
                    tail = before[before.rfind("⟦"):]
                    if re.match(r"⟦[SD]\d+⟧\s*(?:'s|’s)?\s+" + L.TITLE, masked[m.start("title") - len(tail):], re.I):
                        holder = None
            else:
                holder = int(m.group("h"))
            _record_office(run, sent, p_idx, holder, title, rule)
            done.add(p_idx)


_PAIR_FIRST = rx.compile(r"⟦[SD]\d+⟧\s+and\s+(?:the\s+)?⟦[SD]")
_PAIR_SECOND = rx.compile(r"⟦[SD]\d+⟧\s+and\s+(?:the\s+)?$")
#: a city named for its airport ("landed at Orly airport"): where one arrives, not where the event is
_AIRPORT_AFTER = rx.compile(r"\s+(?:[A-Z][\w'’-]+\s+){0,2}(?:[Aa]irport|[Aa]ir\s+[Bb]ase|[Aa]irfield)\b")
_ARRIVED_IN = rx.compile(r"\b(?:arriv(?:ed|es|ing)|land(?:ed|s|ing)|flew|fl(?:y|ies)|travel(?:l)?(?:ed|s|ing))\s+"
                         r"(?:in|to|into)\s+(?:the\s+)?$", re.I)
_GONE_TO = rx.compile(r"\b(?:to|into|toward|towards|visit(?:ed|ing|s)?)\s+(?:the\s+)?$", re.I)


def _not_holder(zone: str, pos: int) -> bool:
    """Whether the state at ``pos`` cannot hold the office of a bare title after it: one of a
    pair ("India and Ghana signed ... as Prime Minister X held talks"), or the end of a trip
    closed by a comma ("After his visit to Poland, Prime Minister X will travel to Prague")."""
    if _PAIR_FIRST.match(zone, pos) or _PAIR_SECOND.search(zone, 0, pos) or _ARRIVED_IN.search(zone, 0, pos):
        return True  # ("Lavrov arrived in Malta ..., months before President Joe Biden leaves office")
    return bool(_GONE_TO.search(zone, 0, pos)) and bool(re.match(r"⟦[SD]\d+⟧\s*,", zone[pos:]))
_COUNTERPART = rx.compile(rf"⟦P(?P<a>\d+)⟧(?:[^.;⟦]|⟦[SDOCG]\d+⟧){{0,80}}?\b(?:his|her)\s+{L.slot('SD', 'h')}\s+"
                          rf"counterpart\s*,?\s+{_HON}⟦P(?P<b>\d+)⟧")


def _counterparts(run: _Run, sent: Sentence) -> None:
    """"Lavrov and his Chinese counterpart Wang Yi": Wang holds Lavrov's office, for China."""
    for m in _COUNTERPART.finditer(sent.masked):
        a, b = run.person_of.get(int(m.group("a"))), run.person_of.get(int(m.group("b")))
        offices = {(t, leader) for (_, t, leader) in run.offices.get(a, ())} if a else set()
        if not b or a == b or len(offices) != 1 or run.offices.get(b):
            continue
        title, _ = offices.pop()
        _record_office(run, sent, int(m.group("b")), int(m.group("h")), title, "office:counterpart")


def _record_office(run: _Run, sent: Sentence, p_idx: int, holder_idx: int | None, title: str, rule: str) -> None:
    person = run.person_of[p_idx]
    if L.NO_OFFICE.search(title) and not re.search(r"-elect|\belect\b", title, re.I):
        return
    tnorm = L.title_case(title)
    ev = run.ev(sent, rule)
    run.add_fact(person, "title", tnorm, ev)
    if holder_idx is None or L.NO_OFFICE.search(title):
        return
    hm = run.mentions[holder_idx]
    holder = run.ensure(run.key_of(holder_idx), holder_idx) if hm.kind == "D" else run.key_of(holder_idx)
    if holder is None:
        return
    head = re.sub(r"^(?:(?:acting|interim|caretaker|new|outgoing|incoming)\s+)+", "", title.strip(), flags=re.I)
    leader = bool(L.LEADER_HEADS.match(head)) and not L.ACTING.search(title)
    if leader and hm.kind == "O" and re.match(r"(?:top |supreme )?leader$", head, re.I):
        leader = False
    run.add_fact(person, "leaderOf" if leader else "officialOf", holder, ev)
    run.offices[person].append((holder, tnorm, leader))


#: two states told as a pair: "India and Ghana", "the Greece-Türkiye council", "between Japan and Malaysia"
_STATE_PAIR = rx.compile(r"⟦[SD](?P<a>\d+)⟧\s*(?:and|[-–/])\s*(?:the\s+)?⟦[SD](?P<b>\d+)⟧")


def _bare_leaders(run: _Run) -> None:
    """"Prime Minister Narendra Modi held talks with Ghanaian President John Mahama" in a story
    that pairs "India and Ghana": a leader's title with no state, in talks with the leader of one
    state of a pair the story tells, leads the other one (news leaves out the outlet's own country)."""
    def led(person: str) -> set[str]:
        return {h for (h, _, leader) in run.offices.get(person, ()) if leader and h.startswith("state/")}
    bare = [f.subject for f in run.facts.values() if f.predicate == "title" and f.subject.startswith("person/")
            and L.LEADER_HEADS.match(str(f.obj).lower()) and not run.offices.get(f.subject)]
    if not bare:
        return
    pairs: Counter = Counter()
    for sent in run.sentences:
        for m in _STATE_PAIR.finditer(sent.masked):
            a, b = run.key_of(int(m.group("a"))), run.key_of(int(m.group("b")))
            if a and b and a != b:
                pairs[frozenset((a, b))] += 1
    for person in dict.fromkeys(bare):
        partners = {q for e in run.events.values() if e.type == "Meeting" and person in e.persons
                    for q in e.persons if q != person}
        theirs = set().union(*(led(q) for q in partners)) if partners else set()
        cands = {st for pair in pairs for st in pair if pair & theirs and st not in theirs}
        taken = {h for p, offs in run.offices.items() if p != person for (h, _, leader) in offs if leader}
        cands -= taken
        rule = "office:two-sides"
        if not (len(theirs) == 1 and len(cands) == 1):
            # "SAN FRANCISCO (AP) — President Joe Biden and Chinese President Xi Jinping met ...": the
            # one leader the story leaves without a state, in talks there, leads the state of its
            # dateline, when no one else is said to lead it
            home = _dateline_state(run)
            if len(set(bare)) != 1 or home is None or home in taken or home not in run.entities or \
                    not any(person in e.persons or person in e.participants for e in run.events.values()):
                continue
            cands, rule = {home}, "office:dateline-state"
        st = cands.pop()
        title = next(str(f.obj) for f in run.facts.values() if f.subject == person and f.predicate == "title")
        tf = run.facts[(person, "title", title)]
        run.add_fact(person, "leaderOf", st, Evidence(tf.evidence.start, tf.evidence.end, tf.evidence.sentence_start,
                                                      tf.evidence.sentence_end, rule))
        run.offices[person].append((st, title, True))


def _city_state(run: _Run, place: str) -> str | None:
    city = run.city_of.get(place)
    st = run.ref.state_by_iso2(city.country) if city is not None else None
    return f"state/{st.iso3}" if st is not None else None


def _visit_country(run: _Run, ev: Event) -> str | None:
    """The country a visit goes to: its host, else the one of all its cities."""
    if ev.host and ev.host.startswith("state/"):
        return ev.host
    states = {_city_state(run, c) for c in ev.location}
    return states.pop() if len(states) == 1 else None


def _visit_cities(run: _Run, ev: Event) -> None:
    """A visit goes to the cities of its country named where the story tells the visit
    ("Xi will leave Belgrade for Budapest, the Hungarian capital, where he will pay a state visit to Hungary")."""
    dest = _visit_country(run, ev)
    if dest is None:
        return
    for idx in sorted(set(ev.sentences)):
        sent = run.sentences[idx]
        for _, i, pos in _slots(sent.masked, "C"):
            c = run.key_of(i)
            before = sent.masked[max(0, pos - 40):pos]
            if c is None or c in ev.location or _city_state(run, c) != dest or \
                    re.search(r"\b(?:leave|leaves|left|leaving|from)\s+$", before) or \
                    _AIRPORT_AFTER.match(sent.masked, sent.masked.index("⟧", pos) + 1) or \
                    not re.search(r"\b(?:in|to|at|into|for|of|visit\w*|tour\w*|reach\w*)\s+(?:the\s+)?"
                                  r"(?:(?:[\w'’-]+|⟦[SD]\d+⟧)\s+){0,3}$", before):
                continue  # (where he goes, not "Moscow would not return": the government)
            ev.location[c] += 1
            ev.note(f"location:{c}", run.ev(sent, "location:visit-city"))
    dateline = _dateline_city(run)
    if not ev.location and dateline and ev.date_rank != 0 and _city_state(run, dateline[0]) == dest:
        ev.location[dateline[0]] += 1  # "PARIS, July 14 - ... a two-day state visit": reported from there
        ev.note(f"location:{dateline[0]}", dateline[1])


def _dateline_state(run: _Run) -> str | None:
    """The state of the dateline's city ("SAN FRANCISCO (AP) —" → the United States)."""
    dateline = _dateline_city(run)
    return _city_state(run, dateline[0]) if dateline else None


_ANAPHOR_OFFICE = rx.compile(
    rf"\b(?:the|its)\s+(?:{L.slot('SD', 'h')}\s*{L.POSS}?\s+)?(?P<t>leader|president|prime minister|premier|"
    rf"chancellor|head of state|top leader|king|emir|crown prince|secretary[- ]general)\b(?:\s+of\s+(?:the\s+)?{L.slot('SO', 'h2')})?(?!\s*,?\s*⟦P)",
    re.I)


#: a capitalized title with no name, as official readouts write it ("On 22 June, Prime Minister held
#: talks", "Prime Minister arrived in"): the article's one holder of that title, as "the Prime Minister"
_BARE_TITLE = rx.compile(
    r"(?:(?<=^)|(?<=[.,;:] )|(?<=\bwhen )|(?<=\bafter )|(?<=\bbefore )|(?<=\bthat )|(?<=\band )|(?<=\bas )|"
    r"(?<=\bwhere )|(?<=\bwhile )|(?<=\bwhich )|(?<=\bthen ))"
    r"(?P<t>Prime Minister|President|Chancellor|Premier)(?=\s+(?:[a-z]|⟦[SCDORG]))")


_REGNAL = rx.compile(r"\s(?:I|II|III|IV|V|VI|VII|VIII|IX|X)$")


def _office_anaphors(run: _Run, sent: Sentence) -> None:
    """"the Russian leader", "the Prime Minister of X" -> a synthetic mention of the office holder."""
    def repl(m: re.Match) -> str:
        h = m.groupdict().get("h") or m.groupdict().get("h2")  # (_BARE_TITLE names no holder)
        t = m.group("t").lower()
        if h is None:
            # "the Prime Minister", "the crown prince": the one person of the article with that title
            if t in ("leader", "top leader", "head of state"):
                return m.group(0)
            cands = {f.subject for f in run.facts.values() if f.predicate == "title" and str(f.obj).lower() == t}
            if not cands and t in ("king", "queen", "emir", "sultan"):
                # "The King has acknowledged ... Charles III said": the one monarch named by a regnal number
                titled = {f.subject for f in run.facts.values() if f.predicate == "title"}
                cands = {p for p in set(run.person_of.values())
                         if p in run.entities and _REGNAL.search(run.entities[p].label) and p not in titled}
                if len(cands) == 1:
                    run.add_fact(next(iter(cands)), "title", t.title(), run.ev(sent, "office:regnal-anaphor"))
        else:
            holder = run.key_of(int(h))
            cands = {p for p, offs in run.offices.items() for (ho, title, leader) in offs
                     if ho == holder and (leader if t in ("leader", "top leader") else title.lower() == t)}
        if len(cands) != 1:
            return m.group(0)
        person = cands.pop()
        run.mentions.append(Mention(sent.start, sent.end, "P", person, m.group(0), "anaphor:office"))
        idx = len(run.mentions) - 1
        run.person_of[idx] = person
        sent.slots[idx] = run.mentions[idx]
        return f"⟦P{idx}⟧"
    sent.masked = _ANAPHOR_OFFICE.sub(repl, sent.masked)
    if _BARE_TITLE.search(sent.masked):  # official readouts: "Prime Minister arrived in Washington"
        sent.masked = _BARE_TITLE.sub(repl, sent.masked)


#: "his talks with Anwar": the possessive of the subject before it (followed by "'s" once resolved)
_POSS_PRONOUN = rx.compile(r"\b(?:[Hh]is|[Hh]er)(?=\s+(?:[\w-]+\s+)?(?:talks|meeting)\s+with\b)")
_PRONOUN = rx.compile(r"(?:^|(?<=[.;,] )|(?<=\bday )|(?<=\bwhere )|(?<=\bwhen )|(?<=\bafter )|(?<=\bbefore )|(?<=\bwhich ))"
                      r"(?:[Hh]e|[Ss]he)\b(?=\s+(?:\w+ed|\w+s|will|was|had|has|is|also|then|held|met|made|took|gave|said|told|"
                      r"spoke|went|came|flew|sent|paid|left|led|sat|saw|began|won|would|could|can|may)\b)")


def _pronouns(run: _Run) -> None:
    """Resolve subject "he"/"she" to the last person mentioned as a subject before it."""
    last = None
    for sent in run.sentences:
        def repl(m: re.Match) -> str:
            # "Xi will leave for Budapest, where he will pay a visit": inside a sentence, its subject
            subject = next((run.person_of[i] for _, i, p in _slots(m.string, "P")
                            if p < m.start() and i in run.person_of), None) if m.start() else None
            who = subject or last
            if who is None:
                return m.group()
            run.mentions.append(Mention(sent.start, sent.end, "P", who, m.group(), "anaphor:pronoun"))
            idx = len(run.mentions) - 1
            run.person_of[idx] = who
            sent.slots[idx] = run.mentions[idx]
            return f"⟦P{idx}⟧"
        sent.masked = _PRONOUN.sub(repl, sent.masked)

        def repl_poss(m: re.Match) -> str:
            found = repl(m)
            return found + "'s" if found.startswith("⟦") else found
        sent.masked = _POSS_PRONOUN.sub(repl_poss, sent.masked)
        people = [i for _, i, _ in _slots(sent.masked, "P") if i in run.person_of]
        if people:
            last = run.person_of[people[0]]


# -- capitals, memberships, founding -------------------------------------------------------------
_CAPITAL_PATTERNS = [
    rx.compile(rf"{L.slot('C', 'c')}\s*,\s*(?:the\s+)?{L.slot('SD', 's')}\s*{L.POSS}?\s+capital\b"),
    rx.compile(rf"{L.slot('C', 'c')}\s*,\s*(?:the\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?{L.slot('S', 's')}"),
    rx.compile(rf"(?:the\s+)?{L.slot('SD', 's')}\s*{L.POSS}?\s+capital(?:\s+city)?\s*,?\s+(?:of\s+)?{L.slot('C', 'c')}"),
    rx.compile(rf"capital\s+(?:city\s+)?of\s+(?:the\s+)?{L.slot('S', 's')}\s*,?\s+{L.slot('C', 'c')}"),
]
_BARE_CAPITAL = rx.compile(rf"\b(?:the\s+)({L.slot('SD', 's')})\s*{L.POSS}?\s+capital\b(?!\s*,?\s*(?:of\s+)?⟦C)")


def _capitals(run: _Run, sent: Sentence) -> None:
    for rx in _CAPITAL_PATTERNS:
        for m in rx.finditer(sent.masked):
            c_idx, s_idx = int(m.group("c")), int(m.group("s"))
            city = run.ref.cities[run.mentions[c_idx].ref]
            st = run.ref.state(run.mentions[s_idx].ref)
            if city.country != st.iso2:
                continue
            s_key = run.ensure(run.key_of(s_idx), s_idx)
            run.add_fact(s_key, "capital", run.key_of(c_idx), run.ev(sent, "capital:apposition"))

    def bare(m: re.Match) -> str:
        s_idx = int(m.group("s"))
        city = run.ref.capital_city(run.mentions[s_idx].ref)
        if city is None:
            return m.group(0)
        ckey = f"{city.name}|{city.country}"
        cm = Mention(sent.start, sent.end, "C", ckey, m.group(0), "anaphor:capital")
        run.mentions.append(cm)
        c_idx = len(run.mentions) - 1
        key = f"place/{slugify(city.name)}-{city.country.lower()}"
        run.city_of[key] = city
        if key not in run.entities:
            run.entities[key] = Entity(key, "City", city.name, wikidata=city.wikidata,
                                       mentions=[Evidence(sent.start, sent.end, sent.start, sent.end, "mention:capital")])
        s_key = run.ensure(run.key_of(s_idx), s_idx)
        run.add_fact(s_key, "capital", key, run.ev(sent, "capital:demonym"))
        sent.slots[c_idx] = cm
        return m.group(0) + f" ⟦C{c_idx}⟧"
    sent.masked = _BARE_CAPITAL.sub(bare, sent.masked)


def _org_for(run: _Run, sent: Sentence, pos: int) -> list[str]:
    """The organizations a membership cue at ``pos`` is about."""
    found = _orgs_for(run, sent, pos)
    return found if isinstance(found, list) else ([found] if found else [])


#: "Its members are ...": the possessive just before the membership cue
_ITS_MEMBERS = rx.compile(r"\b(?:[Ii]ts|[Tt]heir)\s+(?:\w+\s+)?$")
#: a sentence about the organization by a head noun ("The 55-member organisation, launched in 2002, ...")
_ORG_SUBJECT = rx.compile(r"(?:The|Its|This)\s+(?:[\w-]+\s+){0,2}?(?:bloc|grouping|group|organi[sz]ation|"
                          r"association|alliance|union|body|forum|community|league)\b")
#: an organization listed among the members ("..., as well as the European Union")
_ORG_IN_LIST = rx.compile(r"(?:,|\band|\bas well as|\bplus)\s+(?:the\s+)?⟦O(?P<o>\d+)⟧")


def _orgs_for(run: _Run, sent: Sentence, pos: int):
    orgs = _slots(sent.masked, "O")
    m = re.search(rf"members?\s+(?:states?\s+|countries\s+|nations\s+)?of\s+(?:both\s+)?(?:the\s+)?(?P<list>⟦O\d+⟧(?:\s*\(⟦O\d+⟧\))?"
                  rf"(?:\s*(?:,|and|,\s*and)\s+(?:the\s+)?⟦O\d+⟧(?:\s*\(⟦O\d+⟧\))?)*)",
                  sent.masked[max(0, pos - 5):], re.I)
    if m:
        return [run.key_of(i) for _, i, _ in _slots(m.group("list"), "O")]
    if run.last_org and not any(p < pos for _, _, p in orgs) and _ITS_MEMBERS.search(sent.masked, 0, pos):
        prev = run.sentences[sent.idx - 1].masked if sent.idx else ""
        if _ORG_SUBJECT.match(prev) and _story_org(run):
            # "The 55-member organisation, successor to the OAU, ... Six of its members": the
            # organization the story is about, which the sentence before was about, not the OAU
            return _story_org(run)
        return run.last_org  # "Its members are A, B and the EU": the one named before, not a member listed
    if orgs:
        nearest = min(orgs, key=lambda o: abs(o[2] - pos))
        return run.key_of(nearest[1])
    if L.ORG_ANAPHOR.search(sent.masked) or re.search(r"\b(?:its|the)\s+(?:\w+\s+)?members?\b", sent.masked, re.I) or \
            re.search(r"\bbecame\b|\bjoin|\bfollowing in\b", sent.masked):
        return run.last_org
    return None


#: two or more states in a row ("Brunei, Cambodia and the Philippines")
_STATE_SERIES = r"(?P<list>(?:the\s+)?⟦S\d+⟧(?:\s*(?:,|and|, and)\s+(?:the\s+)?⟦S\d+⟧)+)"
_SIZED_LIST = rx.compile(
    rf"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty[\w-]*|\w+ty)-(?:nation|member|"
    rf"country|state)\s+{L.slot('O', 'o')}(?:\s*\(⟦O\d+⟧\))?\s*(?:[-–—:(]|,\s+(?:namely|comprising)\s)\s*"
    rf"{_STATE_SERIES}\s*(?:[-–—)]|,|$)", re.I)
_COUNTED_MEMBERS = rx.compile(
    rf"\b(?:the|its|all)\s+(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+{L.slot('O', 'o')}\s+"
    rf"(?:member\s+)?(?:states|countries|nations|members)\s*(?:[-–—:(]|,\s+(?:namely|i\.e\.)\s)\s*"
    rf"{_STATE_SERIES}\s*(?:[-–—),;.]|$)", re.I)


def _reference_members(run: _Run, org: str) -> frozenset[str]:
    """The ISO3 codes of ``org``'s members in the reference data (a check on what the text
    says, never a source of facts); empty for an organization no reference row holds."""
    for i, m in enumerate(run.mentions):
        if m.kind == "O" and not m.ref.startswith("~") and run.key_of(i) == org:
            return frozenset(run.ref.org(m.ref).members)
    return frozenset()


_SIZED_GROUP = rx.compile(
    r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(?:nation|member|country|state)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:bloc|grouping|group|alliance|organi[sz]ation|union|club|body|community|forum)\s*"
    r"(?:[-–—:(]\s*|,\s+(?:namely|comprising)\s+|\s+(?:made up of|comprising|consisting of|of|that groups|"
    r"which groups|bringing together|that brings together|which brings together)\s+)"
    + _STATE_SERIES +
    r"(?=\s*(?:[-–—),.;:]|$)|\s+(?!and\b)[a-z])")
#: "China and Hungary, a member of the EU": the state is named a member whatever precedes it
_MEMBER_APPOSITION = rx.compile(r"⟦S\d+⟧\s*,\s+(?:a|an)\s+(?:[\w-]+\s+)?member\b")
_ORG_ADMITTED = rx.compile(rf"{L.slot('O', 'a')}\s*(?:'s|’s)\s+(?:admission|accession|entry|induction)\s+"
                           rf"(?:as\s+(?:a|an)\s+(?:(?:permanent|full|new)\s+)?member\s+)?(?:of|to|into)\s+(?:the\s+)?"
                           rf"{L.slot('O', 'b')}", re.I)
#: a state right after one of these is the object of something else than membership
_NOT_MEMBER_BEFORE = rx.compile(
    r"\b(?:(?:ties|relations|trade|talks|cooperation|agreements?|deals?|partnership|dialogue|links|contacts|"
    r"meetings?|border|war|conflict|tensions|disputes?|friendship)\s+(?:\w+\s+)?with|"
    r"(?:invasion|occupation|annexation|depositary|security|sovereignty|president|leader)\s+of|"
    r"to|toward|towards|against|thanked|between(?:\s+(?:the\s+)?⟦[SO]\d+⟧\s+and)?|"
    r"from|over|into|on|at|in|for|by|visit(?:ed|ing|s)?)\s+(?:the\s+)?$", re.I)


def _memberships(run: _Run, sent: Sentence) -> None:
    masked = sent.masked
    orgs_here = _slots(masked, "O")
    cue = L.MEMBER_CUE.search(masked)
    joined = _ORG_ADMITTED.search(masked)
    if joined:  # "the African Union's admission as a permanent member of the G20": the AU is the member
        a, b = run.key_of(int(joined.group("a"))), run.key_of(int(joined.group("b")))
        if a != b:
            run.add_fact(a, "memberOf", b, run.ev(sent, "member:organization-admitted"))
        cue = None  # (the states around it are not what was admitted)
    if cue:
        for org in _org_for(run, sent, cue.start()):
            for cs, ce in _clauses(masked, coord=False):
                clause = masked[cs:ce]
                if not L.MEMBER_CUE.search(clause) and not re.search(r"⟦S\d+⟧\s*(?:,|and)", clause) and \
                        not re.search(r"\b(?:in|include|including|are|namely)\b", clause):
                    continue
                if L.MEMBER_EXCLUDE.search(clause):
                    continue
                colon = re.search(r"\bmembers?\s*:", clause)  # "... with three members: A, B and C"
                for kind, idx, pos in _slots(clause, "S"):
                    if colon and pos < colon.end():
                        continue
                    after = clause[pos:pos + 12]
                    if re.match(r"⟦S\d+⟧\s*(?:'s|’s)\s+⟦C", after) or re.search(r"⟦C\d+⟧\s*,\s*$", clause[:pos]):
                        continue  # "Thailand's Bangkok", "in Santiago, Chile": a place, not a member
                    if re.match(r"⟦S\d+⟧\s*(?:'s|’s)\s+(?!(?:\w+\s+)?(?:membership|accession|entry|admission|"
                                r"joining|bid)\b)[a-z]", clause[pos:pos + 60]) and "⟦S" not in clause[pos + 4:pos + 60]:
                        continue  # "prompted by Russia's invasion": the state owns something else
                    if _NOT_MEMBER_BEFORE.search(clause[max(0, pos - 40):pos]) and not re.search(
                            r"\b(?:founded|set up|established|created|formed)(?:\s+in\s+\d{4})?\s+by\s+(?:the\s+)?$",
                            clause[max(0, pos - 40):pos]) and not _MEMBER_APPOSITION.match(clause, pos):
                        continue  # "ties with China", "a visit to Brazil": not the member named
                    if _NAMES_OFFICE.match(clause, pos):
                        continue  # "US President Joe Biden": names an office, not a member
                    if re.match(r"⟦S\d+⟧\s*(?:,\s*)?(?:said|says|announced|told|reported|stated|added|noted)\b", after + clause[pos + len(after):pos + 40]):
                        continue  # "..., Brazil said": the source of the news, not a member
                    st_key = run.key_of(idx)
                    run.add_fact(st_key, "memberOf", org, run.ev(sent, "member:cue"))
                if _ITS_MEMBERS.search(masked, 0, cue.start()) and "⟦S" in clause:
                    for m in _ORG_IN_LIST.finditer(clause):  # a list of states that ends with an organization
                        other = run.key_of(int(m.group("o")))
                        if other != org and run.entities.get(other) is not None and \
                                run.entities[other].type == "InternationalOrganization":
                            run.add_fact(other, "memberOf", org, run.ev(sent, "member:cue"))
    # "The six-nation Gulf Cooperation Council (GCC) - Saudi Arabia, Qatar, ... and Oman - has ...":
    # an organization sized by its members, then the list of them between dashes or in parentheses
    for m in _SIZED_LIST.finditer(masked):
        org = run.key_of(int(m.group("o")))
        for _, i, _ in _slots(m.group("list"), "S"):
            run.add_fact(run.key_of(i), "memberOf", org, run.ev(sent, "member:sized-list"))
    # "the 10 ASEAN states - Brunei, Cambodia, ... and Vietnam -": as many states as it says
    for m in _COUNTED_MEMBERS.finditer(masked):
        states = _slots(m.group("list"), "S")
        if L.number(m.group("n")) == len(states):
            for _, i, _ in states:
                run.add_fact(run.key_of(i), "memberOf", run.key_of(int(m.group("o"))), run.ev(sent, "member:counted-list"))
    # "the EAEU, the five-nation trade bloc made up of A, B, C, D and E", "The 10-member bloc - A, ...
    # and J - has": a head noun for the organization last named; the list must have as many states
    for m in _SIZED_GROUP.finditer(masked):
        before = re.search(r"⟦O(\d+)⟧\s*(?:\(⟦O\d+⟧\))?\s*,\s*(?:the|a|an)\s+$", masked[:m.start()])
        org = run.key_of(int(before.group(1))) if before else run.last_org
        states = [run.key_of(i) for _, i, _ in _slots(m.group("list"), "S")]
        size = L.number(m.group("n"))
        if org is None or size != len(states):
            continue
        if not before:  # "the bloc" is the organization last named if the reference data agrees
            known = _reference_members(run, org)
            if not known or sum(st[6:] in known for st in states) * 2 < len(states):
                continue
        for st in states:
            run.add_fact(st, "memberOf", org, run.ev(sent, "member:sized-group"))
    # "Turkey, a NATO member, has applied to join BRICS": the apposition states a membership
    for m in re.finditer(r"⟦S(?P<s>\d+)⟧\s*,\s+(?:a|an)\s+(?:(?:fellow|founding|full)\s+)?⟦O(?P<o>\d+)⟧\s+"
                         r"member(?:\s+(?:state|country|nation))?\s*,", masked):
        run.add_fact(run.key_of(int(m.group("s"))), "memberOf", run.key_of(int(m.group("o"))),
                     run.ev(sent, "member:apposition"))
    # "Haiti, a member state of the Community": the apposition states a membership
    for m in re.finditer(r"⟦S(?P<s>\d+)⟧\s*,\s+(?:a|an|one|the)\s+(?:(?:fellow|founding|full|founder|full-fledged)\s+)?"
                         r"member(?:\s+(?:state|country|nation))?\s+of\s+(?:the\s+)?⟦O(?P<o>\d+)⟧", masked, re.I):
        run.add_fact(run.key_of(int(m.group("s"))), "memberOf", run.key_of(int(m.group("o"))),
                     run.ev(sent, "member:apposition"))
    # "Orban, whose country is a member of the EU": the person's state
    for m in re.finditer(rf"⟦P(?P<p>\d+)⟧\s*,\s+whose\s+country\s+(?:is|was|has been|became)\s+(?:also\s+)?"
                         rf"(?:a|an)\s+(?:\w+\s+)?member\s+of\s+(?:both\s+)?(?:the\s+)?(?P<list>⟦O\d+⟧(?:\s*(?:,|and|,\s*and)\s+(?:the\s+)?⟦O\d+⟧)*)",
                         masked):
        person = run.person_of.get(int(m.group("p")))
        states = {h for (h, _, _) in run.offices.get(person, ()) if h.startswith("state/")}
        if len(states) == 1:
            state = states.pop()
            for _, oi, _ in _slots(m.group("list"), "O"):
                run.add_fact(state, "memberOf", run.key_of(oi), run.ev(sent, "member:whose-country"))
    # observers and partners: "X has observer status in Y", "dialogue partner"
    for m in re.finditer(r"\b(observers?|(?:dialogue\s+)?partners?)\b", masked, re.I):
        clause = _clause_of(masked, m.start())
        if not orgs_here and run.last_org is None:
            continue
        org = run.key_of(min(orgs_here, key=lambda o: abs(o[2] - m.start()))[1]) if orgs_here else run.last_org
        if org is None or re.search(r"\bnot\b|n't", clause):
            continue
        pred = "observerOf" if m.group(1).lower().startswith("observer") else "partnerOf"
        if not re.search(r"\b(?:as|an?|its|status|became|become|granted|new)\b", clause, re.I):
            continue
        for kind, idx, pos in _slots(clause, "S"):
            run.add_fact(run.key_of(idx), pred, org, run.ev(sent, f"{pred}:cue"))
    if orgs_here:
        run.last_org = run.key_of(orgs_here[-1][1])


_FOUNDED_PATTERNS = [
    rx.compile(rf"{L.slot('O', 'o')}[^.;⟦]{{0,60}}?\b(?:was\s+|were\s+)?(?:founded|established|created|formed|set up|inaugurated)\b(?:[^.;⟦]|⟦C\d+⟧){{0,30}}?\b(?P<y>(?:1[89]|20)\d\d)\b"),
    rx.compile(rf"\b(?:founded|established|created|formed|set up)\s+in\s+(?P<y>(?:1[89]|20)\d\d)\s*,\s*(?:the\s+)?{L.slot('O', 'o')}"),
    # "among the founders of ECOWAS in 1975", "since the founding of the SCO in 2001"
    rx.compile(rf"\b(?:founders?|founding|creation|establishment)\s+of\s+(?:the\s+)?{L.slot('O', 'o')}\s+in\s+(?P<y>(?:1[89]|20)\d\d)\b"),
]


def _founded(run: _Run, sent: Sentence) -> None:
    for rx in _FOUNDED_PATTERNS:
        for m in rx.finditer(sent.masked):
            run.add_fact(run.key_of(int(m.group("o"))), "founded", m.group("y"), run.ev(sent, "founded"))
    m = re.match(rf"^(?:(?:The\s+)?(?:bloc|grouping|organi[sz]ation|association|alliance)|(?P<it>It))\s+(?:was\s+)?(?:founded|established|created|formed)\s+in\s+(?P<y>(?:1[89]|20)\d\d)", sent.masked, re.I)
    prev = run.sentences[sent.idx - 1].masked if sent.idx else ""
    if m and m.group("it") and not ("⟦O" in prev or L.ORG_ANAPHOR.search(prev)):
        m = None  # "It was founded in ...": only right after the organization
    if m and run.last_org:
        run.add_fact(run.last_org, "founded", m.group("y"), run.ev(sent, "founded:anaphor"))


# -- events ------------------------------------------------------------------------------------
_SUMMIT = rx.compile(
    rf"(?:(?P<ord>{L.ORDINAL})\s+)?(?:(?P<yr>(?:19|20)\d\d)\s+)?(?:(?:{L.slot('O', 'o1')}|{L.slot('C', 'c1')})\s*(?:[-–]\s*[A-Z][a-z]+\s+)?)?"
    rf"(?:(?:[Ll]eaders['’]?|heads of state|annual|extraordinary|informal|virtual|special|high-level)\s+)*"
    # an organization's "Leaders Meeting" / "Heads of Government Meeting" is its summit
    rf"(?P<noun>[Ss]ummits?|SUMMITS?|(?(o1)(?:(?:Economic\s+)?Leaders['’]?|Heads\s+of\s+(?:State|Government))\s+Meeting|(?!))|"
    # "the third gathering of the European Political Community"
    rf"(?(ord)gathering(?=\s+of\s+(?:the\s+)?⟦O)|(?!)))\b"
    rf"(?:\s+and\s+Related\s+Summits)?"
    rf"(?:\s+(?:of|by)\s+(?:the\s+)?(?:(?:heads\s+of\s+state(?:\s+and\s+government)?|leaders)\s+(?:of\s+(?:the\s+)?)?"
    rf"(?:member\s+states\s+of\s+(?:the\s+)?)?)?{L.slot('O', 'o2')})?"
    rf"(?:\s+(?:in|at)\s+(?:{L.slot('S', 'hs')}\s*{L.POSS}?\s+)?{L.slot('C', 'c2')})?")
#: a summit told as a session of the organization's leaders' body ("the 38th Ordinary Session of
#: the Assembly of the African Union", "the Supreme Council of the GCC ... its 44th session"); the
#: groups are those of ``_SUMMIT``
_SESSION_TAIL = (rf"(?P<yr>(?!))?(?P<c1>(?!))?(?:\s*\(⟦O\d+⟧\))?"
                 rf"(?:\s+(?:in|at)\s+(?:{L.slot('S', 'hs')}\s*{L.POSS}?\s+)?{L.slot('C', 'c2')})?")
#: the bodies of an organization's leaders (or, for "General Assembly", of all its members)
_LEADERS_BODY = (r"(?-i:Supreme(?:\s+[A-Z][\w-]*){0,3}\s+Council|(?:General\s+)?Assembly|(?:Council|Conference)\s+of\s+"
                 r"(?:the\s+)?Heads\s+of\s+(?:State|Government)(?:\s+and\s+Government)?|Heads\s+of\s+State\s+Council|"
                 r"Collective\s+Security\s+Council|(?:[A-Z][\w-]*\s+)?Summit)")
_SESSION_SUMMIT = rx.compile(
    rf"(?:(?P<ord>{L.ORDINAL})\s+)?(?P<qual>(?:ordinary|extraordinary|regular|annual|special)\s+)?"
    # ("the Forty-Sixth Regular Meeting of the Conference of Heads of Government of the Caribbean Community")
    rf"(?P<noun>session|meeting)\s+of\s+(?:the\s+)?(?:{L.slot('O', 'o1')}\s+)?"
    rf"(?:{_LEADERS_BODY}|{L.slot('G', 'gb')})(?:\s+of\s+(?:the\s+)?{L.slot('O', 'o2')})?" + _SESSION_TAIL, re.I)
#: "its 44th session": a numbered session of the body just named (the groups are those of ``_SUMMIT``)
_ITS_SESSION = rx.compile(
    rf"\b(?:its|their)\s+(?P<ord>{L.ORDINAL})\s+(?:(?:ordinary|extraordinary|regular|annual)\s+)?"
    rf"(?P<noun>session)\b(?!\s+of\b)(?P<o1>(?!))?(?P<o2>(?!))?" + _SESSION_TAIL, re.I)
#: "to hold the Forty-Seventh Regular Meeting in Grenada": a numbered session by its name alone
_NUMBERED_SESSION = rx.compile(
    rf"\b(?P<ord>(?i:{L.ORDINAL}))\s+(?:Regular|Ordinary|Extraordinary|Special)\s+(?P<noun>Meeting|Session)\b"
    rf"(?!\s+of\b)(?P<o1>(?!))?(?P<o2>(?!))?" + _SESSION_TAIL)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


_ORD_WORDS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1)}
_TENS = {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_ORD_WORDS.update({w[:-1] + "ieth": n for w, n in _TENS.items()})  # "fortieth"


def _ordinal_value(text: str | None, words: bool = False) -> int | None:
    """45 for "45th", 8 for "VIII"; None for ordinals in words, which often count something else
    than the organization's summits ("the first Arab League summit Assad has attended"), unless
    ``words`` (a numbered session: "the fifty-fourth regular session" is 54)."""
    text = text or ""
    m = re.match(r"(\d+)", text)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"(?:(\w+)-)?(\w+)", text.lower())
    if words and m and (m.group(1) is None or m.group(1) in _TENS and _ORD_WORDS.get(m.group(2), 10) < 10) \
            and m.group(2) in _ORD_WORDS:
        return _TENS.get(m.group(1), 0) + _ORD_WORDS[m.group(2)]
    if text and all(c in _ROMAN for c in text):
        values = [_ROMAN[c] for c in text]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return None


_LEADERS_MEET = rx.compile(
    rf"(?:{L.slot('O', 'o')}\s+leaders|\b(?:[Ll]eaders|[Hh]eads of (?:[Ss]tate|[Gg]overnment)(?: and [Gg]overnment)?|"
    rf"(?<![Ff]oreign )(?<![Dd]eputy )[Pp]rime [Mm]inisters|[Pp]residents)\s+of\s+"
    rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{L.slot('O', 'o2')}(?:\s*\(⟦O\d+⟧\))?(?:\s+[a-z][\w-]*){{0,3}})\s+(?:will\s+|are\s+to\s+)?"
    rf"(?:gathered|met|meet|gather|convened|convene|are meeting|are gathering)\b")
_NAMED_SUMMIT = rx.compile(r"(?<![\w⟧-])(?P<name>(?:⟦[SO]\d+⟧[-–])?(?:[A-Z][\w-]+\s+){1,4})(?P<noun>Summit)\b(?!\s+of\b)")
_SUMMIT_OF_THE = rx.compile(r"(?<![\w⟧-])(?P<noun>Summit)\s+of\s+the\s+(?:(?!Heads\b|Leaders\b)[A-Z][a-z]+"
                            r"(?:\s+[A-Z][a-z]+)?\b|⟦R\d+⟧)")
_NOT_SUMMIT_NAME = rx.compile(
    r"\b(?:The|This|That|Next|Last|Annual|Leaders|Extraordinary|Special|Informal|Virtual|Emergency|Ordinary|"
    r"Joint|First|Second|Third|Fourth|Fifth|Upcoming|Previous|Year|Heads|State|Government|Plus|On|At|In|For|"
    r"After|Before|During|Ahead|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|^[A-Z]+\s+$")
_SIDE_MEETING = rx.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?P<noun>side[- ](?:meeting|session|event)|sideline\s+meeting)\b"
                           r"(?:\s+on\s+(?P<topic>(?:(?!with\b|at\b|in\b|that\b|which\b)[a-z][\w-]*\s*){1,4}))?")
_ORGAN_MEETING = rx.compile(
    rf"(?:{L.slot('G', 'g')}\s+(?:meeting|session)|(?:meeting|session)\s+of\s+(?:the\s+)?{L.slot('G', 'g2')})", re.I)
_OUTREACH = rx.compile(rf"(?:[\"“]?outreach[\"”]?\s*/?\s*[\"“]?)?{L.slot('O', 'o')}[\"”]?\s*(?:format|meetings?|sessions?)?", re.I)
_MINISTRY_RX = r"(?:Foreign|Defen[cs]e|Finance|Economic|Economy|Trade|Energy|Health|Agriculture|Interior)"
_MINISTERS_MEETINGS = [
    ("named", rx.compile(
        rf"(?:(?P<ord>{L.ORDINAL})\s+)?{L.slot('O', 'o')}\s+(?P<kind>{_MINISTRY_RX}\s+)?(?P<noun>Ministers['’]?\s+"
        rf"(?:Meeting|Conference))\b", re.I)),
    ("ministers-met", rx.compile(
        rf"(?P<ord>)\b(?P<kind>{_MINISTRY_RX})\s+(?P<noun>ministers)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
        rf"{L.slot('O', 'o')}(?:\s+(?:countries|member states|members|nations|states|bloc))?\s+(?:will\s+|are\s+"
        rf"(?:due|set|expected|scheduled)\s+to\s+|also\s+)?(?:met|meet|meeting|gathered|gather|convened|convene|held)\b", re.I)),
    ("org-ministers-met", rx.compile(
        rf"(?P<ord>)(?<![\w⟧])(?:the\s+)?{L.slot('O', 'o')}\s+(?P<kind>{_MINISTRY_RX})\s+(?P<noun>ministers)\s+(?:will\s+|are\s+"
        rf"(?:due|set|expected|scheduled)\s+to\s+|also\s+)?(?:met|meet|meeting|gathered|gather|convened|convene|held)\b", re.I)),
    ("organ", rx.compile(rf"(?P<ord>)(?P<kind>){L.slot('O', 'o')}(?:\s*\(⟦O\d+⟧\))?\s+(?P<noun>⟦G(?P<g>\d+)⟧)")),
]
#: "a two-day meeting of the Ministerial Council of the OSCE", "a session of the Permanent Council of
#: the OSCE": a meeting of a named body of an organization below its leaders (ministers, envoys)
_BODY_MEETING = rx.compile(
    rf"\b(?:meeting|session|sitting)\s+of\s+(?:the|its)\s+(?P<body>(?-i:[A-Z][\w-]*)(?:\s+(?:of\s+|on\s+|and\s+)?"
    rf"(?-i:[A-Z][\w-]*)){{0,5}})\s+of\s+(?:the\s+)?{L.slot('O', 'o')}", re.I)
#: words between a travel verb and its city: "the Moroccan capital,", "China's capital", "the Black
#: Sea resort of", "the port city of"
_PLACE_PRE = (r"(?:the\s+)?(?:(?:⟦[SDR]\d+⟧\s*(?:'s|’s)?|(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?))\s+)?"
              r"(?:capital(?:\s+city)?\s*,?\s*|(?:port\s+|resort\s+|border\s+|coastal\s+|holy\s+)?"
              r"(?:city|town|resort|port|island)\s+of\s+)")
#: "talks with the Indian prime minister, Narendra Modi": the name in apposition after "with"
_WITH_APPOS = (r"(?<=with\s)the\s+⟦[SD]\d+⟧\s*(?:'s|’s)?\s+(?:[\w-]+\s+){0,2}?(?:leader|president|prime\s+minister|"
               r"premier|chancellor|foreign\s+minister|counterpart)\s*,\s+")
#: "met the President of the Republic of Tunisia, Kais Saied": the title, of a state, then the name
_TITLE_OF_APPOS = (r"the\s+(?:[\w-]+\s+){0,2}?(?:President|Prime\s+Minister|King|Emir|Chancellor|Premier|Sultan|"
                   r"Foreign\s+Minister|Minister\s+of\s+Foreign\s+Affairs)\s+of\s+(?:the\s+)?⟦[SO]\d+⟧\s*,\s+")
_BILATERAL = [
    ("meeting:between", rx.compile(rf"\b(?:talks|meeting|discussions|negotiations|consultations|summit)\s+between\s+{L.PRE_TITLE}{L.slot('P', 'a')}\s+and\s+{L.PRE_TITLE}{L.slot('P', 'b')}", re.I)),
    ("meeting:met", rx.compile(rf"{L.slot('P', 'a')}(?:[^.;⟦]|⟦[SDOCG]\d+⟧){{0,140}}?\b(?:met|meets|meet|will meet|held (?:(?:separate|bilateral|private|closed-door|further|wide-ranging|extensive|lengthy|detailed|in-depth|productive|restricted|delegation-level|one-on-one|\w+-level)\s+){{0,2}}talks\s+(?:there\s+|also\s+|later\s+|in\s+⟦C\d+⟧\s+)?with|holds talks with|hold talks with|held\s+(?:his|her|their)\s+(?:[\w-]+\s+){{0,3}}?talks(?:\s+in\s+(?:a|over\s+a|more\s+than\s+a|\w+)\s+(?:year|years|months))?\s+with|(?:held|had|holds|has|will hold|will have)\s+(?:(?:a|an|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?meeting(?:\s+(?:since|in|at|on)\s+(?:[^.;⟦,]|⟦[SDC]\d+⟧){{0,50}}?)?|(?:separate|bilateral|\w+\s+bilateral)\s+(?:[\w-]+\s+)?meetings)\s+with|talked with|sat down\s+(?:instead\s+|later\s+|also\s+|first\s+)?with|hosted|received|(?:paid|pays|will pay|made)\s+a\s+courtesy\s+call\s+on|called\s+on|(?:after|during|following)\s+(?:\w+\s+)?talks\s+with)\s+(?:with\s+)?(?:visiting\s+)?(?:(?:his|her)\s+(?:⟦[SD]\d+⟧|\w+)\s+counterpart\s*,?\s+|{_WITH_APPOS}|{_TITLE_OF_APPOS})?{L.PRE_TITLE}{L.slot('P', 'b')}", re.I)),
    ("meeting:and-held-talks", rx.compile(rf"{L.PRE_TITLE}{L.slot('P', 'a')}\s+and\s+(?:(?:his|her)\s+(?:⟦[SD]\d+⟧\s+|\w+\s+)?counterpart\s*,?\s*)?{L.PRE_TITLE}{L.slot('P', 'b')}\s*,?\s+(?:also\s+|then\s+|later\s+|first\s+)?(?:(?:held|hold|had|have|will hold|are to hold|are expected to hold)\s+(?:[\w-]+\s+){{0,3}}?(?:talks|a meeting|meeting|meetings|discussions|negotiations)\b|met\b|will meet\b|are (?:due|set|expected|scheduled) to meet\b|shook hands\b|(?:sat|sit|sitting) down (?:for|to) talks\b)", re.I)),
    ("meeting:and-agreed-after-talks", rx.compile(rf"{L.PRE_TITLE}{L.slot('P', 'a')}\s+and\s+{L.PRE_TITLE}{L.slot('P', 'b')}\s+(?:agreed|pledged|vowed|discussed|signed|reached)\b[^.;⟦]{{0,120}}?\b(?:after|during|in|at)\s+(?:[\w-]+\s+){{0,4}}?(?:talks|a meeting|their meeting)\b", re.I)),
    ("meeting:received-by", rx.compile(rf"{L.slot('P', 'a')}\s+(?:was|were|is|will be)\s+(?:also\s+|later\s+|then\s+)?(?:received|hosted|welcomed)\s+(?:(?:at|in)\s+(?!the\s+(?:airport|tarmac|airbase|air\s+base)\b)(?:[^.;⟦,]|⟦[CR]\d+⟧){{0,50}}?\s+)?by\s+(?:{L.PRE_TITLE}|the\s+[\w-]+(?:\s+[\w-]+)?\s+of\s+(?:the\s+)?⟦[SO]\d+⟧\s*,\s+){L.slot('P', 'b')}", re.I)),
    ("meeting:travelled-for-talks", rx.compile(rf"{L.slot('P', 'a')}[^.;⟦]{{0,40}}?\b(?:travell?ed|flew|went|came|traveling|travelling|will travel|(?:will|to)\s+fly(?:\s+on\s+\w+)?|is travell?ing)\s+to\s+(?:the\s+)?{_PLACE_PRE}?(?:⟦[CS]\d+⟧)\s*,?\s+(?:(?:[^.;⟦]|⟦[SDR]\d+⟧){{0,50}}?)for\s+(?:[\w-]+\s+){{0,3}}?(?:talks|(?<!summit )meeting|discussions)\s+(?:the same day\s+|later\s+|there\s+)?with\s+{L.PRE_TITLE}{L.slot('P', 'b')}", re.I)),
    ("meeting:welcomed-before-talks", rx.compile(rf"{L.slot('P', 'a')}\s+(?:also\s+)?(?:greeted|welcomed|received|hosted)\s+{L.PRE_TITLE}{L.slot('P', 'b')}[^.;]{{0,80}}?\b(?:ahead of|before|for)\s+(?:their\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:talks|meeting|discussions|negotiations)\b", re.I)),
    ("meeting:their", rx.compile(r"\btheir\s+(?:\w+\s+)?(?P<noun>talks|meeting|discussions|negotiations|summit)\b", re.I)),
    # "The two leaders last met in November on the sidelines of ...": an earlier meeting of the pair
    ("meeting:recalled", rx.compile(r"\b(?:the\s+two\s+(?:leaders|presidents|prime\s+ministers|men|women)|they|both\s+leaders)"
                                    r"\s+(?:had\s+)?(?:last|previously)\s+met\b|\b(?:their|the\s+two\s+leaders['’]?)\s+"
                                    r"(?:previous|last|earlier)\s+meeting\b", re.I)),
    # "After Kishida's talks with Anwar", "After his talks with Anwar" (the pronoun resolved)
    ("meeting:possessive-talks", rx.compile(rf"{L.slot('P', 'a')}\s*(?:'s|’s)\s+(?:[\w-]+\s+){{0,2}}?(?:talks|meeting|"
                                            rf"discussions)\s+with\s+{L.PRE_TITLE}{L.slot('P', 'b')}", re.I)),
    # "Kishida and Marcos, meeting the same day, discussed ..."
    ("meeting:and-meeting", rx.compile(rf"{L.slot('P', 'a')}\s+and\s+{L.PRE_TITLE}{L.slot('P', 'b')}\s*,\s+"
                                       rf"(?:meeting|who\s+met|holding\s+talks)\b", re.I)),
    ("meeting:two-leaders", rx.compile(r"\b(?:talks|meeting|discussions|negotiations)\s+between\s+the\s+two\s+leaders\b|\bthe\s+two\s+(?:(?:leaders|presidents|prime\s+ministers|heads\s+of\s+state|ministers|foreign\s+ministers|men|women)\s+)?(?:then\s+|later\s+|also\s+|first\s+)?(?:held|had|met)\b", re.I)),
]
_THREE_WAY = r"(?:trilateral|three-way|tripartite|three-party)"
_TRILATERAL = rx.compile(
    rf"{L.slot('P', 'a')}\s*,\s+(?:[^.;⟦]|⟦[SD]\d+⟧){{0,40}}?{L.slot('P', 'b')}\s*,?\s+and\s+(?:[^.;⟦]|⟦[SD]\d+⟧){{0,40}}?"
    rf"{L.slot('P', 'c')}\s*,?\s+(?:also\s+)?(?:held|hold|had|have|will hold)\s+(?:a|an|their)\s+(?:[\w-]+\s+){{0,2}}?{_THREE_WAY}\s+"
    rf"(?:meeting|talks|summit)\b|"
    rf"{L.slot('P', 'a2')}(?:[^.;⟦]|⟦[SD]\d+⟧){{0,100}}?\b(?:held|had|holds|will hold|following|after)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_THREE_WAY}\s+(?:meeting|talks)\s+(?:(?:[^.;⟦]|⟦C\d+⟧){{0,30}}?)with\s+{L.PRE_TITLE}{L.slot('P', 'b2')}\s*,?\s+and\s+"
    rf"{L.PRE_TITLE}{L.slot('P', 'c2')}", re.I)
_AND_WITH = rx.compile(rf"(?P<rest>[^.;⟦]|⟦[SDOCG]\d+⟧){{0,120}}?,?\s+and\s+(?:separately\s+|later\s+|then\s+)?"
                       rf"with\s+{L.PRE_TITLE}{L.slot('P', 'c')}", re.I)
_AND_VERB_WITH = rx.compile(rf"\s+and\s+(?:to\s+|will\s+|also\s+|later\s+|then\s+)*(?:meet|met|hold\s+talks|held\s+talks|"
                            rf"talk)\s+(?:with\s+)?{L.PRE_TITLE}{L.slot('P', 'c')}", re.I)
#: the rest of a list of people after the first one met ("with B, C and D")
_MORE_PEOPLE = rx.compile(rf"(?:\s*,\s*{L.PRE_TITLE}⟦P\d+⟧)*\s*,?\s+and\s+(?!with\b){L.PRE_TITLE}⟦P\d+⟧"
                          r"(?!\s+(?:[a-z]+ed|held|met|had|has|have|was|were|is|are|will|would|said|told|sat|made|"
                          r"took|gave|spoke|went|came|began|won|led|also|then|later)\b)", re.I)
_SEPARATE_NEXT = rx.compile(rf"\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)(?:with\s+)?{L.PRE_TITLE}{L.slot('P', 'c')}", re.I)
_VISIT_ADJ = r"(?:(?:two|three|four|five|six|one|[2-6])-day\s+|first\s+|official\s+|state\s+|working\s+|historic\s+|rare\s+|landmark\s+|recent\s+)*"
_VISIT = [
    ("visit:arrived", rx.compile(rf"{L.slot('P', 'p')}[^.;⟦]{{0,30}}?\b(?P<v>arrived|arrives|arriving|will arrive|(?:is|was)\s+(?:scheduled|due|expected|set)\s+to\s+arrive|landed|lands|touched down)\s+(?:in|at)\s+(?:the\s+)?{_PLACE_PRE}?{L.slot('CS', 'x')}", re.I)),
    # ("the King and Queen's state visit to Kenya": the couple's)
    ("visit:visit-to", rx.compile(rf"{L.slot('P', 'p')}(?:\s+and\s+(?:the\s+)?(?:Queen|King|First\s+Lady|⟦P\d+⟧))?\s*{L.POSS}?\s+"
                                  rf"{_VISIT_ADJ}(?P<v>visit|trip)\s+to\s+(?:the\s+)?{L.slot('CS', 'x')}", re.I)),
    ("visit:visits", rx.compile(rf"{L.slot('P', 'p')}[^.;⟦]{{0,30}}?\b(?P<v>visited|visits|will\s+(?:then\s+|also\s+|later\s+|next\s+)?visit|is visiting|to visit|travell?ed to|flew to|flew into|(?:to|will)\s+fly(?:\s+on\s+\w+)?\s+to|will\s+(?:then\s+|also\s+|later\s+|next\s+)?travel to|is travell?ing to|to travel to|"
                                 # "is scheduled to travel on Saturday to Abu Dhabi", "leaves for the UAE on Saturday"
                                 rf"(?:is|was)\s+(?:scheduled|due|expected|set)\s+to\s+(?:travel|fly|head)(?:\s+on)?(?:\s+on\s+\w+day)?\s+to|"
                                 rf"leaves\s+for|will\s+(?:then\s+)?leave\s+for|heads\s+to|will\s+(?:then\s+)?head\s+to)\s+(?:the\s+)?{_PLACE_PRE}?{L.slot('CS', 'x')}", re.I)),
    # "Foreign Minister Penny Wong, whose own visit to Beijing in December 2022 was the first ..."
    ("visit:whose-visit", rx.compile(rf"{L.slot('P', 'p')}[^.;⟦]{{0,60}}?\bwhose\s+(?:own\s+)?(?:first\s+)?{_VISIT_ADJ}"
                                     rf"(?P<v>visit|trip)\s+to\s+(?:the\s+)?{L.slot('CS', 'x')}", re.I)),
    ("visit:on-a-visit", rx.compile(rf"{L.slot('P', 'p')}[^.;⟦]{{0,30}}?\b(?P<v>is on|was on|(?:is|was)\s+in\s+⟦C\d+⟧\s+on|arrived for|began|begins|paid|pays|made|makes|wrapped up|concluded|ended|is paying|will pay|will make)\s+(?:an?|his|her|the)\s+{_VISIT_ADJ}(?:visit|trip)\s+to\s+(?:the\s+)?{L.slot('CS', 'x')}", re.I)),
]
#: "Macron ..., on the second day of a three-day state visit to Morocco", "X said during his visit to
#: Y": the visitor is the sentence's first person (its subject)
_VISIT_OF_SUBJECT = rx.compile(
    rf"^(?:[^⟦]{{0,60}}?){L.PRE_TITLE}{L.slot('P', 'p')}[^;]*?\b(?:(?:on|during|at|for)\s+the\s+(?:\w+\s+){{0,2}}?"
    rf"(?:day|leg|stage|part|end|start|close|course)\s+of\s+(?:an?|his|her|the)|during\s+(?:an?|his|her)|"
    rf"(?:began|begins|started|starts|wrapped up|concluded|ended|on)\s+(?:his|her))\s+{_VISIT_ADJ}"
    rf"(?P<v>visit|trip|tour)\s+to\s+(?:the\s+)?{_PLACE_PRE}?{L.slot('CS', 'x')}", re.I)
#: a person coordinated before the subject of a visit ("A and Defense Minister B arrived in")
_CO_SUBJECT = rx.compile(rf"⟦P(\d+)⟧\s*(?:,|,?\s+and)\s+{L.PRE_TITLE}$", re.I)
_VISIT_ANAPHOR = rx.compile(r"\b(?:his|her|the|this|their)\s+(?:(?:state|official|working|[a-z]+-day)\s+)?visit\b", re.I)


def _new_event(run: _Run, key: str, etype: str, label: str, sent: Sentence, pos: int, rule: str) -> Event:
    ev = run.events.get(key)
    if ev is None:
        ev = Event(key, etype, label, evidence=run.ev(sent, rule))
        run.events[key] = ev
    ev.names.add(label)
    _touch(run, ev, sent, pos)
    return ev


def _touch(run: _Run, ev: Event, sent: Sentence, pos: int) -> None:
    if sent.idx not in ev.sentences:
        ev.sentences.append(sent.idx)
    sent.events.append((ev.key, pos))


def _org_short_name(entity: Entity) -> str:
    """An organization's shortest name ("SCO"), ties broken alphabetically ("NATO" before
    "Nato") so that the same text always gives the same label; its label when it has no other."""
    return min(entity.alt_labels, key=lambda n: (len(n), n)) if entity.alt_labels else entity.label


def _summit_for(run: _Run, org: str | None, ordinal: str | None) -> Event | None:
    summits = [e for e in run.events.values() if e.type == "Summit" and e.date_rank != 0]
    if org is not None:
        for e in summits:
            if e.organizer == org:
                return e
        unorg = [e for e in summits if e.organizer is None]
        if len(unorg) == 1:
            unorg[0].organizer = org
            return unorg[0]
        return None
    if summits:
        last = run.events.get(run.last_event) if run.last_event else None
        return last if last is not None and last.type == "Summit" else summits[-1]
    return None


_GENERIC_NAME_WORDS = frozenset("union organization organisation council community of the and for cooperation "
                                "association league group states nations treaty".split())


def _organ_owner(run: _Run, organ: str) -> str | None:
    """The organization of the story whose own name the organ's carries: "the Supreme Eurasian
    Economic Council" is the Eurasian Economic Union's."""
    words = set(re.findall(r"[a-z]+", organ.lower()))
    found = set()
    for i, m in enumerate(run.mentions):
        if m.kind != "O":
            continue
        key = run.key_of(i)
        ent = run.entities.get(key) if key else None
        if ent is None:
            continue
        own = set(re.findall(r"[a-z]+", ent.label.lower())) - _GENERIC_NAME_WORDS
        if own and own <= words:
            found.add(key)
    return found.pop() if len(found) == 1 else None


#: an earlier gathering of the story's organization told by its place and time: "the gathering was
#: held in the Libyan city of Sirte", "It first met a year ago in the Czech capital, Prague",
#: "Leaders last met in Astana, the capital of Kazakhstan, in November 2023", "the first was held at Rambouillet"
_EARLIER_GATHERING = rx.compile(
    r"\b(?:(?:the|that|this)\s+(?:gathering|summit|meeting)\s+was\s+held|the\s+(?:first|last|previous)(?:\s+one)?\s+"
    r"(?:was\s+held|took\s+place)|(?:[Ii]t|[Tt]hey|[Ll]eaders|[Tt]he\s+(?:leaders|group|bloc))\s+(?:first|last)\s+met|"
    r"(?:hosted|held)\s+the\s+(?:gathering|summit|meeting))\b"
    r"(?:\s+(?:a\s+year\s+ago|last\s+year|in\s+(?:19|20)\d\d))?\s+(?:in|at)\s+(?:the\s+)?"
    rf"(?:{L.slot('SD', 'st')}\s*{L.POSS}?\s+)?(?:(?:[a-z]+\s+)?(?:capital|city|town|resort)(?:\s+of)?\s*,?\s*)?"
    rf"{L.slot('C', 'c')}")
_PAST_TIME = rx.compile(r"\b(?:a\s+year\s+ago|last\s+year|(?:19|20)\d\d|previously|earlier)\b")


#: "Britain is due to host the next gathering", "Malaysia will host the next meeting in Kuala Lumpur"
_NEXT_GATHERING = rx.compile(
    rf"{L.slot('S', 'st')}[^.;⟦]{{0,30}}?\b(?:will|is\s+(?:due|set|expected|scheduled|slated|to)|agreed|offered)\s+"
    rf"(?:to\s+)?host\s+the\s+next\s+(?:gathering|meeting|session|one|edition)\b"
    rf"(?:\s+(?:in|at)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:capital|city)(?:\s+of)?\s*,?\s*)?{L.slot('C', 'c')})?")


def _next_gathering(run: _Run, sent: Sentence) -> None:
    m = _NEXT_GATHERING.search(sent.masked)
    main, org = _story_gathering(run) if m else (None, None)
    if org is None:
        return
    key = f"event/{run.article.article_id}/next-{slugify(main.type)}"
    if key in run.events or any(e.votes["planned"] and e.organizer == org and e is not main
                                for e in run.events.values()):
        return  # (already told: "the next summit will be held in Dushanbe")
    ev = _new_event(run, key, main.type, f"next {_org_short_name(run.entities[org])} {main.type.lower()}",
                    sent, m.start(), "event:next-gathering")
    ev.organizer, ev.date_rank = org, 0
    ev.votes["planned"] += 5
    ev.host = run.key_of(int(m.group("st")))
    ev.note("host", run.ev(sent, "host:next-gathering"))
    if m.group("c"):
        ev.location[run.key_of(int(m.group("c")))] += 3


def _story_org(run: _Run) -> str | None:
    """The organization a story is about: named in the headline or lede, at least three times, and
    twice as often as any other."""
    counts = Counter(run.key_of(i) for i, m in enumerate(run.mentions) if m.kind == "O")
    ranked = counts.most_common(2)
    lede = " ".join(x.masked for x in run.sentences[:3])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) and any(
            run.key_of(i) == ranked[0][0] for _, i, _ in _slots(lede, "O")) and \
            run.entities.get(ranked[0][0]) is not None and \
            run.entities[ranked[0][0]].type == "InternationalOrganization":
        return ranked[0][0]
    return None


def _story_gathering(run: _Run) -> tuple[Event | None, str | None]:
    """The summit or meeting a story is about and its organization (the story's own when it has
    none yet); (event, None) when either is unknown."""
    main = _dominant_event(run)
    if main is None or main.type not in ("Summit", "Meeting"):
        return main, None
    return main, main.organizer or _story_org(run)


def _earlier_gathering(run: _Run, sent: Sentence) -> None:
    m = _EARLIER_GATHERING.search(sent.masked)
    main, org = _story_gathering(run) if m else (None, None)
    if org is None or not _PAST_TIME.search(sent.masked):
        return
    c = run.key_of(int(m.group("c")))
    year = re.search(r"\b(?:19|20)\d\d\b", sent.masked)
    ctx_year = run.anchor.year if run.anchor else run.year
    if c is None or c in main.location or (year and ctx_year and int(year.group()) == ctx_year and
                                           "last met" not in m.group()):
        return
    city = run.entities[c].label
    ev = _new_event(run, f"event/{run.article.article_id}/{slugify(main.type)}-in-{slugify(city)}", main.type,
                    f"{_org_short_name(run.entities[org])} {main.type.lower()} in {city}", sent,
                    m.start("c"), "event:earlier-gathering")
    ev.organizer, ev.date_rank = ev.organizer or org, 0
    ev.votes["happened"] += 5
    ev.location[c] += 3
    ev.note(f"location:{c}", run.ev(sent, "location:earlier-gathering"))


def _org_before(run: _Run, sent: Sentence, pos: int) -> str | None:
    """The organization named last before ``pos`` (this sentence, then the ones before it)."""
    here = [i for _, i, p in _slots(sent.masked, "O") if p < pos]
    if here:
        return run.key_of(here[-1])
    for prev in reversed(run.sentences[:sent.idx]):
        found = _slots(prev.masked, "O")
        if found:
            return run.key_of(found[-1][1])
    return None


def _events(run: _Run, sent: Sentence) -> None:
    masked = sent.masked
    art = run.article.article_id
    persons = len(_P_SLOT.findall(masked))  # the visit and bilateral patterns need 1 or 2
    has_summit = "ummit" in masked or "UMMIT" in masked or " Meeting" in masked or "gathering of" in masked
    # summits with a name of their own ("the East Asia Summit"): one event each
    named: list[tuple[int, int]] = []
    for m in (_NAMED_SUMMIT.finditer(masked) if has_summit else ()):
        name = m.group("name")
        if _NOT_SUMMIT_NAME.search(name):
            continue
        label = f"{_unmask(run, name)}Summit"  # ("the China-Central Asia Summit")
        ev = _new_event(run, f"event/{art}/{slugify(label)}", "Summit", label, sent, m.start("noun"),
                        "event:named-summit")
        named.append((m.start(), m.end()))
        run.last_event = ev.key
    for m in (_SUMMIT_OF_THE.finditer(masked) if has_summit else ()):  # "the Summit of the Americas"
        if re.search(r"(?:⟧|\b(?!The\b)[A-Z][\w-]*)\s+$", masked[:m.start()]):
            continue  # ("the Islamic Summit of the ...": a name that runs on before it)
        label = _unmask(run, m.group(0))
        ev = _new_event(run, f"event/{art}/{slugify(label)}", "Summit", label, sent, m.start("noun"),
                        "event:named-summit")
        named.append((m.start(), m.end()))
        run.last_event = ev.key
    # summits
    sessions = [m for m in _SESSION_SUMMIT.finditer(masked) if not (
        m.group("gb") and not re.fullmatch(_LEADERS_BODY, run.mentions[int(m.group("gb"))].text)
        or m.group("noun").lower() == "meeting" and not (m.group("ord") or m.group("qual")))] \
        if "ession" in masked or "eeting" in masked else []
    # (not a meeting of a ministers' council; "a meeting of the Assembly" is not numbered)
    sessions += _ITS_SESSION.finditer(masked) if "ession" in masked else []
    sessions += _NUMBERED_SESSION.finditer(masked) if "ession" in masked or "eeting" in masked else []
    for m in [*(_SUMMIT.finditer(masked) if has_summit else ()), *sessions]:
        if any(s <= m.start("noun") < e for s, e in named):
            continue
        o = m.group("o1") or m.group("o2")
        org = run.key_of(int(o)) if o else None
        if m.re is _SESSION_SUMMIT and org is None and m.group("gb"):
            org = _organ_owner(run, run.mentions[int(m.group("gb"))].text)
        if m.re in (_SESSION_SUMMIT, _ITS_SESSION, _NUMBERED_SESSION) and org is None:
            if not m.group("ord"):
                continue  # ("the opening session")
            main = _main_summit(run)  # "its 44th session": of the organization whose summit it is
            org = main.organizer if main is not None and main.organizer else _org_before(run, sent, m.start())
            if org is None or run.entities[org].type != "InternationalOrganization":
                continue
        if org is None and re.search(r"\b(?:the|its)\s+(?:bloc|group|grouping|organi[sz]ation|alliance|association|union)(?:'s|’s)\s+(?:\w+\s+){0,2}$",
                                     masked[max(0, m.start() - 50):m.start("noun")], re.I):
            # "the group's 17th summit": the organization named before it in the sentence, else the
            # one whose summit the story is about (not the UN, named last in passing)
            main = _main_summit(run)
            org = _org_before(run, sent, m.start()) if "⟦O" in masked[:m.start()] or main is None \
                or main.organizer is None else main.organizer
        if org is None and re.search(r"\b(?:their|a|an)\s+(?:[\w-]+\s+){0,3}$", masked[max(0, m.start() - 50):m.start("noun")]):
            # "Leaders of the ... Council (GCC) met ... for their 45th annual summit"
            lead = re.search(rf"\b(?:[Ll]eaders|[Hh]eads of (?:[Ss]tate|[Gg]overnment)(?: and [Gg]overnment)?)\s+of\s+(?:the\s+)?"
                             rf"(?:[\w-]+\s+){{0,3}}?{L.slot('O', 'lo')}|{L.slot('O', 'lo2')}\s+(?:leaders|heads of state)\b",
                             masked[:m.start()])
            if lead and re.search(r"\b(?:met|meet|gathered|gather|convened|convene|held|hold|attended|attend|adopted|"
                                  r"signed|approved|agreed|endorsed|wrapped up|concluded|ended|opened|open|opens|began|"
                                  r"begin|begins|closed|close|closes|started|start|starts|kicked off|kick off|"
                                  r"arrived|arrive|gathering|are meeting)\b",
                                  masked[lead.end():m.start()]):
                org = run.key_of(int(lead.group("lo") or lead.group("lo2")))
            # "ECOWAS announced at an extraordinary summit in Abuja that ...": its own summit
            said = re.search(rf"{L.slot('O', 'so')}(?:\s*\(⟦O\d+⟧\))?\s+(?:[\w-]+\s+)?(?:announced|said|decided|"
                             rf"agreed|adopted|declared|resolved|approved)\s+(?:on\s+\w+\s+)?(?:at|during)\s+"
                             rf"(?:a|an|its)\s+(?:[\w-]+\s+){{0,3}}$", masked[:m.start("noun")])
            if org is None and said:
                org = run.key_of(int(said.group("so")))
        # another summit than the reported one: "which" names it ("next", "last", "2021")
        before = re.search(r"\b(next|upcoming|following|last|previous|future|first-ever)\s+(?:year's\s+)?(?:(?!summit)[a-z][\w-]+\s+)?(?:⟦[OC]\d+⟧\s+)?$",
                           masked[max(0, m.start() - 40):m.start("noun")], re.I)
        which = before.group(1).lower() if before else None
        if which is None and re.search(r"\b(?:last|previous|next)\s+year(?:'s|’s)\s+(?:[\w-]+\s+){1,3}?(?:from|at|of)\s+(?:the\s+)?"
                                       r"(?:⟦[OC]\d+⟧\s+)?$", masked[max(0, m.start() - 60):m.start("noun")]):
            # "last year's communiqué from the Hiroshima summit": that year's summit, not this one
            which = "next" if "next" in masked[max(0, m.start() - 60):m.start("noun")] else "last"
        if which is None and re.search(r"\b(?:last|previously|first)\s+met\b|\bmet\s+(?:last|previously)\b", masked[:m.start()]):
            which = "last"  # "They last met in November on the margins of the G20 summit"
        ctx_year = run.anchor.year if run.anchor else run.year
        later_year = re.match(r"\s+in\s+((?:19|20)\d\d)\b", masked[m.end():m.end() + 12])
        if later_year and ctx_year and int(later_year.group(1)) != ctx_year and not m.group("ord") and which is None:
            which = later_year.group(1)  # "... at the organization's summit in Istanbul in 2021"
        if m.group("yr") and ctx_year and int(m.group("yr")) != ctx_year and not m.group("ord"):
            which = m.group("yr")  # "Brazil will host the 2025 BRICS summit" in a story of 2024
        # what follows the name: "... in Johannesburg, South Africa, in August 2023" (dated apart)
        apart, tail_city, tail_host = _event_tail(masked, m.end(), ctx_year)
        if apart and _ordinal_value(m.group("ord"), words=m.re is not _SUMMIT) is not None and any(
                e.ordinal is not None for e in run.events.values() if e.type == "Summit"):
            apart = None  # (numbered summits are told apart by their numbers, below)
        if which is None and apart:
            which = apart
        city_apart = None
        if which is None and not m.group("ord") and m.group("c2"):
            # "the summit in Johannesburg" when the summit reported is in Kazan: another summit
            known = [e for e in run.events.values() if e.type == "Summit" and e.date_rank != 0
                     and e.organizer in (None, org) and e.location]
            c = run.key_of(int(m.group("c2")))
            if known and all(e.location.most_common(1)[0][0] != c and e.location[c] == 0 for e in known):
                city_apart = c
                which = f"in {run.entities[c].label}"
        if which is not None and (not m.group("ord") or apart):
            key = f"event/{art}/{slugify(m.group('ord') or which)}-summit"
            label = f"summit {which}" if city_apart else f"{m.group('ord') or which} summit"
            main = _main_summit(run)
            ev = _new_event(run, key, "Summit", label, sent, m.start("noun"), "event:summit")
            ev.organizer = ev.organizer or org or (main.organizer if main is not None and main is not ev else None)
            later = which in ("next", "upcoming", "following", "future") or (
                which.isdigit() and ctx_year is not None and int(which) > ctx_year)
            if not city_apart:  # (a summit elsewhere takes its tense from its own clause)
                ev.votes["planned" if later else "happened"] += 5
            ev.date_rank = 0
            c = m.group("c2") or tail_city
            if c:
                ev.location[run.key_of(int(c))] += 3
                ev.note(f"location:{run.key_of(int(c))}", run.ev(sent, "location:summit-in"))
            h = m.group("hs") or tail_host
            if h and ev.host is None:
                ev.host = run.key_of(int(h))
                ev.note("host", run.ev(sent, "host:summit-hosted-by"))
            continue
        ev = _summit_for(run, org, m.group("ord"))
        ordn = _ordinal_value(m.group("ord"), words=m.re is not _SUMMIT)
        if ev is not None and ordn is not None and ev.ordinal is not None and ev.ordinal != ordn:
            # "the 45th summit ... its 44th session in Doha": another summit of the organization
            org_ent = run.entities.get(org) if org else None
            name = _org_short_name(org_ent) if org_ent else ""
            label = f"{m.group('ord')} {name} summit".replace("  ", " ")
            nxt = run.events.get(f"event/{art}/next-summit") if ordn > ev.ordinal else None
            if nxt is not None and nxt.ordinal is None and nxt.organizer in (None, org or ev.organizer):
                other = nxt  # "until the next Summit ... the IX CELAC Summit would be held in Honduras"
                other.names.add(other.label)
                other.label = label
                _touch(run, other, sent, m.start("noun"))
            else:
                other = _new_event(run, f"event/{art}/{slugify(label)}", "Summit", label, sent, m.start("noun"),
                                   "event:summit-ordinal")
            other.organizer, other.ordinal, other.date_rank = org or ev.organizer, ordn, 0
            other.votes["planned" if ordn > ev.ordinal else "happened"] += 5
            if m.group("c2"):
                c = run.key_of(int(m.group("c2")))
                other.location[c] += 3
                other.note(f"location:{c}", run.ev(sent, "location:summit-in"))
            run.last_event = other.key
            continue
        if ev is None:
            org_ent = run.entities.get(org) if org else None
            name = _org_short_name(org_ent) if org_ent and org_ent.alt_labels else None
            label = f"{name} summit" if name else "summit"
            if m.group("ord"):
                label = f"{m.group('ord')} {label}"
            key = f"event/{art}/{slugify(label)}"
            ev = _new_event(run, key, "Summit", label, sent, m.start("noun"), "event:summit")
            ev.organizer = org
        else:
            _touch(run, ev, sent, m.start("noun"))
        if ordn is not None and ev.ordinal is None:
            ev.ordinal = ordn
        surface = _unmask(run, m.group()).strip()
        if len(surface.split()) > 1:
            ev.names.add(re.sub(r"^(?:the|a)\s+", "", surface, flags=re.I))
        if m.group("ord") and not ev.label[:1].isdigit() and not ev.label.lower().startswith(m.group("ord").lower()):
            ev.label = f"{m.group('ord')} {ev.label}"
        if org and re.fullmatch(r"(?:\S+\s+)?summit", ev.label) and not any(
                w in ev.label for w in (run.entities[org].alt_labels or {run.entities[org].label})):
            short = _org_short_name(run.entities[org])
            ev.label = (f"{m.group('ord')} " if m.group("ord") else "") + f"{short} summit"
        if m.group("c1") or m.group("c2"):
            c = int(m.group("c1") or m.group("c2"))
            ev.location[run.key_of(c)] += 3
            ev.note(f"location:{run.key_of(c)}", run.ev(sent, "location:summit-in"))
            if m.group("hs"):
                ev.host = run.key_of(int(m.group("hs")))
                ev.note("host", run.ev(sent, "host:possessive-city"))
        run.last_event = ev.key
    _earlier_gathering(run, sent)
    _next_gathering(run, sent)
    # "<org> leaders gathered / met" -> the organization's summit
    for m in _LEADERS_MEET.finditer(masked):
        org = run.key_of(int(m.group("o") or m.group("o2")))
        ev = _summit_for(run, org, None)
        if ev is None and not any(run.events[k].type == "Summit" for k, _ in sent.events):
            # "Leaders of the Group of Seven will meet in Kananaskis": the organization's summit
            org_ent = run.entities.get(org)
            name = _org_short_name(org_ent) if org_ent and org_ent.alt_labels else None
            label = f"{name} summit" if name else "summit"
            ev = _new_event(run, f"event/{art}/{slugify(label)}", "Summit", label, sent, m.end() - 1,
                            "event:leaders-meet")
            ev.organizer = org
            run.last_event = ev.key
        elif ev is not None:
            _touch(run, ev, sent, m.start())
    # meetings of organs ("Council of Heads of State meeting")
    summit_bodies = {m.group("gb") for m in sessions if m.re is _SESSION_SUMMIT and m.group("gb")}
    for m in _ORGAN_MEETING.finditer(masked):
        if (m.group("g") or m.group("g2")) in summit_bodies:
            continue  # ("the fifty-fourth regular session of the General Assembly": the summit, above)
        g = int(m.group("g") or m.group("g2"))
        organ = run.mentions[g].text
        key = f"event/{art}/{slugify(organ)}-meeting"
        _new_event(run, key, "Meeting", f"{organ} meeting", sent, m.start(), "event:organ-meeting")
    for _, g, pos in _slots(masked, "G"):
        key = run.organ_events.get(run.key_of(g))
        if key is not None:
            _touch(run, run.events[key], sent, pos)
    # an organization's ministerial meeting ("the 57th ASEAN Foreign Ministers' Meeting", "foreign
    # ministers of the SCO met in Goa", "the SCO Council of Foreign Ministers")
    if "inisters" in masked or "⟦G" in masked:
        for rule, rx in _MINISTERS_MEETINGS:
            for m in rx.finditer(masked):
                org = run.key_of(int(m.group("o")))
                org_ent = run.entities.get(org)
                if org_ent is None or org_ent.type != "InternationalOrganization":
                    continue
                short = _org_short_name(org_ent)
                kind = (m.group("kind") or "").strip().title()
                if rule == "organ":  # "Council of Foreign Ministers": a foreign ministers' meeting
                    found = re.search(_MINISTRY_RX, run.mentions[int(m.group("g"))].ref, re.I)
                    kind = found.group().title() if found else ""
                    if "inisters" not in run.mentions[int(m.group("g"))].ref:
                        continue
                label = " ".join(x for x in (m.group("ord"), short, kind, "Ministers' Meeting") if x)
                key = f"event/{art}/{slugify(short)}-{slugify(kind) + '-' if kind else ''}ministers-meeting"
                ev = _new_event(run, key, "Meeting", label, sent, m.start("noun"), "event:ministers-meeting")
                ev.organizer = ev.organizer or org
                run.last_event = ev.key
                if rule == "organ":  # later uses of the body ("Addressing the CFM") mean its meeting
                    run.organ_events[run.key_of(int(m.group("g")))] = ev.key
                if rule.endswith("-met"):
                    future = re.search(r"\b(?:will|are\s+(?:due|set|expected|scheduled)\s+to)\s+\w+$", m.group())
                    ev.votes["planned" if future else "happened"] += 3
    for m in _BODY_MEETING.finditer(masked):
        org = run.key_of(int(m.group("o")))
        org_ent = run.entities.get(org)
        body = m.group("body")
        if org_ent is None or org_ent.type != "InternationalOrganization" or \
                not re.search(r"\b(?:Minist\w+|Permanent|Executive|Foreign|Defen[cs]e|Finance)\b", body):
            continue  # (a session of the Assembly or of the council of heads of state is the summit)
        short = _org_short_name(org_ent)
        key = f"event/{art}/{slugify(short)}-{slugify(body)}-meeting"
        ev = _new_event(run, key, "Meeting", f"{short} {body} meeting", sent, m.start(), "event:body-meeting")
        ev.organizer = ev.organizer or org
        run.last_event = ev.key
    # "co-chaired a side meeting on irregular migration with ...": a meeting on the margins of the summit
    for m in _SIDE_MEETING.finditer(masked):
        topic = (m.group("topic") or "").strip()
        label = f"side meeting on {topic}" if topic else "side meeting"
        ev = _new_event(run, f"event/{art}/{slugify(label)}", "Meeting", label, sent, m.start("noun"), "event:side-meeting")
        run.last_event = ev.key
    # session formats within a summit
    for m in L.SESSION_FORMAT.finditer(masked):
        fmt = m.group("fmt").lower()
        key = f"event/{art}/{fmt}-format-session"
        _new_event(run, key, "Meeting", f"{fmt}-format session", sent, m.start(), "event:session-format")
    for m in _OUTREACH.finditer(masked):
        o = m.group("o")
        org_label = run.mentions[int(o)].text
        if not re.search(r"(?:\bPlus|\+)$", org_label):
            continue
        org_label = re.sub(r"\s*(?:Plus|\+)$", "", org_label)
        key = f"event/{art}/{slugify(org_label)}-plus-meeting"
        ev = _new_event(run, key, "Meeting", f"{org_label} Plus format meeting", sent, m.start(), "event:outreach")
        ev.organizer = run.key_of(int(o))
        run.last_event = key
    # visits
    for rule, rx in (_VISIT + [("visit:of-subject", _VISIT_OF_SUBJECT)] if persons else ()):
        for m in rx.finditer(masked):
            p = run.person_of.get(int(m.group("p")))
            if p is None:
                continue
            x = int(m.group("x"))
            place = run.key_of(x)
            airport = run.mentions[x].kind == "C" and _AIRPORT_AFTER.match(masked, m.end("x") + 1)
            if airport and _city_state(run, place) in run.entities:
                place = _city_state(run, place)  # "landed at Orly airport": a visit to France, not to Orly
            when = _visit_time(run, masked[m.start():m.end() + 45])
            ev = _dated_visit(run, p, place, sent, m.start("v"), rule, *when) if when else \
                _visit_for(run, p, place, sent, m.start("v"), rule)
            before = masked[:m.start()]
            while co := _CO_SUBJECT.search(before):
                q = run.person_of.get(int(co.group(1)))  # "A and Defense Minister B arrived in ..."
                if q and q != p:
                    ev.participants.setdefault(q, run.ev(sent, f"{rule}:coordinated"))
                before = before[:co.start()]
            if run.mentions[x].kind == "C" and place.startswith("place/"):
                ev.location[place] += 5
                ev.note(f"location:{place}", run.ev(sent, rule))
            verb = m.group("v").lower()
            if verb in ("arrived", "landed", "touched down", "visited", "travelled to", "traveled to", "flew to",
                        "flew into", "paid", "made", "wrapped up", "concluded", "ended", "was on", "began"):
                ev.votes["happened"] += 3
                ev.note("status:Happened", run.ev(sent, rule))
            elif verb.startswith(("will", "to ", "is ", "was ", "leaves", "heads")):
                ev.votes["planned"] += 2
                ev.note("status:Planned", run.ev(sent, rule))
            run.last_event = ev.key
    for m in _VISIT_ANAPHOR.finditer(masked):
        visits = [e for e in run.events.values() if e.type == "Visit"]
        if visits:  # "the visit": the visit the article is about (most told, then first told)
            main = max(visits, key=lambda e: (len(e.sentences), -min(e.sentences, default=0)))
            if not any(k == main.key for k, _ in sent.events):
                _touch(run, main, sent, m.start())
    # bilateral meetings between two named people
    for rule, rx in _BILATERAL:
        if persons < 2 and "a" in rx.groupindex:
            continue  # a pattern with placeholders a and b
        for m in rx.finditer(masked):
            pair = None
            if re.match(r"[^.;]{0,80}?\bfor\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,3}summit\b", masked[m.end():]):
                continue  # "A and B met in Hiroshima for a summit of the Quad": the summit, no talks of two
            if "a" in rx.groupindex:
                a, b = run.person_of.get(int(m.group("a"))), run.person_of.get(int(m.group("b")))
                if a and b and a != b:
                    pair = tuple(sorted((a, b)))
                    more = _MORE_PEOPLE.match(masked, m.end()) if rule == "meeting:met" and \
                        not re.search(r"\bseparate", m.group(), re.I) else None
                    if more:  # "A sat down with B, C and D": one meeting of the four
                        group = {a, b} | {run.person_of[i] for _, i, _ in _slots(more.group(), "P") if i in run.person_of}
                        pair = tuple(sorted(group))
                    joined = _joined_subjects(run, masked[:m.start()]) if rule == "meeting:met" else set()
                    if joined - {b}:  # "A, together with B, and C, met D": one meeting of the four
                        pair = tuple(sorted(set(pair) | joined - {b}))
            elif rule == "meeting:their" or (rule == "meeting:two-leaders" and len(
                    {run.person_of[i] for _, i, _ in _slots(masked, "P") if i in run.person_of}) == 2):
                # "A discussed it with his counterpart, B, when the two held talks": the two named here
                ps = sorted({run.person_of[i] for _, i, _ in _slots(masked, "P") if i in run.person_of})
                if len(ps) == 2:
                    pair = tuple(ps)
            else:
                bil = [e for e in run.events.values() if e.type == "Meeting" and len(e.persons) == 2]
                host_pair = _visitor_and_host(run) if rule == "meeting:two-leaders" and not persons else None
                if host_pair is not None and not any(e.persons == host_pair for e in bil):
                    bil = []  # ("After the parade, the two leaders held formal talks": the visitor and his host)
                    pair = host_pair
                if rule == "meeting:recalled":
                    talks = [e for e in bil if e.date_rank != 0]
                    if talks:
                        _recalled_meeting(run, max(talks, key=lambda e: (len(e.sentences), e.key)), sent, m)
                    continue
                if host_pair is not None and bil:
                    bil = [e for e in bil if e.persons == host_pair]
                if bil:
                    _touch(run, bil[0], sent, m.start())
                    if bil[0].part_of is None and re.search(r"\b(?:sidelines|margins|fringes)\s+of\b", masked):
                        summits = [run.events[k] for k, _ in sent.events if run.events[k].type == "Summit"
                                   and run.events[k].date_rank != 0]
                        if summits:  # "The two leaders met ... on the sidelines of the APEC summit"
                            bil[0].part_of = summits[0].key
                            bil[0].note("partOf", run.ev(sent, "partOf:sidelines"))
                if pair is None:
                    continue
            if pair is None:
                continue
            ev = _bilateral(run, pair, sent, m, rule)
            if rule == "meeting:travelled-for-talks" and not ev.location:
                for _, ci, _ in _slots(m.group(), "C"):  # "flew to Abu Dhabi for talks with": there
                    ev.location[run.key_of(ci)] += 3
                    ev.note(f"location:{run.key_of(ci)}", run.ev(sent, rule))
            # "held separate talks with A, ..., and with B": talks with each
            more = (_AND_WITH.match(masked, m.end()) or _AND_VERB_WITH.match(masked, m.end())) \
                if rule == "meeting:met" else None
            others = [more] if more else []
            if more is None and rule == "meeting:met" and re.search(r"\bseparate\b", m.group(), re.I):
                pos = m.end()  # "separate talks with A, B, C and D": a meeting with each
                while nxt := _SEPARATE_NEXT.match(masked, pos):
                    others.append(nxt)
                    pos = nxt.end()
            for more in others:
                c = run.person_of.get(int(more.group("c")))
                a = run.person_of.get(int(m.group("a")))
                if c and c not in pair and a and a != c:
                    _bilateral(run, tuple(sorted((a, c))), sent, more, rule)
    # "A, B and C held a trilateral meeting", "A held a three-way meeting with B and C"
    for m in (_TRILATERAL.finditer(masked) if persons >= 3 else ()):
        idx = [m.group(g) for g in ("a", "b", "c") if m.group(g)] or [m.group(g) for g in ("a2", "b2", "c2")]
        three = tuple(sorted({run.person_of[int(i)] for i in idx if int(i) in run.person_of}))
        if len(three) == 3:
            _bilateral(run, three, sent, m, "meeting:trilateral")
    # anaphors: "the summit", "the meeting", "the event"
    for m in L.EVENT_ANAPHOR.finditer(masked):
        if any(abs(p - m.start()) < 40 for _, p in sent.events):
            continue
        noun = m.group("noun").lower()
        target = None
        if noun == "summit":
            target = _summit_for(run, None, None)
        elif noun in ("talks",):
            bil = [e for e in run.events.values() if e.type == "Meeting" and len(e.persons) == 2]
            target = bil[-1] if bil else None
        else:
            target = run.events.get(run.last_event) if run.last_event else None
            if target is None or target.type not in ("Summit", "Meeting"):
                summits = [e for e in run.events.values() if e.type == "Summit"]
                target = summits[-1] if summits else None
        if target is not None:
            _touch(run, target, sent, m.start())
    # "These were also attended by ..." -> the last event
    if re.match(r"^(?:These|They|It)\s+(?:were|was|will be)\s+(?:also\s+)?attended\b", masked) and run.last_event:
        _touch(run, run.events[run.last_event], sent, 0)


def _session_parent(run: _Run, ev: Event, sent: Sentence) -> None:
    """A session belongs to the summit or talks named in its own sentence, if any."""
    others = [run.events[k] for k, _ in sent.events if k != ev.key]
    summits = [o for o in others if o.type == "Summit"]
    if not summits and any(o.type == "Meeting" and o.persons for o in others):
        talks = next(o for o in others if o.type == "Meeting" and o.persons)
        ev.part_of = talks.key
        ev.note("partOf", run.ev(sent, "partOf:session"))


def _visit_for(run: _Run, person: str, place: str, sent: Sentence, pos: int, rule: str) -> Event:
    ent = run.entities[place]
    place_country = None
    if ent.type == "City":
        city = run.city_of.get(place)
        place_country = city.country if city else None
    for ev in run.events.values():
        if ev.type != "Visit" or ev.persons != (person,):
            continue
        locs = set(ev.location) | ({ev.host} if ev.host else set())
        if place in locs:
            _touch(run, ev, sent, pos)
            return ev
        # a visit to a country and a visit to a city of that country are one visit
        for loc in locs:
            if loc.startswith("state/") and place_country and run.ref.state(loc[6:]).iso2 == place_country:
                ev.host = None
                ev.location[place] += 1
                ev.note(f"location:{place}", run.ev(sent, rule))
                ev.names.add(f"visit to {ent.label}")
                _touch(run, ev, sent, pos)
                return ev
            if place.startswith("state/") and loc.startswith("place/") and loc.endswith("-" + run.ref.state(place[6:]).iso2.lower()):
                _touch(run, ev, sent, pos)
                return ev
    pname = run.entities[person].label
    label = f"{_short_name(run.entities[person])}'s visit to {ent.label}"
    key = f"event/{run.article.article_id}/visit-{slugify(pname)}-{slugify(ent.label)}"
    ev = _new_event(run, key, "Visit", label, sent, pos, rule)
    ev.persons = (person,)
    ev.participants.setdefault(person, run.ev(sent, rule))
    if place.startswith("state/"):
        ev.host = place
    return ev


_JOINED_BEFORE = rx.compile(r"⟦P(\d+)⟧\s*,?\s+(?P<link>together\s+with|along\s+with|accompanied\s+by|and)\s+"
                            r"(?:(?:[^.;⟦]|⟦[SDO]\d+⟧){0,60}?,\s+)?$", re.I)


def _joined_subjects(run: _Run, before: str) -> set[str]:
    """The people joined to a subject before it ("A, together with the Prime Minister of Italy, B,
    and C, met D": A and B for C), when one of the links is "together with" or "along with"."""
    found, along = set(), False
    while m := _JOINED_BEFORE.search(before):
        p = run.person_of.get(int(m.group(1)))
        if p is None:
            break
        found.add(p)
        along = along or not m.group("link").lower() == "and"
        before = before[:m.start() + len(f"⟦P{m.group(1)}⟧")]
        before = before[:before.rfind("⟦P")]
    return found if along else set()


def _visitor_and_host(run: _Run) -> tuple[str, str] | None:
    """The visitor of the story's visit and the leader of the state visited named most often
    (the pair "the two leaders" means in a story of a state visit), sorted; None if unclear."""
    visits = [e for e in run.events.values() if e.type == "Visit" and len(e.persons) == 1 and e.date_rank != 0]
    if not visits:
        return None
    visit = max(visits, key=lambda e: (len(e.sentences), e.key))
    dest = _visit_country(run, visit)
    leaders = [p for p, offs in run.offices.items() if p != visit.persons[0]
               and any(h == dest and leader for (h, _, leader) in offs)]
    if not leaders:
        return None
    told = Counter(p for p in run.person_of.values() if p in leaders).most_common(2)
    if len(told) > 1 and told[0][1] == told[1][1]:
        return None
    return tuple(sorted((visit.persons[0], told[0][0])))


_VISIT_WHEN = rx.compile(rf"\bin\s+(?:(?P<m>{_MONTHS_RX})\s+)?(?P<y>(?:19|20)\d\d)\b")


def _visit_time(run: _Run, window: str) -> tuple[str, bool] | None:
    """The time of a visit told apart from the story's ("first visited China in November 2022,
    on a one-day trip to Beijing"): its words and whether it is later; None for the story's time."""
    m = _VISIT_WHEN.search(window)
    ctx = run.anchor or (_dt.date(run.year, 6, 30) if run.year else None)
    if m is None or ctx is None:
        return None
    told = (int(m.group("y")), MONTHS[m.group("m").lower()] if m.group("m") else None)
    if told[0] == ctx.year and (told[1] is None or abs(told[1] - ctx.month) <= 1):
        return None
    return m.group().split(None, 1)[1], told > (ctx.year, told[1] if told[1] is not None else ctx.month)


def _dated_visit(run: _Run, person: str, place: str, sent: Sentence, pos: int, rule: str, when: str,
                 later: bool) -> Event:
    """A visit of ``person`` to ``place`` at another time than the story's (one per time)."""
    ent = run.entities[place]
    key = f"event/{run.article.article_id}/visit-{slugify(run.entities[person].label)}-{slugify(ent.label)}-{slugify(when)}"
    label = f"{_short_name(run.entities[person])}'s visit to {ent.label} in {when}"
    ev = _new_event(run, key, "Visit", label, sent, pos, rule)
    ev.persons, ev.date_rank = (person,), 0
    ev.participants.setdefault(person, run.ev(sent, rule))
    ev.votes["planned" if later else "happened"] += 5
    if place.startswith("state/"):
        ev.host = place
    return ev


def _short_name(person: Entity) -> str:
    singles = sorted(n for n in person.alt_labels if len(n.split()) == 1)
    return singles[0] if singles else person.label


def _bilateral(run: _Run, pair: tuple, sent: Sentence, m: re.Match, rule: str) -> Event:
    """The talks of the people of ``pair`` (two, or three for a trilateral meeting)."""
    # a meeting dated differently (e.g. "their meeting ... in September") is another meeting
    window = sent.masked[m.start():m.end() + 60]
    other = _MONTH_OR_YEAR.search(window)
    existing = [e for e in run.events.values() if e.type == "Meeting" and e.persons == pair]
    art = run.article.article_id
    names = [_short_name(run.entities[p]) for p in pair]
    if other:
        ev = _other_meeting(run, pair, other.group(), sent, m.start(), rule)
        at = re.search(r"\bat\s+the\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)", window)
        if at:
            ev.names.add(f"meeting at the {at.group(1)}")
    else:
        plain = [e for e in existing if e.date_rank != 0]
        if plain:
            ev = plain[0]
            _touch(run, ev, sent, m.start())
        else:
            key = f"event/{art}/talks-{slugify('-'.join(names))}"
            label = f"talks between {', '.join(names[:-1])} and {names[-1]}"
            ev = _new_event(run, key, "Meeting", label, sent, m.start(), rule)
            ev.persons = pair
    for p in pair:
        ev.participants.setdefault(p, run.ev(sent, rule))
    if ev.part_of is None and re.search(r"\b(?:sidelines|margins|fringes)\s+of\b|\bduring\b|\bat\s+the\b", sent.masked):
        summits = [run.events[k] for k, _ in sent.events if run.events[k].type == "Summit"]
        if summits:
            ev.part_of = summits[0].key
            ev.note("partOf", run.ev(sent, "partOf:sidelines"))
    if ev.part_of is None and re.search(r"\b(?:sidelines|margins|fringes)\s+of\s+the\s+(?:[\w-]+\s+)?(?:meeting|gathering|"
                                        r"conference|talks)\b", sent.masked):
        # "on the sidelines of the meeting": an organization's ministerial meeting
        held = [e for e in run.events.values() if e.key.endswith("ministers-meeting") and e.key != ev.key]
        if held:
            ev.part_of = held[-1].key
            ev.note("partOf", run.ev(sent, "partOf:sidelines"))
    if ev.part_of is None and re.search(r"\b(?:[Oo]n|[Aa]t)\s+the\s+(?:sidelines|margins|fringes)\b(?!\s+of)", sent.masked):
        main = _main_summit(run)  # "On the sidelines, X held talks with Y": of the summit reported
        if main is not None and main.key != ev.key:
            ev.part_of = main.key
            ev.note("partOf", run.ev(sent, "partOf:sidelines"))
    return ev


#: one piece of what follows an event's name: its place, its host, its time ("the bloc's summit in
#: Johannesburg, South Africa, in August 2023", "its eighth summit, hosted by Turkey in Istanbul in
#: November 2021", "the summit that India hosted in New Delhi", "the next summit, to be held in Dushanbe")
_TAIL_PART = rx.compile(
    r"\s*,?\s*(?:(?:(?:to|which|that|will|would|is|are|was|were|shall)\s+){0,2}(?:[a-z]+ly\s+)?(?:be\s+)?"
    r"(?:held|hosted|staged|convened)(?:\s+by\s+⟦S(?P<hs>\d+)⟧)?"
    r"|(?:that|which)\s+⟦S(?P<hs2>\d+)⟧\s+(?:hosted|held|will\s+host|is\s+to\s+host)"
    r"|in\s+(?:the\s+(?:(?:⟦D\d+⟧|[\w-]+)\s+)?(?:city|capital|town|resort)\s+of\s+)?⟦C(?P<c>\d+)⟧"
    r"|in\s+(?:the\s+)?⟦S(?P<hs3>\d+)⟧"
    r"|⟦S\d+⟧|the\s+(?:⟦D\d+⟧|[\w-]+)\s+capital"
    rf"|in\s+(?:(?:early|late|mid-?)\s*)?(?:{_MONTHS_RX}\s+)?(?:\d{{1,2}},?\s+)?(?P<y>(?:19|20)\d\d)\b"
    r"|(?P<rel>last|next)\s+year\b|(?P<ago>a\s+year|two\s+years|\d+\s+years)\s+ago\b|(?P<that>that\s+year)\b)")


def _event_tail(masked: str, end: int, year: int | None) -> tuple[str | None, int | None, int | None]:
    """What follows an event's name at ``end``: (its time when it is not the story's ``year`` --
    "2023", "last", "next" -- , the mention index of its city, of its host state)."""
    when = city = host = None
    pos = end
    while (m := _TAIL_PART.match(masked, pos)) and m.end() > pos:
        pos = m.end()
        if m.group("c") and city is None:
            city = int(m.group("c"))
        if m.group("hs") or m.group("hs2") or m.group("hs3"):
            host = host or int(m.group("hs") or m.group("hs2") or m.group("hs3"))
        y = m.group("y")
        if m.group("that"):  # "in 2009 ... their first summit that year": the year told before
            told = re.findall(r"\b((?:19|20)\d\d)\b", masked[:end])
            y = told[-1] if told else None
        if y and year and int(y) != year:
            when = when or y
        elif m.group("rel") or m.group("ago"):
            when = when or ("next" if m.group("rel") == "next" else "last")
    return when, city, host


_MONTH_YEAR = rx.compile(rf"\bin\s+(?P<m>{_MONTHS_RX})\s+(?P<y>(?:19|20)\d\d)\b")


#: a meeting dated apart from the story's ("their meeting ... in September", "last met in 2019")
_MONTH_OR_YEAR = rx.compile(r"\bin\s+(?:January|February|March|April|May|June|July|August|September|October|"
                            r"November|December)\b|\blast\s+(?:year|month)\b|\b(?:19|20)\d\d\b")


def _other_meeting(run: _Run, people: tuple, when: str, sent: Sentence, pos: int, rule: str) -> Event:
    """The meeting of ``people`` at another time than the story's (``when``, as told)."""
    names = [_short_name(run.entities[p]) for p in people]
    key = f"event/{run.article.article_id}/meeting-{slugify('-'.join(names))}-{slugify(when)}"
    ev = _new_event(run, key, "Meeting", f"{'-'.join(names)} meeting {when}", sent, pos, rule)
    ev.persons = people
    ev.date_rank = 0  # keep this meeting's own (unknown) date
    return ev


def _recalled_meeting(run: _Run, talks: Event, sent: Sentence, m: re.Match) -> Event:
    """"The two leaders last met in November on the sidelines of the G20 summit": an earlier
    meeting of the people of the story's ``talks``, part of the summit named after it."""
    masked = sent.masked
    when = _MONTH_OR_YEAR.search(masked[m.end():m.end() + 80])
    ev = _other_meeting(run, talks.persons, when.group() if when else "before", sent, m.start(), "meeting:recalled")
    for p in talks.persons:
        ev.participants.setdefault(p, run.ev(sent, "meeting:recalled"))
    if ev.part_of is None and re.search(r"\b(?:sidelines|margins|fringes)\s+of\b|\bat\s+the\b", masked[m.end():]):
        later = [run.events[k] for k, pos in sent.events if pos > m.start() and run.events[k].type == "Summit"]
        if later:
            ev.part_of = later[0].key
            ev.note("partOf", run.ev(sent, "partOf:sidelines"))
    return ev


# -- documents ---------------------------------------------------------------------------------
def _doc_type(noun: str) -> str:
    return "Declaration" if L.DECLARATION_WORDS.search(noun) else "Agreement"


def _new_doc(run: _Run, label: str, dtype: str, sent: Sentence, rule: str) -> Doc:
    key = f"doc/{run.article.article_id}/{slugify(label)}"
    d = run.docs.get(key)
    if d is None:
        d = Doc(key, dtype, label, evidence=run.ev(sent, rule))
        run.docs[key] = d
    d.names.add(label)
    return d


def _named_lede_doc(run: _Run, sent: Sentence, m: re.Match, name: str, dtype: str) -> Doc | None:
    """The document a lede told without a name, named as the subject of the next sentences:
    "Japan and the Philippines signed a landmark defense pact on Monday. The Reciprocal Access
    Agreement (RAA) was signed by ..." (one document). None when the name starts a document of its own."""
    key = f"doc/{run.article.article_id}/{slugify(name)}"
    if key in run.docs:
        return None
    prev = run.docs.get(run.last_doc.get("any", ""))
    if prev is None or prev.type != dtype or not prev.label[:1].islower() or prev.count is not None or \
            prev.evidence is None or sent.start - prev.evidence.sentence_end > 400:
        return None
    if not re.fullmatch(r"\s*(?:The\s+)?", sent.masked[:m.start()]) or not re.match(
            r"\s*(?:\(⟦?[\w-]+⟧?\)\s*)?,?\s*(?:which\s+)?(?:was|were)\s+(?:formally\s+|jointly\s+)?(?:signed|inked)\b",
            sent.masked[m.end():]):
        return None
    prev.names.add(name)
    prev.label = name
    run.docs[key] = prev  # (later uses of the name are this document)
    return prev


def _unmask(run: _Run, text: str) -> str:
    return _SLOT.sub(lambda m: run.mentions[int(m.group(2))].text, text)


def _sentence_events(run: _Run, sent: Sentence) -> list[Event]:
    seen, out = set(), []
    for key, _ in sent.events:
        if key not in seen:
            seen.add(key)
            out.append(run.events[key])
    return out


def _doc_event(run: _Run, sent: Sentence) -> Event | None:
    evs = _sentence_events(run, sent)
    if evs:
        summits = [e for e in evs if e.type in ("Summit", "Visit")]
        return summits[0] if summits else evs[0]
    years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sent.masked)}
    main = _main_event(run)
    prev = _sentence_events(run, run.sentences[sent.idx - 1]) if sent.idx > 0 else []
    prev = [e for e in prev if e.type in ("Summit", "Visit") or (e.type == "Meeting" and e.persons)]
    if prev:
        order = {"Summit": 0, "Visit": 1, "Meeting": 2}
        main = min(prev, key=lambda e: order[e.type])  # "The two leaders signed ...": the event just told
    elif main is None or len(main.sentences) < 2:
        return None  # no event the article is about: a document signed elsewhere stays unattached
    cities = {run.key_of(i) for _, i, p in _slots(sent.masked, "C") if not _NAMES_DOC.match(sent.masked, p)}
    if cities - set(main.location):
        return None  # "... signed a deal in Istanbul": not at the article's event
    ref_year = (main.start.year if main.start else (run.anchor.year if run.anchor else None))
    if years and (ref_year is None or any(y != ref_year for y in years)):
        return None
    return main


#: a city that names a document ("the Bishkek Declaration"), not where it was signed
_NAMES_DOC = rx.compile(r"⟦C\d+⟧\s+(?:[A-Z][\w-]*\s+){0,2}(?:Declaration|Treaty|Agreement|Accord|Charter|Protocol|"
                        r"Programme|Program|Plan|Statement|Communiqu|Convention|Principles|Vision|Consensus|"
                        r"Roadmap|Initiative|Pact|Process|Commitment)")


def _main_event(run: _Run) -> Event | None:
    """The event the article is about: the most often referred to (summits win ties)."""
    if not run.events:
        return None
    order = {"Summit": 0, "Visit": 1, "Meeting": 2}
    cands = [e for e in run.events.values() if e.date_rank != 0 and not e.part_of] or list(run.events.values())
    return min(cands, key=lambda e: (-len(e.sentences), min(e.sentences, default=0), order.get(e.type, 3), e.key))


_VENUE_WORDS = rx.compile(r"\b(?:Cent(?:er|re)|Hall|Building|Palace|Complex|Arena|Stadium|Hotel|Square|"
                          r"Street|Avenue|Museum|Park|Room|Chamber|Office|Headquarters|Ministry)\b")


def _documents(run: _Run, sent: Sentence) -> None:
    masked = sent.masked
    found: list[tuple[Doc, int, int]] = []
    taken: list[tuple[int, int]] = []
    for m in L.NAMED_DOC.finditer(masked):
        label = re.sub(r"\s+(?:on|of|for|to|in|and|the|into|between)$", "", m.group().strip())
        label = re.sub(r"^(?:The|A|An)\s+", "", label)
        if len(label.split()) < 2 or re.match(r"^(?:Declaration|Treaty|Agreement|Statement|Plan)$", label):
            continue
        if _VENUE_WORDS.search(label):
            continue  # "the Walter E. Washington Convention Center": a building
        text = _unmask(run, label)
        dtype = _doc_type(text.split()[-1] if " on " not in text and " of " not in text else text.split()[0])
        d = _named_lede_doc(run, sent, m, text, dtype) or \
            _new_doc(run, text, dtype, sent, "doc:named")
        found.append((d, m.start(), m.end()))
        taken.append((m.start(), m.end()))
        run.last_doc[d.type] = d.key
        run.last_doc["any"] = d.key
    # "X, also known as Y" -> one document
    for m in re.finditer(r",\s+also\s+known\s+as\s+(?:the\s+)?", masked):
        before = [f for f in found if f[2] <= m.start() + 1]
        after = [f for f in found if f[1] >= m.end() - 1]
        if before and after and before[-1][0] is not after[0][0]:
            a, b = before[-1][0], after[0][0]
            a.names |= b.names
            run.docs.pop(b.key, None)
            found = [(a if f[0] is b else f[0], f[1], f[2]) for f in found]
    has_cue = L.SIGN_CUE.search(masked) or L.ADOPT_CUE.search(masked)
    for m in L.GENERIC_DOC.finditer(masked):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        if _NOT_ISSUED.search(masked[max(0, m.start() - 40):m.start()]):
            continue  # "The two sides did not issue a joint statement": there is none
        noun = m.group("noun").lower()
        det = masked[m.start():m.start() + 4].lower()
        mods = (m.group("mods") or "").strip()
        closing = bool(re.match(r"(?:final|closing|joint)\b", mods) or m.group("poss")) and \
            bool(re.match(r"communiqu|declaration", noun))  # "their final communique": the event's own
        if det == "the " and not m.group("tail") and not closing:
            # anaphor to an earlier document
            target = run.last_doc.get(_doc_type(noun)) if noun not in ("document", "agreement", "treaty", "deal") else run.last_doc.get("any")
            if target in run.docs and noun not in ("decision", "arrangement"):
                found.append((run.docs[target], m.start(), m.end()))
                continue
            if not (has_cue and noun != "document" and re.match(
                    r"\s*,?\s*(?:which\s+(?:was|were)\s+|(?:was|were)\s+)?(?:signed|inked|concluded|adopted)\b",
                    masked[m.end():])):
                continue  # ("The agreement, signed on Friday by ...": introduced where it is signed)
        if (not has_cue and not closing) or noun == "document":
            continue
        if noun == "statement" and not (mods or m.group("tail")):
            continue  # "a statement released by the ministry": a press statement
        if noun in ("alliance", "initiative") and not re.search(r"\blaunch", masked, re.I):
            continue
        tail = (m.group("tail") or "").strip()
        tail = re.sub(r"(?:\s+(?:of|the|to|on|for|and|a|an|between|with|against))+$", "", " " + " ".join(tail.split()[:6])).strip()
        label = " ".join(x for x in (mods, noun, tail) if x)
        label = re.sub(r"^\d+-page\s+", "", label)
        d = _new_doc(run, _unmask(run, label), _doc_type(noun), sent, "doc:generic")
        found.append((d, m.start(), m.end()))
        taken.append((m.start(), m.end()))
        run.last_doc[d.type] = d.key
        run.last_doc["any"] = d.key
        if closing and not has_cue and not d.events:
            target = _doc_event(run, sent) or _main_summit(run)
            if target is not None:  # "in their final communique the leaders called for ..."
                d.events.setdefault(target.key, ("adoptedAt", run.ev(sent, "doc:closing")))
    for m in L.PACKAGE.finditer(masked):
        count = L.number(m.group("n"))
        if count is None or count < 2 or not has_cue:
            continue
        label = _unmask(run, m.group().strip())
        label = re.sub(r"^(?:a|the)\s+", "", label, flags=re.I)
        d = _new_doc(run, label, "AgreementPackage", sent, "doc:package")
        d.count = count
        found.append((d, m.start(), m.end()))
    if not found:
        if re.search(r"\bthe\s+documents?\b", masked, re.I) and run.last_doc.get("any") in run.docs and has_cue:
            d = run.docs[run.last_doc["any"]]
            found.append((d, masked.lower().find("the document"), masked.lower().find("the document") + 12))
        else:
            return
    sign = L.SIGN_CUE.search(masked)
    adopt = L.ADOPT_CUE.search(masked)
    event = _doc_event(run, sent) if (sign or adopt) else None
    for d, ds, de in found:
        if event is not None and (sign or adopt):
            pred = "signedAt" if sign and (not adopt or abs(sign.start() - ds) <= abs(adopt.start() - ds)) else "adoptedAt"
            if d.type == "AgreementPackage" and re.search(r"\bsign", masked, re.I):
                pred = "signedAt"
            d.events.setdefault(event.key, (pred, run.ev(sent, f"doc:{pred}")))
        # the parties of a joint statement are those who issue it ("China and France issued a
        # Joint Statement on ..."); a summit's declaration adopted by its leaders names none
        cue, verb = (sign, "signed") if sign else \
            (adopt, _ISSUED) if adopt and _JOINT_DOC.search(d.label) else (None, "")
        if cue:
            _signatories(run, sent, d, cue, ds, de, verb)
            if event is not None and event.type == "Meeting" and len(event.persons) == 2 and re.search(
                    r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|heads of state|prime ministers|sides)\s+"
                    r"(?:\w+\s+){0,2}$", masked[:cue.start()], re.I):
                for p in event.persons:  # "The two leaders signed ...": the two who met
                    d.signatories.setdefault(p, run.ev(sent, "doc:signatory-two-leaders"))
            group = _SIGNING_GROUP.search(masked[max(0, cue.start() - 60):cue.start()])
            if group and group.group("who2") and cue is not sign:
                group = None  # ("The leaders adopted the declaration": a summit's own text, no signatories)
            if group and d.group is None:  # "the five presidents signed": who they are is known later
                d.group = (L.number(group.group("n")) if group.group("n") else None,
                           (group.group("who") or group.group("who2")).lower(), run.ev(sent, "doc:signatory-group"), sent.idx)
        if re.search(r"\b(?:by|between)\s+(?:both|the\s+two)\s+(?:countries|sides|governments|nations|states)\b|"
                     r"\b(?:both|the\s+two)\s+(?:countries|sides|governments|nations|states)\s+(?:\w+\s+)?"
                     r"(?:sign|signed|issue|issued|release|released|adopt|adopted|ink|inked)\b", masked, re.I):
            for st in _two_sides(run):  # "the two governments signed 15 agreements"
                d.signatories.setdefault(st, run.ev(sent, "doc:two-sides"))
        between = re.search(rf"\bbetween\s+(?:the\s+)?{L.slot('SO', 'a')}\s+and\s+(?:the\s+)?{L.slot('SO', 'b')}",
                            masked[ds:de + 60])
        if between and d.type != "AgreementPackage":
            for g in ("a", "b"):
                d.signatories.setdefault(run.key_of(int(between.group(g))), run.ev(sent, "doc:between"))
    for m in re.finditer(r"\b(?:backing of|backed by|endorsed by|supported by|support of)\s+(?P<rest>[^.;]*)", masked):
        target = found[0][0] if found else None
        if target is None:
            continue
        for kind, idx, _ in _slots(m.group("rest"), "SO"):
            target.signatories.setdefault(run.key_of(idx), run.ev(sent, "doc:backing"))


#: "the five presidents", "the three leaders" as the subject of signing or adopting
_SIGNING_GROUP = rx.compile(r"\b(?:(?:the|all)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                            r"(?P<who>presidents|leaders|prime\s+ministers|heads\s+of\s+(?:state|government)|"
                            r"foreign\s+ministers|ministers)|"
                            # "The heads of state signed the Declaration": all the leaders who took part
                            r"(?<![\w,] )(?:[Tt]he|[Aa]ll\s+the)\s+(?P<who2>leaders|heads\s+of\s+state(?:\s+and\s+government)?))"
                            r"\s+(?:(?:\w+\s+){0,2})?$")


def _group_signatories(run: _Run, d: Doc) -> None:
    """Resolve "the five presidents signed it": the persons among the participants of the
    document's event who hold that office, when there are exactly as many as the text says."""
    n, who, ev, idx = d.group
    word = {"presidents": "president", "prime ministers": "prime minister", "leaders": None,
            "heads of state": None, "heads of government": None, "heads of state and government": None,
            "foreign ministers": "foreign minister",
            "ministers": "minister"}.get(re.sub(r"\s+", " ", who))
    told = [k for k, _ in run.sentences[idx].events]  # ("held talks ..., after which the two presidents signed")
    for ek in d.events:
        event = run.events.get(ek)
        if event is None:
            continue
        people = list(dict.fromkeys(p for e in [event, *(run.events[k] for k in told)]
                                    for p in e.participants if p.startswith("person/")))
        fits = [p for p in people if any(
            (word is None and leader) or (word is not None and title.lower().endswith(word) and
                                           (leader or word not in ("president", "prime minister")))
            for (_, title, leader) in run.offices.get(p, ()))]
        if len(fits) == n or n is None and event.type == "Summit" and len(fits) >= 2:
            for p in fits:
                d.signatories.setdefault(p, ev)
            return


def _two_sides(run: _Run) -> list[str]:
    """The two states of the article's bilateral talks (the most referred to first): the
    states their two people lead; [] when no talks have two leaders of different states."""
    def led(person: str) -> set[str]:
        return {h for (h, _, leader) in run.offices.get(person, ()) if leader and h.startswith("state/")}
    talks = [e for e in run.events.values() if e.type == "Meeting" and len(e.persons) == 2 and e.date_rank != 0]
    for t in sorted(talks, key=lambda e: -len(e.sentences)):
        a, b = (led(p) for p in t.persons)
        if len(a) == 1 and len(b) == 1 and a != b:
            return sorted(a | b)
    return []


_NOT_ISSUED = rx.compile(r"\b(?:not|n't|never|no|failed\s+to|without)\s+(?:(?:yet|even|formally|jointly)\s+)?"
                         r"(?:sign(?:ed|ing)?|issu(?:e|ed|ing)|adopt(?:ed|ing)?|releas(?:e|ed|ing)|agree(?:d)?\s+on)?\s*"
                         r"(?:a|an|any|the)?\s*$", re.I)
_JOINT_DOC = rx.compile(r"\bjoint\b", re.I)
_ISSUED = r"(?:issued|adopted|released)"
# "In a joint statement issued after the talks, Saudi Arabia and Iran said ...": the speakers
_IN_JOINT = rx.compile(r"(?:In|Under)\s+(?:a|an|the|their)\s+[^,;]*,\s+(?P<rest>[^.;]*?)\s+(?:also\s+)?"
                       r"(?:said|say|says|stated|agreed|announced|pledged|vowed|declared|reaffirmed|affirmed|"
                       r"expressed|called|committed)\b")


def _signatories(run: _Run, sent: Sentence, d: Doc, sign: re.Match, ds: int, de: int,
                 verb: str = "signed") -> None:
    """The parties of document ``d`` (at ``ds:de``) named around its cue ``sign``: the
    subject of the active verb, or the agent after ``by`` of the passive ``verb``."""
    masked = sent.masked
    passive = re.search(rf"\b(?:was|were|been|being|be)\s+{verb}\b|,\s*{verb}\b[^.;]*?\bby\b", masked) or \
        0 <= sign.start() - de <= 2  # "the Cold War accord signed in Helsinki in 1975"
    if passive:
        by = re.search(rf"\b{verb}\b[^.;]*?\bby\s+(?P<rest>[^.;]*)", masked)
        zone = by.group("rest") if by else ""
        lead = None if by else _IN_JOINT.match(masked)
        if lead and ds < lead.start("rest"):
            by, zone = lead, lead.group("rest")
        # "..., in a ceremony witnessed by X", "in the presence of X": onlookers do not sign
        cut = re.search(r"\b(?:witness\w*|in the presence of|look(?:ed|ing|s)? on|watched|attended by|who|which|while)\b"
                        r"|,\s+(?:in|at|during|after|before)\b"
                        r"|,\s+(?:they|he|she|it|we)\b", zone)  # "released by both countries, they pledged ..."
        zone = zone[:cut.start()] if cut else zone
        offset = by.start("rest") if by else 0
    else:
        clause_start = max(masked.rfind(";", 0, sign.start()) + 1, 0)
        # "A will meet B on Wednesday, after which the two governments will issue ...": its own subject
        sub = list(re.finditer(r"\b(?:after|before|during|following|upon)\s+which\b|,\s*(?:where|when|whereupon)\b",
                               masked[clause_start:sign.start()]))
        if sub:
            clause_start += sub[-1].end()
        zone = masked[clause_start:sign.start()]
        offset = clause_start
        tw = re.search(r"\btogether with\s+(?P<rest>[^.;]*)", masked)
        if tw:
            zone = zone + " " + tw.group("rest")
    for kind, idx, pos in _slots(zone, "SOPD"):
        absolute = offset + pos
        if ds <= absolute < de:
            continue
        after = zone[pos:pos + 16]
        if re.match(r"⟦[SD]\d+⟧\s*(?:'s|’s)\s+⟦C", after):
            continue
        m = run.mentions[idx]
        if m.kind == "D":
            if not re.match(r"⟦D\d+⟧\s+(?:leaders|delegation|government|side)", after):
                continue
        if m.kind == "O" and not re.match(r"⟦O\d+⟧\s*(?:'s|’s)?\s*(?:[Ll]eaders|members|member states|states|"
                                          r"heads of state)\b", zone[pos:]) and not (
                passive and pos < 3) and not re.match(r"⟦O\d+⟧(?:\s*\(⟦O\d+⟧\))?(?:(?:\s*,|\s+and)\s+(?:the\s+)?⟦[SO]\d+⟧"
                                                      r"(?:\s*\(⟦O\d+⟧\))?)*\s+(?:(?:has|have|also|formally|"
                                                      r"jointly|then|today|finally)\s+){0,2}$", zone[pos:]):
            continue  # an organization signs as the subject ("ASEAN signed", "SCO leaders adopted")
        if m.kind in "SD" and _NAMES_OFFICE.match(zone, pos):
            continue  # "New Zealand Prime Minister X signed": X signs; the state names the office
        key = run.key_of(idx)
        if key is None:
            continue
        if m.kind == "D":
            key = run.ensure(key, idx)
        d.signatories.setdefault(key, run.ev(sent, "doc:signatory"))


# -- event details: dates, places, participants, status, theme ----------------------------------
def _article_year(run: _Run) -> int | None:
    if run.article.published:
        return None
    month_days, weekdays = [], []
    for sent in run.sentences:
        for d in sent.dates:
            if d.kind in ("day", "range") and d.year is None:
                month_days.append((d.month, d.day))
            elif d.kind == "weekday":
                weekdays.append(d.weekday)
    # a wire dateline's date ("BELGRADE, May 8 (Xinhua) --") is the day of the news, and the
    # lede's first weekday names it: together they fix the year (other dates of the story may be
    # days in other months that no weekday names)
    lede = _dateline_and_weekday(run)
    if lede is not None:
        year = infer_year([lede[0]], [lede[1]], today=run.today)
        if year is not None:
            return year
    years = [d.year for s in run.sentences for d in s.dates if d.year and d.kind in ("day", "range")]
    if years and month_days and weekdays:
        # a year given in full may be history ("the treaty, signed on May 15, 1992"): it is the
        # article's only if the news' dates fall on their weekdays in it
        named = set(weekdays)
        agrees = [y for y in sorted(set(years), reverse=True) if all(
            any(d is not None and d.weekday() == WEEKDAYS[w] for d in (safe_date(y, m, day) for m, day in month_days))
            for w in named)]
        if agrees:
            return agrees[0]
        inferred = infer_year(month_days, weekdays, today=run.today)
        return inferred if inferred is not None else max(years)
    if years:
        return max(years)
    return infer_year(month_days, weekdays, today=run.today)


def _dateline_and_weekday(run: _Run) -> tuple[tuple[int, int], str] | None:
    """The (month, day) of a yearless dateline and the first weekday of the lede after it."""
    body = [s for s in run.sentences if s.start >= run.article.body_start][:2]
    if not body or (dl := _DATELINE_TEXT.match(body[0].text)) is None:
        return None
    day = next((d for d in body[0].dates if d.kind == "day" and d.year is None
                and d.end <= body[0].start + dl.end()), None)
    weekday = next((d.weekday for s in body for d in s.dates if d.kind == "weekday"), None)
    return ((day.month, day.day), weekday) if day is not None and weekday else None


def _nearest_event(sent: Sentence, pos: int, run: _Run, types=None, *, forward: bool = False,
                   back: float = 1.0) -> Event | None:
    """The event whose trigger is nearest to ``pos`` (with ``forward``, one after it if any;
    ``back`` > 1 makes triggers after ``pos`` that much farther: a date follows its event's verb)."""
    best = None
    for key, p in sent.events:
        ev = run.events[key]
        if types and ev.type not in types:
            continue
        dist = (pos - p if p <= pos else (p - pos) * back) + (0 if not forward or p >= pos else 1000)
        if best is None or dist < best[1]:
            best = (ev, dist)
    return best[0] if best else None


_ENDED_BEFORE = rx.compile(
    r"\b(?:ended|ends|end|closed|closes|close|concluded|concludes|conclude|wrapped up|wraps up|wrap up|"
    r"drew to a close|draws to a close|(?:runs?|running|lasts?|lasting|continues?|continuing)\s+(?:through|until|till))"
    # ("concluded on Friday, June 28, 2024": the date after the weekday too)
    r"\s+(?:in\s+[A-Z][\w'’. -]{1,30}?\s+)?(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$")
_ENDED_AFTER = rx.compile(
    r"\s*,?\s*(?:at|on) the (?:end|close|conclusion|last day|final day) of\b|"
    r"\s+(?:wrapped up|ended|closed|concluded|drew to a close)\s+(?:their|its|the|a|his|her)\b")  # "on Saturday wrapped up their summit"
_OPENED_WITH = rx.compile(r"\b(?P<v>opened|began|started|kicked off|closed|ended|concluded|wrapped up)\b[^.;⟦]{0,50}?"
                          r"\bwith\s+(?:a|an|the)\s+", re.I)
_DAY_ORD = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


_ATTENDERS = (r"(?:[Ll]eaders|[Hh]eads of (?:[Ss]tate|[Gg]overnment)(?: and [Gg]overnment)?|[Dd]elegations?|"
              r"[Rr]epresentatives|[Oo]fficials|[Mm]inisters|[Ee]nvoys|[Pp]residents|[Pp]rime [Mm]inisters)")
_STATE_LIST = r"(?P<list>⟦S\d+⟧(?:\s*(?:,|and|,\s*and)\s+(?:the\s+)?⟦S\d+⟧)*)"
_STATES_ATTEND = rx.compile(
    rf"\b{_ATTENDERS}\s+(?:from|of)\s+(?:the\s+)?(?:[^.;⟦]{{0,40}}?)?(?:[-–—]\s*)?{_STATE_LIST}(?:\s*[,–—-])?\s+(?:also\s+)?"
    r"(?:attended|took part|participated|gathered|joined|were present|are attending|will attend|"
    r"are (?:expected|due|set) to attend)\b"
    rf"|\bbr(?:ought|ings|inging) together\s+(?:the\s+)?{_ATTENDERS}\s+(?:from|of)\s+(?:the\s+)?"
    rf"{_STATE_LIST.replace('list', 'list2')}")
_ORG_ATTENDS = rx.compile(
    rf"(?<![⟧\w])(?:[Tt]he\s+)?{L.slot('O', 'o')}\s+(?:also\s+)?(?:attended|took part|participated)\b"
    rf"(?P<member>\s+as\s+(?:a|an)\s+(?:full\s+|permanent\s+)?member\b)?", re.I)
_IN_PLACE = rx.compile(rf"\b(?:sent|dispatched|delegated)\s+(?:(?:his|her|its)\s+)?{L.PRE_TITLE}{L.slot('P', 'p')}\s+"
                       rf"(?:in\s+(?:his|her|its)\s+(?:place|stead)|instead)\b", re.I)
_REPRESENTED = rx.compile(
    # (a capital for its state: "Beijing sent Chinese Premier Li Qiang", "Moscow was represented by ...")
    # ("Ecuador, whose President Guillermo Lasso is serving out his term, was represented by its foreign
    # minister, Gustavo Manrique")
    rf"{L.slot('SC', 's')}(?:\s*,\s+(?:[^.;⟦]|⟦[PDOS]\d+⟧){{1,100}}?,)?\s+(?:was|were|is|will be)\s+represented\s+"
    rf"(?:[^.;⟦]{{0,40}}\s)?by\s+(?:(?:its|their)\s+(?:[\w-]+\s+){{0,3}}?[\w-]+\s*,\s+|its\s+)?{L.PRE_TITLE}{L.slot('P', 'p')}|"
    rf"{L.slot('SC', 's2')}\s+(?:sent|dispatched|is sending|will send)\s+(?:its\s+|a\s+)?"
    # ("Iran sent its First Vice-President, Mohammad Mokhber")
    rf"(?:(?:[\w-]+\s+){{0,2}}[\w-]*(?:[Pp]resident|[Mm]inister|[Pp]remier|[Ss]ecretary|[Ee]nvoy|[Aa]mbassador)\s*,\s+)?"
    rf"{L.PRE_TITLE}{L.slot('P', 'p2')}|"
    # "Member States ... included Senegal, represented by President Faye; Mauritania, ..."
    rf"{L.slot('S', 's3')}\s*,\s+represented\s+by\s+(?:its\s+)?{L.PRE_TITLE}{L.slot('P', 'p3')}", re.I)
_HOST_IN = [
    ("host:summit-in", rx.compile(
        rf"\b(?:[Ss]ummit|meeting|talks|meet|met|gathered|gather|convened?)\s+in\s+"
        rf"(?:(?:⟦[RC]\d+⟧|[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s*,\s*)?(?:the\s+)?{L.slot('S', 's')}")),
    ("host:held-in", rx.compile(
        rf"\b(?:held|hosted|take place|takes place|took place|taking place|convened?|staged)\s+in\s+"
        rf"(?:the\s+)?{L.slot('S', 's')}")),
]
_CITY_HOSTS = rx.compile(rf"{L.slot('C', 'c')}\s+(?:will|would|is to|is set to|is due to)\s+host\b")
_NOT_VENUE = rx.compile(
    r"\b(?:war|wars|conflict|crisis|situation|fighting|violence|attacks?|strikes?|bombing|shelling|ceasefire|"
    r"tensions?|unrest|protests?|elections?|earthquake|floods?|hostilities|offensive|occupation|"
    r"humanitarian|aggression|killings?|massacre|siege|invasion|operations?)\s*$", re.I)


_PASSIVE_HOST = rx.compile(
    rf"{L.slot('P', 'b')}\s+(?:was|were|will be|is)\s+(?:also\s+)?(?:received|welcomed|greeted|met|accompanied)"
    rf"(?:\s+(?:at|on arrival|upon arrival)[^.;⟦]{{0,30}}?)?\s+by\s+(?P<rest>[^;]*)", re.I)
_PAST_VERB = rx.compile(r"\b(?:met|held|signed|attended|gathered|took part|arrived|visited|hosted|opened|"
                        r"adopted|ended|closed|concluded)\b")


#: a schedule in the present tense before a day ("The visit ends on Friday"): a day still ahead
_ENDS_ON = rx.compile(r"\b(?:ends|closes|concludes|wraps\s+up|runs\s+(?:until|through|till))\s+(?:on\s+)?$")


def _event_details(run: _Run, sent: Sentence, year: int | None) -> None:
    masked = sent.masked
    evs = _sentence_events(run, sent)
    pub = run.anchor
    fm = L.FUTURE.search(masked)
    pm = _PAST_VERB.search(masked)
    # "They met on Saturday ..., upending plans to gather in Australia": the main verb is past
    future = fm is not None and not (pm is not None and pm.start() < fm.start())
    # hosts who welcome a visitor take part in the visit, and so do those who come along
    for m in re.finditer(rf"{L.slot('P', 'a')}[^.;⟦]{{0,30}}?\b(?:welcomed|greeted|received|hosted)\s+{L.slot('P', 'b')}", masked):
        a, b = run.person_of.get(int(m.group("a"))), run.person_of.get(int(m.group("b")))
        v = _visit_now(run, b, sent)
        if v is not None and a and a != b:
            v.participants.setdefault(a, run.ev(sent, "participant:host"))
    for m in _PASSIVE_HOST.finditer(masked):  # "the Prime Minister was received at the airport by X"
        b = run.person_of.get(int(m.group("b")))
        people = [run.person_of.get(i) for _, i, _ in _slots(m.group("rest"), "P")]
        v = _visit_now(run, b, sent)
        for a in (people if v is not None else ()):
            if a and a != b:
                v.participants.setdefault(a, run.ev(sent, "participant:host"))
    if not evs and run.last_event:
        _anaphoric_participants(run, sent, _current_event(run, sent))
    # "Saudi Arabia was represented by Foreign Minister X", "Oman sent its deputy prime minister X"
    target = next((e for e in evs if e.type in ("Summit", "Meeting")), None) if evs else (
        run.events.get(run.last_event) if run.last_event else None)
    if target is not None and target.type in ("Summit", "Meeting") and not L.NEGATION.search(masked):
        for m in _STATES_ATTEND.finditer(masked):  # "Leaders from China, Russia and Iran attended"
            for _, i, _ in _slots(m.group("list") or m.group("list2"), "S"):
                target.participants.setdefault(run.key_of(i), run.ev(sent, "participant:states-attend"))
        for m in _ORG_ATTENDS.finditer(masked):
            o = run.key_of(int(m.group("o")))
            organizer = getattr(target, "organizer", None)
            if o is not None and o != organizer:
                target.participants.setdefault(o, run.ev(sent, "participant:organization"))
                if m.group("member") and organizer:  # "attended as a full member": of the organizer
                    run.add_fact(o, "memberOf", organizer, run.ev(sent, "member:attended-as"))
        for m in re.finditer(r"\battended\s+by\b(?P<rest>[^.;]*)", masked):
            rest = m.group("rest")  # "attended by the United Nations and the World Bank"
            for _, i, p in _slots(rest, "O"):
                o = run.key_of(i)
                if o is None or o == getattr(target, "organizer", None) or _NAMES_OFFICE.match(rest, p):
                    continue  # ("attended by UN Secretary-General Guterres": he attends)
                target.participants.setdefault(o, run.ev(sent, "participant:organization"))
        for m in _REPRESENTED.finditer(masked):
            p = run.person_of.get(int(m.group("p") or m.group("p2") or m.group("p3")))
            s_idx = int(m.group("s") or m.group("s2") or m.group("s3"))
            s_key = run.key_of(s_idx)
            if run.mentions[s_idx].kind == "C":
                city = run.ref.cities.get(run.mentions[s_idx].ref)
                s_key = f"state/{city.capital_of}" if city is not None and city.capital_of else None
                if s_key is None or s_key not in run.entities:
                    continue  # (a city that is no capital, or one whose state the story never names)
            if p is None or s_key is None:
                continue
            target.participants.setdefault(s_key, run.ev(sent, "participant:represented"))
            target.participants.setdefault(p, run.ev(sent, "participant:represented"))
        for m in _IN_PLACE.finditer(masked):  # "Maduro pulled out and sent Vice President Delcy Rodríguez in his place"
            p = run.person_of.get(int(m.group("p")))
            if p is not None:
                target.participants.setdefault(p, run.ev(sent, "participant:in-place"))
        for m in _RESPECTIVELY.finditer(masked):  # "A, B and C were represented by their ..., respectively"
            if "represented" not in m.group(0):
                continue
            for _, i, _ in [*_slots(m.group("states"), "S"), *_slots(m.group("people"), "P")]:
                key = run.key_of(i)
                if key is not None:
                    target.participants.setdefault(key, run.ev(sent, "participant:represented"))
    if evs:
        run.last_event = evs[-1].key
    if not evs:
        m = L.THEME.search(sent.text)
        target = _main_summit(run)  # "X welcomed the leaders under the theme '...'"
        if m and target is not None and target.theme is None:
            target.theme = m.group(1).strip().rstrip(",.;: ")
            target.note("theme", run.ev(sent, "theme:quoted", sent.start + m.start(1), sent.start + m.end(1)))
        return
    # dates: attach each date expression to the nearest event trigger (not the dateline's date)
    dl = _DATELINE_TEXT.match(sent.text) if sent.start >= run.article.body_start and sent.idx <= 2 else None
    # "from Monday to Friday", "Thursday and Friday": the second weekday ends the first one's event
    ends_of: dict[int, int] = {}
    weekdays = [d for d in sent.dates if d.kind == "weekday"]
    for d1, d2 in zip(weekdays, weekdays[1:]):
        if re.fullmatch(r"\s*(?:to|until|till|through|and|-|–)\s*", sent.text[d1.end - sent.start:d2.start - sent.start]):
            span = (WEEKDAYS[d2.weekday.lower()] - WEEKDAYS[d1.weekday.lower()]) % 7
            if 0 < span <= 4:
                ends_of[id(d1)] = span
                ends_of[id(d2)] = -1
    for d in sent.dates:
        if dl and d.end <= sent.start + dl.end():
            continue
        if ends_of.get(id(d)) == -1:
            continue  # the end of a weekday range, set with its start
        if re.search(r"\b(?:since|by|no later than)\s+(?:the\s+)?$", sent.text[max(0, d.start - sent.start - 20):d.start - sent.start]):
            continue  # ("Chairman since 1 January", "elections by August 2025": no event's day)
        pos = _masked_pos(run, sent, d.start)
        ev = _nearest_event(sent, pos, run, back=1.5)  # "flew into X on Wednesday, is attending a meeting"
        if ev is None:
            continue
        trig = next((p for k, p in sent.events if k == ev.key), None)
        if trig is not None and re.search(r"\b(?:during|on the sidelines of|ahead of|after|before)\s+(?:[^.;]{0,60})$", masked[:trig]) \
                and (L.SIGN_CUE.search(masked) or L.ADOPT_CUE.search(masked)):
            continue
        if ev.type == "Summit" and trig is not None and re.search(
                r"\b(?:sidelines|margins|fringes)\s+of\s+(?:the\s+)?(?:[^.;⟦]{0,30}|⟦O\d+⟧\s+)?$", masked[:trig]):
            talks = [e for e in evs if e.type == "Meeting" and e.persons]
            if talks:  # "X met Y on the sidelines of the summit on Thursday": the day of the talks
                ev = talks[0]
        if d.kind == "weekday" and pub is None and year is not None:
            start = _weekday_in_year(run, d.weekday, year)
            end = None
        else:
            ahead = future or bool(_ENDS_ON.search(sent.text[max(0, d.start - sent.start - 30):d.start - sent.start]))
            start, end = resolve(d, published=pub, year=year, future=ahead)
        if start is None:
            continue
        if ends_of.get(id(d), 0) > 0 and end is None:
            end = start + _dt.timedelta(days=ends_of[id(d)])
        rank = {"range": 1, "day": 2, "weekday": 3, "relative": 3}.get(d.kind, 9)
        # "ended on Saturday", "is expected to close on Friday", "on Tuesday at the end of": the
        # last day, kept apart and used when the whole is dated (see _finish_dates)
        if end is None and ev.type in ("Summit", "Visit", "Meeting") and (_ENDED_BEFORE.search(
                sent.text[:d.start - sent.start]) or _ENDED_AFTER.match(sent.text[d.end - sent.start:d.end - sent.start + 40])):
            if ev.end_hint is None or rank < ev.end_rank:
                ev.end_hint, ev.end_rank = start, rank
                ev.support["date_end"] = run.ev(sent, f"date:{d.kind}", d.start, d.end)
            continue
        # "the VII Summit in Buenos Aires (24 January 2023)" in a story of March 2024: a date two months
        # away from the story's, given with its year, is not the day of the event the story is about
        if d.year and pub is not None and abs((start - pub).days) > 60 and ev is _dominant_event(run):
            continue
        # "On Monday evening, on the eve of the gathering": the day before it
        eve = re.search(r"\bon the eve of\s+(?:the\s+)?(?:(?:[\w-]+|⟦[A-Z]\d+⟧)\s+){0,3}$", masked[:trig] if trig is not None else "")
        if eve is not None:
            start, end, rank = start + _dt.timedelta(days=1), None, 4
        # "on Tuesday, on the second day of a three-day state visit": it began the day before
        nth = re.search(r"\bon\s+the\s+(?P<o>second|third|fourth|fifth)\s+day\s+of\s+(?:(?:[\w-]+|⟦[A-Z]\d+⟧)\s+){0,4}$",
                        masked[:trig] if trig is not None else "", re.I)
        if nth is not None and end is None and ev.type in ("Summit", "Visit", "Meeting"):
            start = start - _dt.timedelta(days=_DAY_ORD[nth.group("o").lower()])
        if ev.date_rank == 0:  # another event than the story's ("the VII Summit, held on 24 January 2023"):
            if d.year and d.kind in ("day", "range") and ev.start is None:  # only a full date is its own
                ev.start, ev.end = start, end
                ev.support["date"] = run.ev(sent, f"date:{d.kind}", d.start, d.end)
            continue
        if rank < ev.date_rank:
            ev.start, ev.end, ev.date_rank = start, end, rank
            ev.support["date"] = run.ev(sent, f"date:{d.kind}", d.start, d.end)
    # "The summit opened on Thursday with a meeting of the Common Market Council": a session of it
    for m in _OPENED_WITH.finditer(masked):
        summit = _nearest_event(sent, m.start(), run, ("Summit",))
        sub = next((run.events[k] for k, p in sent.events if p >= m.end() - 1 and run.events[k].type == "Meeting"
                    and not run.events[k].persons), None)
        if summit is None or sub is None or sub.part_of is not None or sub is summit:
            continue
        sub.part_of = summit.key
        sub.note("partOf", run.ev(sent, "partOf:opened-with"))
        if m.group("v").lower() not in ("closed", "ended", "concluded", "wrapped up") and sub.day_offset is None:
            sub.day_offset = 0  # it opened with it: the first day
    # "the first day of the summit", "the third and final day"
    for m in re.finditer(r"\b(?P<o>first|opening|second|third|fourth|fifth|final|last|closing)(?:\s+and\s+(?P<f>final|last))?\s+day\b", masked, re.I):
        summit = _nearest_event(sent, m.start(), run, ("Summit",)) or _main_summit(run)
        if summit is None:
            continue
        o = m.group("o").lower()
        final = m.group("f") or o in ("final", "last", "closing")
        off = _DAY_ORD.get(o)
        subs = [e for e in evs if e.type == "Meeting" and e.key != summit.key]
        for sub in subs:
            if off is not None and sub.day_offset is None:
                sub.day_offset = off
        if final and off is not None:
            summit.day_offset = max(summit.day_offset or 0, off)
    # durations: "two days of talks", "a two-day summit"
    m = re.search(r"\b(?P<n>two|three|four|2|3|4)[- ]days?\b", masked)
    if m:
        n = {"two": 2, "three": 3, "four": 4}.get(m.group("n"), None) or int(m.group("n"))
        for ev in evs:
            if ev.type in ("Summit", "Visit"):
                ev.day_offset = max(ev.day_offset or 0, n - 1)
    # places: "in <city>", "at <city>'s ..."
    for m in re.finditer(rf"\b(?:in|at)\s+(?:the\s+)?(?:{L.slot('S', 's')}\s*{L.POSS}?\s+|(?:⟦[SD]\d+⟧\s*{L.POSS}?\s+)?"
                         rf"(?:capital(?:\s+city)?|(?:port\s+|resort\s+|border\s+)?(?:city|town))\s*,?\s*(?:of\s+)?)?{L.slot('C', 'c')}", masked):
        if _NOT_VENUE.search(masked[max(0, m.start() - 40):m.start()]) or _AIRPORT_AFTER.match(masked, m.end()):
            continue  # "the war in Gaza", "the situation in Kyiv": a topic, not where the event is
        ev = _nearest_event(sent, m.start(), run)
        if ev is None or (ev.type == "Meeting" and ev.date_rank == 0):
            continue
        if ev.type == "Meeting" and len(ev.persons) == 2 and not re.search(
                r"(?:talks|meeting|met|meet|⟦P\d+⟧)\s+(?:at\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,4}(?:[a-z]+\s+)?)?in\s+"
                r"(?:the\s+)?(?:⟦[SD]\d+⟧\s*(?:'s|’s)?\s+(?:capital(?:\s+city)?\s*,?\s*)?)?⟦C",
                masked[max(0, m.start() - 60):m.end()]):
            continue
        ev.location[run.key_of(int(m.group("c")))] += 1
        ev.note(f"location:{run.key_of(int(m.group('c')))}", run.ev(sent, "location:in-city"))
        if m.group("s") and ev.type != "Visit" and ev.host is None:
            ev.host = run.key_of(int(m.group("s")))
            ev.note("host", run.ev(sent, "host:possessive-city"))
    # host country named after "in": "the G7 summit in Apulia, Italy", "will be held in the United States"
    for rule, rx in _HOST_IN:
        for m in rx.finditer(masked):
            ev = _nearest_event(sent, m.start(), run)
            if ev is not None and ev.type in ("Summit", "Meeting") and ev.host is None:
                ev.host = run.key_of(int(m.group("s")))
                ev.note("host", run.ev(sent, rule))
    # "Minsk will host the next summit": the city is where it will be
    for m in _CITY_HOSTS.finditer(masked):
        ev = _nearest_event(sent, m.end(), run, ("Summit", "Meeting"), forward=True)
        if ev is not None and not ev.location:
            c = run.key_of(int(m.group("c")))
            ev.location[c] += 3
            ev.note(f"location:{c}", run.ev(sent, "location:city-hosts"))
    # host country: "<leader of X> hosted the summit"
    for m in re.finditer(rf"{L.slot('P', 'p')}[^.;⟦]{{0,30}}?\b(?:hosted|hosts|is hosting|will host|hosting)\b", masked):
        person = run.person_of.get(int(m.group("p")))
        states = {h for (h, _, leader) in run.offices.get(person, ()) if leader and h.startswith("state/")}
        if len(states) == 1:
            target = _nearest_event(sent, m.end(), run, ("Summit", "Meeting"), forward=True)
            if target is not None and target.host is None:
                target.host = states.pop()
                target.note("host", run.ev(sent, "host:leader"))
    for m in re.finditer(rf"{L.slot('S', 's')}[^.;]{{0,40}}?\b(?:is hosting|hosts|hosted|(?:will|would)\s+(?:also\s+|then\s+|instead\s+)?host|is host(?:ing)?|as host|"
                         rf"(?:is|are|was)\s+(?:also\s+)?(?:expected|due|set|scheduled|slated|poised)\s+to\s+host|agreed\s+to\s+host)\b|{L.slot('S', 's2')}\s*{L.POSS}\s+(?:chairmanship|presidency)", masked):
        s = m.group("s") or m.group("s2")
        for ev in evs:
            if ev.type in ("Summit", "Meeting") and ev.host is None:
                ev.host = run.key_of(int(s))
                ev.note("host", run.ev(sent, "host:verb"))
    # participants
    for cs, ce in _attendance_lists(masked, _clauses(masked)):
        clause = masked[cs:ce]
        if L.NEGATION.search(clause) or not L.PARTICIPATE.search(clause):
            continue
        people = [(i, p) for _, i, p in _slots(clause, "P")]
        cues = list(L.PARTICIPATE.finditer(clause))
        for i, p in people:
            person = run.person_of.get(i)
            if person is None:
                continue
            after = clause[p:p + 40]
            cue = _cue_for(clause, p, cues)
            if cue is None:
                continue
            ev = _nearest_event(sent, cs + cue.end(), run, forward=True)
            targets = [ev] if ev else []
            if ev is not None and re.search(r"\bsessions\b", clause[cue.end():cue.end() + 60]):
                targets += [e for e in evs if e.key.endswith("-format-session")]
            if ev is not None and ev.type == "Visit" and ev.persons and person not in ev.persons:
                if not re.search(r"welcom|greet|receiv|host|met|meet", clause, re.I):
                    continue
            if ev is not None and ev.type == "Meeting" and ev.persons and person not in ev.persons and any(
                    person in run.events[k].persons for k, _ in sent.events if k != ev.key):
                continue  # "talks with A and a meeting with B": A is in the other meeting, not in B's
            for t in targets:
                t.participants.setdefault(person, run.ev(sent, "participant:cue"))
        if re.search(r"\battended by\b|\bdelegations?\s+from\b|\btook part\b|\bparticipated\b", clause):
            for _, i, p in _slots(clause, "S"):
                if _NAMES_OFFICE.match(clause, p):
                    continue  # "attended by Qatar's Emir Tamim": names the emir's office, the person attends
                for ev in evs:
                    if ev.type in ("Summit", "Meeting"):
                        ev.participants.setdefault(run.key_of(i), run.ev(sent, "participant:state"))
        for m in re.finditer(rf"{L.slot('D', 'd')}\s+delegation\s+(?:was\s+)?(?:headed|led)\s+by\s+(?:[^⟦]{{0,40}})?{L.slot('P', 'p')}", clause):
            st = run.ensure(run.key_of(int(m.group("d"))), int(m.group("d")))
            for ev in evs:
                if ev.type in ("Summit", "Meeting"):
                    ev.participants.setdefault(st, run.ev(sent, "participant:delegation"))
    # status votes from tense and modality around each event's mention
    for ev in evs:
        pos = next(p for k, p in sent.events if k == ev.key)
        window = masked[max(0, pos - 120):pos + 80]
        ongoing = bool(L.PRESENT_ONGOING.search(window))
        past = len(L.PAST.findall(window)) + 0.5 * len(L.WEAK_PAST.findall(window))
        fut = len(L.FUTURE.findall(window))
        if re.search(r"\bto\s+(?:attend|participate in|take part in|join)\s+(?:[^⟦.;]{0,40})?$", masked[max(0, pos - 60):pos]):
            fut += 2  # "arrived ... to attend the summit": the summit is still ahead
        if re.search(r"\b(?:postponed|put off|delayed|rescheduled|pushed back)\b", window, re.I):
            fut += 3  # "the summit planned for January was postponed": it has not taken place
        when = _MONTH_YEAR.search(masked, pos, pos + 60)
        if when and run.anchor is not None:  # "the summit in New Delhi in September 2023", told in June
            told = (int(when.group("y")), MONTHS[when.group("m").lower()])
            if told != (run.anchor.year, run.anchor.month):
                fut, past = (fut + 3, past) if told > (run.anchor.year, run.anchor.month) else (fut, past + 3)
        if ongoing or past > fut:
            ev.votes["happened"] += 1
            ev.note("status:Happened", run.ev(sent, "status:tense"))
        elif fut > past:
            ev.votes["planned"] += 1
            ev.note("status:Planned", run.ev(sent, "status:tense"))
    # theme
    m = L.THEME.search(sent.text)
    if m:
        ev = evs[0]
        summits = [e for e in evs if e.type == "Summit"]
        target = summits[0] if summits else ev
        target.theme = m.group(1).strip().rstrip(",.;: ")
        target.note("theme", run.ev(sent, "theme:quoted", sent.start + m.start(1), sent.start + m.end(1)))


#: "Those who did make the trip included A, B and C", "Leaders who attended were ..."
_THOSE_WHO_CAME = (r"(?:those|leaders|guests|others|heads\s+of\s+state)\s+(?:who\s+)?(?:did\s+)?(?:attend(?:ed)?|c[oa]me|"
                   r"ma[dk]e\s+the\s+trip|took\s+part|were\s+present|joined)\b[^.;⟦]{0,30}?\s+(?:included|include|"
                   r"includes|were)\b")
#: participation said of the story's current event without naming it again ("Also attending
#: were ...", "X, Y and Z were among those in the hall", "Kishida hosted the US president, ...",
#: "Laos' foreign minister chaired the talks"): a narrower set than ``L.PARTICIPATE``, whose
#: "met", "signed" or "arrived" need the event named in the sentence
_ANAPHORIC_CUE = rx.compile(
    r"\b(?:attend(?:ed|s|ing)?(?!\s+(?:university|school|college|the funeral|a funeral|mass|church))|"
    r"took part|take part|taking part|takes part|participat(?:ed|es|ing)|"
    r"(?:also\s+)?(?:present|in attendance|attending)\s+(?:were|was|are|is)\b|(?:were|was|are|is)\s+(?:also\s+)?"
    r"(?:present|in attendance|there)\b|"
    r"(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:those|the\s+(?:\w+\s+)?(?:leaders|heads|guests|dignitaries|"
    r"participants|delegates|attendees|ministers))\b|"
    # "Joining her were A, B and C"
    r"\bjoining\s+(?:her|him|them|the\s+(?:\w+\s+)?(?:leaders?|hosts?|president|prime\s+minister))\s+(?:were|was|are|is)\b|"
    # "Among those at the table were A, B and C"
    r"\bamong\s+(?:those|the\s+(?:\w+\s+)?(?:leaders|heads|guests|dignitaries|participants|delegates|attendees))"
    r"\s+(?:(?:at|in|around)\s+the\s+(?:table|room|hall)\s+|present\s+|attending\s+)?(?:were|was)\b|"
    r"joined\s+(?:the|them|him|her)\s+(?:\w+\s+)?(?:talks|summit|meeting|gathering|leaders|discussions|session)\b|"
    r"(?:(?<=delegation\s)|(?<=delegation\swas\s)|(?<=delegations\swere\s))(?:headed|led)\s+by|"
    r"hosted|welcomed\s+(?:the\s+)?(?:\w+\s+)?(?:leaders|delegates|heads|guests)|flanked\s+by|(?:(?<=was\s)|(?<=were\s))joined\s+by|among\s+them\b|"
    r"(?:co-)?chair(?:ed|s|ing)?\s+(?:the|it|this|that|by|with)\b|" + L.HANDOVER.pattern + "|"
    r"(?:opened|closed|told|briefed)\s+the\s+(?:\w+\s+)?(?:summit|meeting|talks|gathering|session|leaders|ministers|"
    r"delegates|assembly|conference|council)\b|"
    r"address(?:ed|es|ing)\s+(?:the|fellow)\s+(?:\w+\s+)?(?:summit|meeting|leaders|gathering|session|assembly|talks|delegates|plenary)|"
    r"(?:making|made|makes)\s+(?:his|her)\s+(?:\w+\s+)?debut|" + _THOSE_WHO_CAME + ")", re.I)
#: a sentence about another time (background) does not speak of the current event
_OTHER_TIME = rx.compile(r"\b(?:1[89]\d\d|20\d\d|last\s+(?:year|month|week)|previous|earlier\s+this\s+year|"
                         r"since|ago|former|formerly|once|used to|in the past)\b", re.I)


_ANAPHOR_TYPES = {"meeting": ("Meeting",), "talks": ("Meeting", "Summit"), "session": ("Meeting",),
                  "summit": ("Summit",), "visit": ("Visit",), "trip": ("Visit",)}


def _last_named(events: list[Event], sent: Sentence) -> Event | None:
    """Of ``events``, the one named last before ``sent`` (None if none was)."""
    before = [e for e in events if any(i < sent.idx for i in e.sentences)]
    return max(before, key=lambda e: (max(i for i in e.sentences if i < sent.idx), e.key)) if before else None


def _visit_now(run: _Run, visitor: str | None, sent: Sentence) -> Event | None:
    """The visit of ``visitor`` a sentence speaks of: of several (a state visit, then a stop on
    the way home), the one named in this sentence, else the last named before it, else the
    one told most."""
    visits = [v for v in run.events.values() if v.type == "Visit" and v.persons == (visitor,)]
    if len(visits) <= 1:
        return visits[0] if visits else None
    here = [v for v in visits if sent.idx in v.sentences]
    if here:
        return here[0]
    return _last_named(visits, sent) or max(visits, key=lambda v: (len(v.sentences), v.key))


def _current_event(run: _Run, sent: Sentence) -> Event:
    """The event a sentence that names none speaks of: the one named in the sentence before,
    else the story's main event (the one named in most sentences), not an event of the
    background named in passing a few sentences back."""
    last = run.events[run.last_event]
    ranked = [e for e in run.events.values() if e.date_rank != 0 and e.type in ("Summit", "Meeting", "Visit")]
    m = re.search(r"\b[Tt]he\s+(?:[\w-]+\s+)?(?P<n>meeting|talks|session|summit|visit|trip)\b", sent.masked)
    if m:  # "The meeting was also attended by ...": the last meeting named
        types = _ANAPHOR_TYPES[m.group("n")]
        named = _last_named([e for e in ranked if e.type in types], sent)
        if named is not None:
            return named
    if sent.idx - 1 in last.sentences and (last.date_rank != 0 or not ranked):
        return last  # (not a summit of the background told in passing: "after Algeria, which hosted it in Algiers")
    return _dominant_event(run) or last


def _anaphoric_participants(run: _Run, sent: Sentence, target: Event) -> None:
    """Participants of ``target`` (the event the story last named) in a sentence that names no event."""
    masked = sent.masked
    if target.type not in ("Summit", "Meeting", "Visit") or _OTHER_TIME.search(masked):
        return
    for cs, ce in _clauses(masked):
        clause = masked[cs:ce]
        if L.NEGATION.search(clause):
            continue
        cues = list(_ANAPHORIC_CUE.finditer(clause))
        if not cues:
            continue
        for _, i, p in _slots(clause, "P"):
            person = run.person_of.get(i)
            if person is None or _cue_for(clause, p, cues) is None:
                continue
            if target.type == "Visit" and target.persons and person not in target.persons and \
                    not re.search(r"welcom|greet|receiv|host", clause, re.I):
                continue
            target.participants.setdefault(person, run.ev(sent, "participant:previous-event"))


def _dominant_event(run: _Run) -> Event | None:
    """The event the story is about: named in most sentences (summits before others)."""
    ranked = [e for e in run.events.values() if e.date_rank != 0 and e.type in ("Summit", "Meeting", "Visit")]
    return max(ranked, key=lambda e: (len(e.sentences), e.type == "Summit", e.key)) if ranked else None


def _main_summit(run: _Run) -> Event | None:
    summits = [e for e in run.events.values() if e.type == "Summit" and e.date_rank != 0]
    return max(summits, key=lambda e: (len(e.sentences), e.key)) if summits else None


_OBJECT_CUES = rx.compile(r"attended by|headed by|led by|flanked by|joined by|among them|welcom|greet|receiv|host|met|meet|(?:co-)?chair(?:ed|s|ing)?\s+(?:by|with)|"
                          # "co-chaired a side meeting on irregular migration with A, B and C"
                          r"(?:co-)?chair(?:ed|s|ing)?\s+(?:a|an|the)\s+(?:[\w-]+\s+){1,6}?with\b|"
                          r"br(?:ought|ings|inging) together|" + L.HANDOVER.pattern, re.I)


_LIST_ITEMS = rx.compile(r"(?:,|;|\b(?:and|the|president|prime|minister|chancellor|premier|king|queen|emir|amir|"
                         r"sultan|crown|prince|his|her|majesty|highness|excellency|sheikh|foreign|"
                         r"secretary|of|state|leader|vice|deputy)\b|⟦[SDO]\d+⟧\s*(?:'s|’s)?|⟦P\d+⟧|\s)+", re.I)


_LIST_OPENER = rx.compile(r"\battended\s+by\b|\b(?:present|in\s+attendance|attending)\s+(?:were|was)\b|"
                          r"\b(?:were|was)\s+(?:also\s+)?present\b|\b(?:included|including)\b")


def _attendance_lists(masked: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clauses, with a list of attendees set off by semicolons kept as one ("The Summit was attended
    by King Felipe VI of Spain; the President of the Government of Spain, Pedro Sánchez; ...")."""
    out: list[tuple[int, int]] = []
    listing = False
    for cs, ce in clauses:
        if out and (listing or _LIST_OPENER.search(masked[out[-1][0]:out[-1][1]]) and
                    masked[out[-1][0]:cs].rstrip().endswith(";")):
            listing = True  # (up to the sentence's end)
            out[-1] = (out[-1][0], ce)
        else:
            out.append((cs, ce))
    return out


def _cue_for(clause: str, pos: int, cues: list[re.Match]) -> re.Match | None:
    """The participation cue a person at ``pos`` is the subject (or agent) of."""
    for c in cues:
        if c.start() > pos:
            between = clause[pos:c.start()]
            # other people in between only as a list ("X, Y and Z attended")
            rest = re.sub(rf"\s*(?:,|\band\b|, and\b)\s*{L.PRE_TITLE}⟦P\d+⟧", "", re.sub(r"^⟦P\d+⟧", "", between), flags=re.I)
            if len(between) <= 200 and not re.search(r"⟦P\d+⟧", rest) and len(rest) <= 90 and \
                    not re.search(r"\b(?:as|while|when|after|because|since|said|says|told|tells|announced|added)\b", between):
                return c
        elif (oc := _OBJECT_CUES.match(clause, c.start())) and 0 <= pos - max(c.end(), oc.end()) and (
                pos - max(c.end(), oc.end()) <= 60 or not _LIST_ITEMS.sub("", clause[max(c.end(), oc.end()):pos]).strip(" ,")):
            return c  # (or the next item of a list of titled names after it)
        elif re.match(_THOSE_WHO_CAME, clause[c.start():], re.I) and pos > c.end():
            return c  # "Those who did make the trip included A, B and C"
        elif re.match(r"attended by\b|br(?:ought|ings|inging) together\b|(?:attending|present at|at)\s+(?:the|this)\s|"
                      # "Joining her were ...", "Among those at the table were ...", "will also bring in ..."
                      r"[Jj]oining\s|[Aa]mong\s+(?:those|the)\s|(?:will\s+)?(?:also\s+)?br(?:ing|ings|ought|inging)\s+in\b|"
                      r"(?:[Aa]lso\s+)?(?:present|in attendance|attending)\s+(?:were|was|are|is)\b|[Aa]ttending\s+(?:the|this)\s+[^,;]{0,40},[^,;]{0,60},\s+were\b|(?:[Ss]peaking at|[Aa]ddressing)\s+the\s+[^,]{0,40},\s*(?:(?:[\w.-]+|⟦[SDO]\d+⟧)\s+){0,4}⟦P",
                      clause[c.start():]) and pos > c.end() and \
                not re.search(r"\b(?:said|told|when|while|after)\b", clause[c.end():pos]):
            return c  # "was attended by the leaders of A, B, ... as well as by X"
    return None


def _weekday_in_year(run: _Run, weekday: str, year: int) -> _dt.date | None:
    for sent in run.sentences:
        for d in sent.dates:
            if d.kind in ("day", "range") and d.month:
                for day in (d.day, d.day2):
                    if day is None:
                        continue
                    try:
                        cand = _dt.date(d.year or year, d.month, day)
                    except ValueError:
                        continue
                    if cand.weekday() == WEEKDAYS[weekday]:
                        return cand
    return None


def _masked_pos(run: _Run, sent: Sentence, char: int) -> int:
    """Approximate position in the masked sentence of an original character offset."""
    rel = char - sent.start
    shift = 0
    for i, m in sent.slots.items():
        if m.end <= char and m.start >= sent.start and not m.source.startswith("anaphor"):
            shift += (m.end - m.start) - len(f"⟦{m.kind}{i}⟧")
    return max(0, rel - shift)


#: organs whose meetings are sessions of a summit (not a national parliament's sitting)
_SUMMIT_ORGAN = rx.compile(r"\b(?:Heads of (?:State|Government)|Council of|Ministers|Leaders|Summit|Plenary)\b", re.I)


def _finish_events(run: _Run) -> None:
    pub = run.anchor
    main_summit = _main_summit(run)
    main = _main_event(run)
    if main_summit is not None and len(main_summit.sentences) < 2 and main_summit is not main:
        main_summit = None  # a summit mentioned in passing has no sessions of ours
    for ev in run.events.values():
        if ev.key.endswith("-format-session") and ev.part_of is None:
            for si in ev.sentences:
                _session_parent(run, ev, run.sentences[si])
    if main_summit is not None and main_summit.organizer is None:
        # "The meeting capped a two-day summit in the Lithuanian capital": its summit
        main_summit.organizer = _story_org(run)
        if main_summit.organizer:
            main_summit.note("organizer", main_summit.evidence)
    dateline = _dateline_city(run)
    if dateline and main is not None and main.type in ("Summit", "Meeting") and not main.location:
        main.location[dateline[0]] += 1
        main.note(f"location:{dateline[0]}", dateline[1])
    for ev in sorted(run.events.values(), key=lambda e: (e.type != "Summit", e.key)):
        if ev.type == "Meeting" and ev.persons and ev.part_of in run.events:
            whole = run.events[ev.part_of]
            ev.host = None
            if not ev.location and whole.location:
                ev.location = Counter(whole.location)
            if ev.start is None and whole.start is not None and whole.end is None:
                ev.start = whole.start
        if ev.type == "Meeting" and not ev.persons and ev.part_of in run.events and ev.start is None:
            whole = run.events[ev.part_of]  # a session on a known day of its summit
            if whole.start is not None and ev.day_offset is not None:
                ev.start = whole.start + _dt.timedelta(days=ev.day_offset)
            if not ev.location and whole.location:
                ev.location = Counter(whole.location)
        if ev.type == "Meeting" and not ev.persons and ev.part_of is None and main_summit is not None and \
                not ev.key.endswith("ministers-meeting") and (
                ev.organizer or not ev.key.endswith("-meeting") or _SUMMIT_ORGAN.search(ev.label)):
            ev.part_of = main_summit.key
            if ev.organizer is None:
                ev.organizer = main_summit.organizer
            ev.host = None
            if not ev.location and main_summit.location:
                ev.location = Counter(main_summit.location)
            if ev.start is None and main_summit.start is not None and ev.day_offset is not None:
                ev.start = main_summit.start + _dt.timedelta(days=ev.day_offset)
        if ev.end_hint is not None:
            if ev.start is None:  # "the two-day summit ended on Saturday": Saturday is the last day
                ev.start = ev.end_hint - _dt.timedelta(days=ev.day_offset or 0)
                ev.end = ev.end_hint if ev.day_offset else None
                ev.support.setdefault("date", ev.support["date_end"])
            elif ev.end is None and ev.end_hint > ev.start:
                ev.end = ev.end_hint
            elif ev.day_offset and ev.start == ev.end_hint:
                # "the two-day summit closed on Wednesday" and Wednesday's session told as its day:
                # the day it closed is the last one
                ev.start, ev.end = ev.end_hint - _dt.timedelta(days=ev.day_offset), ev.end_hint
            elif ev.end is None and 0 < (ev.start - ev.end_hint).days < 7 and \
                    ev.support["date_end"].rule == "date:weekday":
                ev.end = ev.end_hint + _dt.timedelta(days=7)  # "arrived on Tuesday ... runs until Thursday"
        if ev.type in ("Summit", "Visit") and ev.start and ev.end is None and ev.day_offset:
            ev.end = ev.start + _dt.timedelta(days=ev.day_offset)
        if ev.type == "Visit":
            _visit_cities(run, ev)
        if ev.type == "Meeting" and len(ev.persons) == 2 and not ev.location and ev.date_rank != 0:
            visits = [v for v in run.events.values() if v.type == "Visit" and set(v.persons) & set(ev.persons)]
            if visits and visits[0].location:
                ev.location = Counter(visits[0].location)
    for ev in run.events.values():
        if ev.type == "Summit" and ev.organizer and ev.label.split()[-1] == "summit" and len(ev.label.split()) <= 2:
            org = run.entities[ev.organizer]
            short = _org_short_name(org)
            if short not in ev.label:
                ev.names.add(ev.label)
                ev.label = ev.label[: -len("summit")] + f"{short} summit"
        e = Entity(ev.key, ev.type, ev.label, mentions=[ev.evidence] if ev.evidence else [])
        for n in sorted(ev.names):
            e.add_name(n)
        run.entities[ev.key] = e
        src = ev.evidence
        sup = ev.support.get
        if ev.organizer:
            run.add_fact(ev.key, "organizedBy", ev.organizer, src)
        if ev.type == "Visit" and len(ev.location) > 1 and _visit_country(run, ev):
            # a visit to several cities of one country ("in Shanghai on Friday, then Beijing"): each of them
            for loc in sorted(c for c in ev.location if _city_state(run, c) == _visit_country(run, ev)):
                run.add_fact(ev.key, "location", loc, sup(f"location:{loc}", src))
        elif ev.location:
            loc = sorted(ev.location.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            if run.entities[loc].type == "City":
                run.add_fact(ev.key, "location", loc, sup(f"location:{loc}", src))
                st = _city_state(run, loc)
                if ev.host is not None and st is not None and ev.host.startswith("state/") and ev.host != st:
                    ev.host = None  # "met in Hiroshima ..., upending plans to gather in Australia"
                if ev.host is None and ev.type != "Visit" and not ev.part_of and st in run.entities:
                    ev.host = st
                    ev.note("host", sup(f"location:{loc}", src))
        if ev.host and ev.type != "Visit":
            run.add_fact(ev.key, "hostCountry", ev.host, sup("host", src))
        if ev.start:
            run.add_fact(ev.key, "startDate", ev.start, sup("date", src))
        if ev.end and ev.end != ev.start:
            run.add_fact(ev.key, "endDate", ev.end, sup("date", src))
        if ev.part_of:
            run.add_fact(ev.key, "partOf", ev.part_of, sup("partOf", src))
        for p, pev in sorted(ev.participants.items()):
            run.add_fact(ev.key, "participant", p, pev)
        if ev.theme:
            run.add_fact(ev.key, "theme", ev.theme, sup("theme", src))
        status = _status(ev, pub)
        run.add_fact(ev.key, "status", status, sup("date") if pub and (ev.start or ev.end) else sup(f"status:{status}", src))
    # participants of a part are participants of the whole
    for ev in run.events.values():
        if ev.part_of:
            for p, pev in ev.participants.items():
                run.add_fact(ev.part_of, "participant", p, pev)


_DATELINE = rx.compile(r"^\s*⟦C(\d+)⟧(?:\s*/\s*⟦C\d+⟧)*\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?(?:\([A-Za-z ]+\)\s*)?[-–—:,]")


_DATELINE_TEXT = rx.compile(r"^\s*[A-Z][A-Za-z .'/-]{1,40},\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                            r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                            r"(?:,?\s*\d{4})?\s*(?:\([^)]{1,40}\))?\s*[-–—:]?")


def _dateline_date(run: _Run, year: int | None) -> _dt.date | None:
    """The date of a wire dateline ("MANILA, July 8 (AP) -"): the article's own date."""
    for sent in run.sentences[:4]:
        if sent.start < run.article.body_start:
            continue
        # a release's date on a line of its own ("THE WHITE HOUSE / August 18, 2023")
        alone = [d for d in sent.dates if d.kind == "day" and d.year]
        if len(alone) == 1 and not re.sub(r"[\s,.]", "", sent.text[:alone[0].start - sent.start] +
                                          sent.text[alone[0].end - sent.start:]):
            return safe_date(alone[0].year, alone[0].month, alone[0].day)
        dl = _DATELINE_TEXT.match(sent.text)
        if dl is None:
            if not sent.dates and len(sent.text) <= 80 and not sent.text.rstrip().endswith("."):
                continue  # a release's heading lines ("THE WHITE HOUSE", "Office of the Prime Minister, ...")
            return None
        for d in sent.dates:
            if d.kind == "day" and d.end <= sent.start + dl.end() and (d.year or year):
                try:
                    return _dt.date(d.year or year, d.month, d.day)
                except ValueError:
                    return None
        return None
    return None


def _dateline_city(run: _Run):
    """The city of a dateline ("KUALA LUMPUR, Oct 26 (IANS) -"), with its evidence."""
    for sent in run.sentences[:3]:
        if sent.start < run.article.body_start:
            continue
        m = _DATELINE.match(sent.masked)
        if m:
            return run.key_of(int(m.group(1))), run.ev(sent, "location:dateline")
        return None
    return None


def _status(ev: Event, pub: _dt.date | None) -> str:
    day = ev.start or ev.end  # (only the day it ended may be known)
    if pub is not None and day is not None:
        if day == pub and ev.votes["planned"] > ev.votes["happened"]:
            return "Planned"  # "he will pay a visit from Wednesday", written on Wednesday
        return "Planned" if day > pub else "Happened"
    if ev.votes["planned"] > ev.votes["happened"]:
        return "Planned"
    if ev.votes["happened"] > 0:
        return "Happened"
    return "Planned" if ev.votes["planned"] else "Happened"


def _finish_documents(run: _Run) -> None:
    for d in {id(d): d for d in run.docs.values()}.values():  # (a document named after its lede is there twice)
        e = Entity(d.key, d.type, d.label, mentions=[d.evidence] if d.evidence else [])
        for n in sorted(d.names):
            e.add_name(n)
        run.entities[d.key] = e
        if d.count is not None:
            run.add_fact(d.key, "documentCount", d.count, d.evidence)
        for ek, (pred, ev) in sorted(d.events.items()):
            run.add_fact(d.key, pred, ek, ev)
        if d.group and not d.signatories and d.type != "AgreementPackage":
            _group_signatories(run, d)
        for s, ev in sorted(d.signatories.items()):
            # (a package's signers only when the text names the two sides as signing it)
            if s in run.entities and (d.type != "AgreementPackage" or ev.rule == "doc:two-sides"):
                run.add_fact(d.key, "signatory", s, ev)
                if s.startswith("person/"):
                    for ek, (pred, _) in d.events.items():
                        if pred == "signedAt":
                            run.add_fact(ek, "participant", s, ev)
