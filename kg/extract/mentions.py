"""Mentions: gazetteer matches from the reference data merged with statistical NER.

A :class:`Mention` is a typed span of the article text:

====  =====================================================================
kind  meaning
====  =====================================================================
S     a state by name or acronym ("Russia", "DPRK", "Türkiye")
D     a demonym ("Russian", "Kazakh") — points to a state, is no entity alone
O     an international organization ("SCO", "Group of 20")
C     a city ("Astana", "Rio de Janeiro")
R     a region or other place that is not a city (typed ``dkg:Region``)
G     an organ or body ("Council of Heads of State", "Kremlin")
P     a person ("Vladimir Putin", "Putin")
====  =====================================================================

Gazetteer matches win over the statistical NER on conflicts (issue 3), except
that a longer PERSON span beats a city name inside it ("Santiago Peña").
"""
from __future__ import annotations

from collections import Counter
import functools
import re
import unicodedata
from dataclasses import dataclass

from ..reference import City, fold, reference
from . import rx
from .dates import MONTHS

__all__ = ["Mention", "Gazetteer", "gazetteer", "find_mentions", "TITLE_WORDS", "OPENERS"]

_WORD = rx.compile(r"\w+")
#: acronyms and other all-caps names are matched case-sensitively
_ACRONYM = rx.compile(r"^[A-Z0-9][A-Z0-9.\-+&]*$")
_REGION_WORDS = rx.compile(
    r"\b(asia|europe|africa|america|americas|eurasia|middle east|pacific|atlantic|arctic|"
    r"caucasus|balkans|gulf|sahel|region|peninsula|sea|ocean|strait|valley|province|state)\b",
    re.I)
_EVENT_NAME = rx.compile(r"\b(?:Summits?|Forum|Conference|Meeting|Dialogue|Games|Expo|Congress)$")
_ORGAN = rx.compile(
    r"\b(council|secretariat|commission|ministry|department|kremlin|parliament|assembly|"
    r"cabinet|government|office|committee|presidium|bureau|agency|senate|duma|congress|"
    r"white house|akorda|élysée|elysee|downing street|state council)\b", re.I)
#: words that open a title in front of a name ("President Putin")
TITLE_WORDS = frozenset("""president prime premier chancellor king queen emir amir sultan
minister secretary-general secretary director-general director chairman chairwoman chair
chairperson ambassador envoy spokesperson spokesman spokeswoman aide adviser advisor leader
crown prince sheikh foreign deputy vice governor mayor commissioner general admiral
counsellor counselor representative counterpart""".split()) | frozenset(
    "presidents ministers kings emirs chancellors premiers".split())  # "Presidents A of X and B of Y"
#: styles in front of a name that are not part of it ("Sayyid Haitham", "Sir Keir Starmer")
HONORIFIC_WORDS = frozenset("""sheikh sheikha shaikh prince princess sayyid sayyida sir dame
mr mr. mrs mrs. ms ms. dr dr. h.e. shri smt smt. shrimati hon. excellency majesty highness""".split())


#: British style writes long acronyms as words ("Nato", "Asean", "Opec"): an organization's
#: acronym of four or more letters also matches in that form
_TITLE_ACRONYM = rx.compile(r"^[A-Z][a-z]{3,5}$")
#: ... except where the word names something else ("Guam", the island)
_NOT_ACRONYM = frozenset({"guam"})


@dataclass(frozen=True, order=True)
class Mention:
    start: int  # character offsets into the article text
    end: int
    kind: str
    ref: str  # ISO3 for S/D, acronym for O, "name|ISO2" for C, the surface text otherwise
    text: str
    source: str = "gazetteer"


class Gazetteer:
    """Name index over the reference data (folded name -> (kind, ref, case-sensitive))."""

    def __init__(self) -> None:
        ref = reference()
        self.index: dict[str, list[tuple[str, str, bool]]] = {}
        self.first: set[str] = set()
        self.max_tokens = 1
        for s in ref.states.values():
            names = {s.name, s.official_name, *s.alt_names}
            for n in list(names):
                if " of the " in n:
                    names.add(n.replace(" of the ", " of "))
                if "," in n:  # "Korea, Republic of": catalogue style, never in news text
                    names.discard(n)
            for n in names:
                self._add(n, "S", s.iso3)
            for d in s.demonyms:
                self._add(d, "D", s.iso3)
        for o in ref.orgs.values():
            for n in {o.acronym, o.name, *o.alt_names}:
                self._add(n, "O", o.acronym)
                # "Southeast Asian" is also written "South-east Asian" / "South East Asian"
                for v in _compass_variants(n):
                    self._add(v, "O", o.acronym)
        for key, c in sorted(ref.cities.items()):
            for n in {c.name, *c.alt_names}:
                self._add(n, "C", key)
                # "Saint Petersburg" is also written "St Petersburg" and "St. Petersburg"
                if n.startswith("Saint ") and c.population >= SMALL_CITY:
                    self._add("St " + n[6:], "C", key)
                    self._add("St. " + n[6:], "C", key)
        # cities of one name: capitals first, then the largest ("Santiago" is Chile's before Brazil's)
        for entries in self.index.values():
            if sum(kind == "C" for kind, _, _ in entries) > 1:
                entries.sort(key=lambda e: (0, 0) if e[0] != "C" else
                             (1, -(bool(ref.cities[e[1]].capital_of) * 10**12 + ref.cities[e[1]].population)))

    def _add(self, name: str, kind: str, ref: str) -> None:
        name = name.strip()
        if len(name) < 2 or not re.search(r"[A-Za-z]", name):
            return
        key = fold(name)
        cs = bool(_ACRONYM.match(name)) and len(name) <= 6
        entries = self.index.setdefault(key, [])
        entry = (kind, ref, cs)
        if entry not in entries:
            entries.append(entry)
        m = _WORD.search(key)
        if m:
            self.first.add(m.group())
        self.max_tokens = max(self.max_tokens, len(re.findall(r"\w+|[^\w\s]", name)) + 1)

    def lookup(self, text: str, key: str | None = None) -> list[tuple[str, str]]:
        """Entries whose name is ``text`` (case rules applied), states first
        (``key``: ``fold(text)`` when the caller has it)."""
        out = []
        for kind, ref, cs in self.index.get(fold(text) if key is None else key, ()):
            if cs and not _ACRONYM.match(text.replace(" ", "")) and not (
                    kind == "O" and _TITLE_ACRONYM.match(text) and text.lower() not in _NOT_ACRONYM):
                continue
            if not cs and not text[:1].isupper():
                continue
            out.append((kind, ref))
        order = {"S": 0, "O": 1, "D": 2, "C": 3}
        return sorted(out, key=lambda e: order[e[0]])


def _compass_variants(name: str) -> list[str]:
    m = re.search(r"\b(South|North)(east|west)\b", name)
    if m is None:
        return []
    a, b = m.group(1), m.group(2)
    return [name[:m.start()] + f"{a}{sep}{b2}" + name[m.end():]
            for sep, b2 in (("-", b), ("-", b.title()), (" ", b.title()))]


@functools.cache
def gazetteer() -> Gazetteer:
    """The shared :class:`Gazetteer`, built on first use (or read from the cache)."""
    from ..cache import cached

    return cached("gazetteer", Gazetteer, data_files=_DATA_FILES,
                  code_files=("extract/mentions.py", "reference.py"))


_DATA_FILES = ("data/states.csv", "data/organizations.csv", "data/cities.csv")


def _tokens(doc, text: str) -> list[tuple[str, str, int, bool]]:
    """(text, whitespace, character offset, is punctuation) of every token of ``doc``."""
    if hasattr(doc, "to_array"):  # a spaCy Doc: read the token table at once
        from spacy.attrs import IDX, IS_PUNCT, LENGTH, SPACY

        return [(text[idx:idx + length], " " if space else "", idx, bool(punct))
                for idx, length, space, punct in doc.to_array([IDX, LENGTH, SPACY, IS_PUNCT]).tolist()]
    return [(t.text, t.whitespace_, t.idx, t.is_punct) for t in doc]


@functools.lru_cache(maxsize=1 << 16)
def _fold_chars(text: str) -> str:
    """:func:`fold` before its whitespace is collapsed. It works character by
    character (the combining marks NFKD may reorder are all dropped), so that of a
    concatenation is the concatenation, and ``fold(a + b) == " ".join(
    (_fold_chars(a) + _fold_chars(b)).split())``: the candidate names of a token
    run are folded a token at a time."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _gazetteer_matches(doc, gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    out = []
    full = doc.text if text is None else text
    toks = _tokens(doc, full)
    n = len(toks)
    index = gaz.index
    i = 0
    while i < n:
        text0 = toks[i][0]
        m = _WORD.search(fold(text0))
        if m is None or m.group() not in gaz.first or not (text0[:1].isupper() or text0[:1].isdigit()):
            i += 1
            continue
        # candidate surface strings doc[i:j], built incrementally, tried longest first
        cands, surface, folded = [], "", ""
        for j in range(i, min(n, i + gaz.max_tokens)):
            text, ws, _, punct = toks[j]
            surface += text
            folded += _fold_chars(text)
            if not (punct and text != "."):
                cands.append((j + 1, surface, folded))
            surface += ws
            folded += _fold_chars(ws)
        best = None
        for j, cand, folded in reversed(cands):
            key = " ".join(folded.split())  # == fold(cand)
            if key not in index:
                continue
            hits = gaz.lookup(cand, key)
            if hits:
                best = (j, cand, hits[0])
                break
        if best is None:
            i += 1
            continue
        j, cand, (kind, ref) = best
        if kind == "C":
            ref = _city_in_context(gaz, cand, ref, full, toks[i][2], toks[i][2] + len(cand))
        if kind == "O" and " " in cand and _inside_longer_name(toks, i):
            i = j  # "the Collective Security Council" is not the (UN) Security Council
            continue
        ref = ORGANS.get(ref, ref) if kind == "O" else ref
        start = toks[i][2]
        out.append(Mention(start, start + len(cand), kind, ref, cand))
        i = j
    return out


def _city_in_context(gaz: Gazetteer, name: str, ref: str, text: str, start: int, end: int) -> str:
    """Of the cities called ``name``, the one of the country named beside it ("Santiago, Chile",
    "the Chilean city of Santiago"); else ``ref`` (the capital, then the largest)."""
    cities = reference().cities
    others = [r for kind, r in gaz.lookup(name) if kind == "C"]
    if len(others) < 2:
        return ref
    after = re.match(r",\s*((?:the\s+)?[A-Z][\w'’ -]{2,40}?)\b(?=[\s,.;:)(—–-]|$)", text[end:end + 45])
    before = re.search(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:city|town|capital|port|resort)\s+of\s+$",
                       text[max(0, start - 40):start])
    for hint, kinds in ((after, "S"), (before, "D")):
        if hint is None:
            continue
        countries = {reference().state(r).iso2 for kind, r in gaz.lookup(hint.group(1)) if kind in kinds}
        for r in others:
            if cities[r].country in countries:
                return r
    return ref


#: organs that reference rows hold as organizations, and the organization they belong to:
#: their heads lead it ("European Commission President Ursula von der Leyen")
ORGANS = {"European Commission": "EU", "European Council": "EU"}


def _inside_longer_name(toks, i: int) -> bool:
    """True when the token before ``toks[i]`` is a capitalised word inside the sentence:
    a name the gazetteer knows is then only the end of a longer proper name."""
    if i < 2:
        return False
    prev, ws = toks[i - 1][0], toks[i - 1][1]
    before = toks[i - 2][0]
    if prev in ("and", "of") and i >= 3 and before[:1].isupper() and before.isalpha() and \
            before not in _NOT_NAME_START and toks[i - 3][0] not in (".", "!", "?"):
        return True  # "the Peace and Security Council" is not the (UN) Security Council
    return (bool(ws) and prev.isalpha() and prev[:1].isupper() and prev not in _NOT_NAME_START
            and before not in (".", "!", "?", '"', "“", ":", "-", "—", "–") and "\n" not in before
            and not toks[i - 2][1].count("\n"))


_NAME_TOKEN = rx.compile(r"^(?:[A-Z][\w'’.-]*|da|de|do|dos|das|del|della|di|van|von|der|bin|ibn|al|el|le|la)$")


@functools.cache
def _title_word_ids() -> frozenset[int]:
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in TITLE_WORDS)


def _title_word_positions(doc) -> list[int]:
    """The indexes of the tokens whose ``lower_`` is in :data:`TITLE_WORDS`."""
    if hasattr(doc, "to_array"):  # a spaCy Doc: compare the LOWER string ids at once
        from spacy.attrs import LOWER

        ids = _title_word_ids()
        return [i for i, h in enumerate(doc.to_array([LOWER]).tolist()) if h in ids]
    return [i for i, t in enumerate(doc) if t.lower_ in TITLE_WORDS]


def _title_persons(doc, taken: list[tuple[int, int]], kinds: dict | None = None,
                   drop: set | None = None) -> list[Mention]:
    """Names right after a title word ("President Xi Jinping") when NER missed them.

    A city name inside such a name ("Vladimir" in "President Vladimir Putin")
    gives way: its span is added to ``drop``.
    """
    kinds = kinds if kinds is not None else {}
    drop = drop if drop is not None else set()
    out = []
    toks = doc  # Token objects made on demand: most tokens are no title word
    for i in _title_word_positions(doc):
        if i + 1 >= len(toks):
            continue
        j = i + 1
        if j + 1 < len(toks) and toks[j].text == "," and toks[j + 1].text[:1].isupper():
            j += 1  # "The Kazakh President, Kassym-Jomart Tokayev, said"
        while j < len(toks) and toks[j].lower_ in TITLE_WORDS | HONORIFIC_WORDS | {
                "of", "the", "-", "general", "minister", "elect"} or (
                toks[j].text in _PORTFOLIO and (toks[j - 1].lower_ in ("of", "for", "and")
                                                 or toks[j - 1].text in _PORTFOLIO)):
            j += 1  # ("Secretary of State Antony Blinken")
        if j < len(toks) and toks[j - 1].lower_ in ("of", "the"):
            # "President of South Africa Cyril Ramaphosa": the name follows the state
            at = toks[j].idx
            held = [e for s, e in taken if s == at and kinds.get((s, e)) in ("S", "O")]
            if held:
                while j < len(toks) and toks[j].idx < held[0]:
                    j += 1
                while j < len(toks) and (toks[j].lower_ in HONORIFIC_WORDS or toks[j].text == ","):
                    j += 1
        k = j
        while k < len(toks) and k - j - 2 * sum(1 for t in toks[j:k] if t.text == "-") < 5 and (
                _NAME_TOKEN.match(toks[k].text) or (
                toks[k].text == "-" and k + 1 < len(toks) and k > j and not toks[k - 1].whitespace_
                and toks[k + 1].is_alpha)) and toks[k].text not in ("The",) and not (
                k > j and (toks[k - 1].text in ("Jr.", "Sr.") or toks[k].text in OPENERS
                           and toks[k - 1].text.endswith("."))):
            k += 1
            if toks[k - 1].text == "-":
                k += 1  # "Kim Jong-un", "Okonjo-Iweala"
        while k > j and not (toks[k - 1].text[:1].isupper() or (k - 2 >= j and toks[k - 2].text == "-")):
            k -= 1
        if k - j < 1 or (k - j == 1 and toks[j].is_sent_start):
            continue
        span = doc[j:k]
        clash = [(s, e) for s, e in taken if s < span.end_char and span.start_char < e]
        if clash and not all(kinds.get((s, e)) in ("C", "P") and e - s < len(span.text)
                             and span.start_char <= s and e <= span.end_char for s, e in clash):
            continue
        for c in clash:
            drop.add(c)
        if span[0].text[:1].isupper() and not _NOT_PERSON.search(span.text) and (
                not span[0].is_stop or (len(span) >= 2 and span[0].text not in _NOT_NAME_START)):
            out.append(Mention(span.start_char, span.end_char, "P", span.text, span.text, "title"))
            if toks[i].lower_ in TITLE_WORDS and toks[i].lower_.endswith("s"):
                out += _listed_names(toks, k, taken, kinds)
    return out


_APPOSITIVE = rx.compile(
    r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:\s+(?:(?:von|van|der|den|de|da|dos|del|di|du|bin|ibn|al|el)\s+)*"
    r"[A-Z][\w’'-]+){1,3}),\s+(?:the\s+)?(?:(?:acting|interim|former|new)\s+)?(?:[Vv]ice[- ])?"
    r"(?:president|prime minister|chancellor|king|foreign minister|minister|secretary[- ]general|"
    r"director[- ]general|chairman|chairwoman|chair|head|leader|spokesman|spokeswoman|spokesperson|"
    r"ambassador|envoy)\s+of\b")


def _appositive_persons(text: str, taken, gaz) -> list[Mention]:
    """Names before an apposition with a title ("Ursula von der Leyen, president of the
    European Commission") that NER missed, or that there is no model to find."""
    out = []
    for m in _APPOSITIVE.finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        if any(a < e and s < b for a, b in taken) or name.split()[0] in _NOT_NAME_START:
            continue
        if _NOT_PERSON.search(name) or gaz.lookup(name) or any(gaz.lookup(w) for w in name.split()):
            continue
        out.append(Mention(s, e, "P", name, name, "apposition"))
    return out




def _listed_names(toks, k: int, taken, kinds) -> list[Mention]:
    """The further names of "Presidents A of Ghana and B of Ivory Coast" after A."""
    out, n = [], len(toks)
    while k + 1 < n and toks[k].lower_ == "of":
        held = [e for s, e in taken if s == toks[k + 1].idx and kinds.get((s, e)) == "S"]
        if not held:
            break
        k += 1
        while k < n and toks[k].idx < held[0]:
            k += 1
        if k >= n or toks[k].lower_ not in ("and", ","):
            break
        k += 1
        if k < n and toks[k].lower_ == "and":
            k += 1
        j = k
        while k < n and k - j < 5 and toks[k].lower_ != "of" and (_NAME_TOKEN.match(toks[k].text) or (
                toks[k].text == "-" and not toks[k - 1].whitespace_ and k + 1 < n and toks[k + 1].is_alpha)):
            k += 2 if toks[k].text == "-" else 1  # "Akufo-Addo"
        if k - j < 2 or not toks[j].text[:1].isupper() or toks[j].text in _NOT_NAME_START:
            break
        span = toks[j:k]
        if any(s < span.end_char and span.start_char < e for s, e in taken):
            break
        out.append(Mention(span.start_char, span.end_char, "P", span.text, span.text, "title"))
    return out


#: capitalised function words that start a phrase, not a name ("President To Lam" is a name)
_NOT_NAME_START = frozenset("The A An This That These Those His Her Its Their Our And But Or If "
                            "In On At Of For With From By As".split())
#: capitalised words that make a NER "PERSON" span something else
_NOT_PERSON = rx.compile(
    r"\b(?:Summits?|Declaration|Roadmap|Road Map|Treaty|Agreement|Charter|Council|Ministry|Museum|"
    r"Airport|University|Ceremony|Cosmodrome|Palace|Kremlin|Hall|House|Square|Forum|Initiative|"
    r"Strategy|Programme|Program|Plan|Statement|Memorandum|Communiqu[eé]|Centre|Center|Bank|"
    r"Agency|News|Times|Post|Street|Avenue|Bridge|Port|Tower|Stadium|Cathedral|Mosque|Temple|"
    r"Commission|Secretariat|Parliament|Assembly|Committee|Government|Cabinet|Office|Conference|Community|"
    r"Pro Tempore|Organi[sz]ation)\b")


def _clean_person(span):
    """Strip leading titles and trailing possessives from a PERSON span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in TITLE_WORDS or doc[start].lower_ in HONORIFIC_WORDS
                           or doc[start].lower_ == "the" or (
                               doc[start].text in _PORTFOLIO and start > 0
                               and (doc[start - 1].lower_ in ("of", "for", "and")
                                    or doc[start - 1].text in _PORTFOLIO))):
        start += 1  # ("Secretary of State Antony Blinken", "Minister of Foreign Affairs Wang Yi")
    for k in range(start + 1, end):  # "conferred on Modi the Order of St Andrew": the name ends
        if doc[k].text in _NOT_IN_NAME or doc[k - 1].text in ("Jr.", "Sr.") or \
                doc[k].text in OPENERS and doc[k - 1].text.endswith("."):
            end = k  # ("Ferdinand Marcos Jr. After his talks": the next sentence's first word)
            break
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


#: portfolio words after "Secretary of" / "Minister for" that NER takes into a name
_PORTFOLIO = frozenset("State Foreign Affairs Defence Defense Finance Interior Home Trade Commerce "
                       "Economy Energy Health Justice".split())
#: lower-case particles inside names ("von der Leyen", "da Silva", "bin Salman")
_PARTICLES = frozenset("von van der den de da do dos das del della di du la le bin ibn al el".split())
#: peoples that NER takes for a person
_PEOPLES = frozenset("Africans Europeans Asians Americans Arabs Latinos Westerners Palestinians Israelis "
                     "Ukrainians Russians Chinese".split())
#: words that open a sentence, not a name's part ("... Marcos Jr. After his talks ...")
OPENERS = frozenset("After Before During While When On In At The Later Earlier Meanwhile But And".split())
#: lower-case words no name holds (its particles, "bin", "von der", "da", are others)
_NOT_IN_NAME = frozenset("the a an and or of on in at to with for from by".split())


#: city names that are also English words or given names: they count as places only where
#: the NER calls them one, or after a locative preposition ("in Nice", "to Victoria")
AMBIGUOUS_CITIES = frozenset("""aurora bath bolton columbia concord derby enterprise eugene florence
hamilton independence irvine jackson kent lincoln madison male midland mobile nice norman orange
providence reading regina richmond salem split surprise tyre victoria warren york sale mission
temple hope spring wells deal march may june august victory union""".split())
#: words of this domain that are also names of small towns ("the Summit of the Americas": Summit,
#: New Jersey; "the Congress": Congress, Arizona)
_EVENT_WORDS = frozenset("summit congress council assembly parliament senate forum conference".split())
_LOCATIVE = rx.compile(r"(?:\b(?:in|at|to|from|near|outside|via|visit(?:ed|ing|s)?)\s+(?:the\s+)?)$", re.I)


#: towns smaller than this count as places only with the same evidence as ambiguous names
SMALL_CITY = 100_000


def _plausible_city(m: Mention, doc, ner_places: set[tuple[int, int]],
                    ner_spans: list[tuple[int, int]] = (), text: str | None = None) -> bool:
    if m.kind != "C":
        return True
    city = reference().cities[m.ref]
    if fold(m.text) in MONTHS or fold(m.text) in _EVENT_WORDS:
        return False  # "brokered by China in March": a month ("March", Cambridgeshire, is not news)
    text = doc.text if text is None else text
    if re.match(r" [A-Z][a-z]", text[m.end:m.end + 3]) and re.search(r"(?:'s|’s)\s+$", text[max(0, m.start - 4):m.start]):
        return False  # "Paraguay's Santiago Peña": a person's first name after the possessive
    if fold(m.text) not in AMBIGUOUS_CITIES and (city.population >= SMALL_CITY or city.capital_of):
        return True
    if any(s <= m.start and m.end <= e and (e - s) > (m.end - m.start) for s, e in ner_spans):
        return False  # "Central" in "Central Asia", "Vostochny" in "Vostochny Cosmodrome"
    if re.match(r" [A-Z][a-z]", text[m.end:m.end + 3]):
        return False  # the same without a model: a longer proper name goes on
    if (m.start, m.end) in ner_places:
        return True
    if _CITY_OF.search(text[max(0, m.start - 30):m.start]):
        return True  # "the Azerbaijani city of Shusha"
    after = re.match(r",\s*([A-Z][\w'’ -]{2,40}?)\b(?=[\s,.;:)(—–-]|$)", text[m.end:m.end + 45])
    if after and any(kind == "S" and reference().state(ref).iso2 == city.country
                     for kind, ref in gazetteer().lookup(after.group(1))):
        return True  # "Shusha, Azerbaijan": the city and its own country
    return bool(_LOCATIVE.search(text[max(0, m.start - 20):m.start]))


_CITY_OF = rx.compile(r"\b(?:city|town|capital|village|port|resort|municipality) of\s+$", re.I)


def find_mentions(doc) -> list[Mention]:
    """All mentions in ``doc``, sorted by position, without overlaps."""
    gaz = gazetteer()
    ref = reference()
    doc_text = doc.text  # (spaCy joins every token each time it is asked)
    ents = list(getattr(doc, "ents", ()))
    ner_places = {(e.start_char, e.end_char) for e in ents if e.label_ in ("GPE", "LOC")}
    ner_spans = [(e.start_char, e.end_char) for e in ents]
    mentions = [m for m in _gazetteer_matches(doc, gaz, doc_text)
                if _plausible_city(m, doc, ner_places, ner_spans, doc_text)]
    mentions = _organs_of_others(doc_text, mentions)
    taken = [(m.start, m.end) for m in mentions]

    def overlaps(s, e):
        return [m for m in mentions if m.start < e and s < m.end]

    for ent in ents:
        label = ent.label_
        if label == "PERSON":
            span = _clean_person(ent)
            if span is not None and span.end < len(doc) and span[-1].lower_ in _PARTICLES and \
                    doc[span.end].text[:1].isupper():
                span = doc[span.start:span.end + 1]  # "Ursula von der" + "Leyen"
            if span is None or not span.text[:1].isupper() or _NOT_PERSON.search(span.text) or (
                    len(span) == 1 and (span.text.isupper() or span.text in _PEOPLES)):
                continue  # ("AMM", an acronym, is no one's name)
            clash = overlaps(span.start_char, span.end_char)
            if clash and any(m.kind in "SODG" for m in clash):
                continue
            if clash and all(m.kind == "C" and (m.end - m.start) < (span.end_char - span.start_char) for m in clash):
                for m in clash:
                    mentions.remove(m)
                clash = []
            if clash:
                continue
            if any(kind in "SOD" for kind, _ in gaz.lookup(span.text)):
                continue
            mentions.append(Mention(span.start_char, span.end_char, "P", span.text, span.text, "ner"))
        elif label in ("GPE", "LOC", "FAC") and not overlaps(ent.start_char, ent.end_char):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            start = ent.end_char - len(text)
            if label == "FAC" or not text[:1].isupper() or _EVENT_NAME.search(text):
                continue  # ("the East Asia Summit" is an event, not a region)
            if _REGION_WORDS.search(text) or label == "LOC":
                mentions.append(Mention(start, ent.end_char, "R", text, text, "ner"))
        elif label == "ORG" and not overlaps(ent.start_char, ent.end_char):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            start = ent.end_char - len(text)
            if _ORGAN.search(text) and text[:1].isupper():
                mentions.append(Mention(start, ent.end_char, "G", text, text, "ner"))
    # organs the NER did not find ("the Council of Heads of State")
    for m in re.finditer(r"\b(?:(?:Council|Conference|Assembly|Committee|Board) of [A-Z][\w-]*(?: (?:of|and|for) (?:the )?[A-Z][\w-]*| [A-Z][\w-]*)*|Kremlin|Secretariat)\b", doc_text):
        if not overlaps(m.start(), m.end()):
            mentions.append(Mention(m.start(), m.end(), "G", m.group(), m.group(), "pattern"))
    new_orgs = _new_organizations(doc_text, mentions)
    mentions = [m for m in mentions if not any(o.start <= m.start and m.end <= o.end for o in new_orgs)]
    mentions.extend(new_orgs)
    taken = [(m.start, m.end) for m in mentions]
    drop: set = set()
    mentions.extend(_title_persons(doc, taken, {(m.start, m.end): m.kind for m in mentions}, drop))
    mentions = [m for m in mentions if (m.start, m.end) not in drop or m.kind not in "CP"]
    taken = [(m.start, m.end) for m in mentions]
    mentions.extend(_appositive_persons(doc_text, taken, gaz))
    mentions.sort()
    mentions = _drop_overlaps(mentions)
    mentions.extend(_name_aliases(doc, mentions, gaz, doc_text))
    mentions.extend(_org_head_aliases(doc_text, mentions, ref))
    mentions.sort()
    return _drop_overlaps(mentions)


#: head nouns that stand for an organization named before ("the Forum", "Forum leaders")
_HEAD_NOUNS = ("Forum", "Alliance", "Organization", "Organisation", "Union", "Community", "League",
               "Commonwealth", "Association", "Bank")


def _org_head_aliases(text: str, mentions: list[Mention], ref) -> list[Mention]:
    """Later uses of an organization's capitalised head noun alone ("the Pacific Islands
    Forum ... the Forum"), when one organization of the article has that head."""
    heads: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind != "O":
            continue
        name = m.ref[1:].split("|")[0] if m.ref.startswith("~") else (
            ref.orgs[m.ref].name if m.ref in ref.orgs else m.text)
        word = name.split()[-1] if name.split() else ""
        if word in _HEAD_NOUNS and len(name.split()) > 1:
            heads.setdefault(word, set()).add(m.ref)
            first[m.ref] = min(first.get(m.ref, m.start), m.start)
    out = []
    for word, refs in heads.items():
        if len(refs) != 1:
            continue
        (org,) = refs
        for hit in re.finditer(rf"(?<![\w-])(?:[Tt]he\s+)?({word})(?![\w-])", text):
            s, e = hit.start(1), hit.end(1)
            before = text[max(0, s - 30):s]
            if s < first[org] or re.search(r"[A-Z][\w'’-]*\s+$", before) and not re.search(
                    r"(?:^|[.!?\n]\s*|\s)The\s+$", before):
                continue  # before the organization is named, or inside a longer name
            if any(m.start < e and s < m.end for m in mentions):
                continue
            out.append(Mention(s, e, "O", org, hit.group(1), "anaphor:head"))
    return out


_ORG_HEAD = (r"(?:Organi[sz]ation|Union|Community|Association|Alliance|League|Commonwealth|Council|Forum|"
             r"Conference|Group|Bloc|Treaty Organi[sz]ation|Cooperation|Partnership|Bank)")
_NEW_ORG = rx.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w'’-]+ (?:(?:of|for|and|on) (?:the )?)?){0,6}" + _ORG_HEAD +
    r"(?: (?:of|for|on) (?:the )?[A-Z][\w'’-]+(?: (?:and |of (?:the )?)?[A-Z][\w'’-]+){0,5})?)"
    r" ?\((?P<acr>[A-Z][A-Za-z0-9+&-]{1,9})\)")
_HEAD_AT = rx.compile(_ORG_HEAD)


_ORGAN_NAME = rx.compile(r"^(?:(?:Council|Conference|Meeting|Board) of (?:[A-Z][\w-]+ )*(?:Ministers|Heads of (?:State|"
                         r"Government)(?: and Government)?)|[\w ]*(?:Commission|Secretariat|Committee))$")


def _new_organizations(text: str, mentions: list[Mention]) -> list[Mention]:
    """Organizations no reference row holds, introduced with an acronym:
    "the Organisation of Eastern Caribbean States (OECS)"; later uses of the acronym too."""
    out: list[Mention] = []
    for m in _NEW_ORG.finditer(text):
        s, e = m.start("name"), m.end("name")
        name = m.group("name")
        head = _HEAD_AT.search(name)
        # ("Economic and Monetary Union": an "and" between capitalised words is part of the name)
        cut = [c for c in re.finditer(r"\b(?:of|for|and|on) (?:the )?", name[:head.start()])
               if not re.match(r"and [A-Z]", c.group() + name[c.end():c.end() + 1])
               or not re.search(r"[A-Z][\w'’-]* $", name[:c.start()])] if head else []
        if cut:  # "Leaders of the Organisation of ...": the name starts after "of the"
            name = name[cut[-1].end():]
        name = re.sub(r"^(?:The|A|An)\s+", "", name)
        s = m.end("name") - len(name)
        inner = [x for x in mentions if x.kind == "O" and x.start < m.end() and s < x.end]
        initials = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(name.split()) < 2 or (inner and not (
                initials == m.group("acr").upper() and all(s <= x.start and x.end <= e for x in inner))):
            continue  # a known organization's own name, or one that only holds a known one's name
            # ("ASEAN Regional Forum (ARF)" is a forum of its own, not ASEAN)
        ref = f"~{name}|{m.group('acr')}"
        # "the SCO Council of Foreign Ministers (CFM)": a body of an organization, not one itself
        kind = "G" if _ORGAN_NAME.match(name) else "O"
        out.append(Mention(s, e, kind, ref, name, "pattern"))
        for hit in re.finditer(rf"(?<![\w-]){re.escape(m.group('acr'))}(?![\w-])", text):
            if hit.start() > e + 1 and not any(x.start < hit.end() and hit.start() < x.end for x in mentions):
                out.append(Mention(hit.start(), hit.end(), kind, ref, hit.group(), "pattern"))
    # a new organization wins over places or states inside its name ("...Caribbean States")
    return out


#: an organization's alias that is only an organ's generic name ("General Assembly" for the UN's)
_GENERIC_ORGAN = rx.compile(r"^(?:General\s+Assembly|Security\s+Council|Secretariat)$")


def _organs_of_others(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the General Assembly of the Organization of American States": in an article that gives the
    organ to another organization, the bare "General Assembly" is that one's organ, not the UN's."""
    generic = [m for m in mentions if m.kind == "O" and _GENERIC_ORGAN.match(m.text)]
    if not generic:
        return mentions
    others = {m.start: m for m in mentions if m.kind == "O"}
    foreign = set()
    for m in generic:
        of = re.match(r"\s+of\s+(?:the\s+)?", text[m.end:])
        owner = others.get(m.end + of.end()) if of else None
        if owner is not None and owner.ref != m.ref:
            foreign.add((m.text, m.ref))
    return [Mention(m.start, m.end, "G", m.text, m.text, "pattern") if (m.text, m.ref) in foreign and m in generic
            else m for m in mentions]


def _names_state_or_org(gaz: Gazetteer, text: str) -> bool:
    return any(kind in "SOD" for kind, _ in gaz.lookup(text))


def without_article(name: str) -> str:
    """A surname without its Arabic article: "Assad" of "al-Assad" (either case)."""
    return re.sub(r"^(?:al|el|Al|El)[-‑]", "", name)


#: first words of names that are also common words at the start of a sentence
_NOT_SHORT_NAME = frozenset({"The", "Mr", "Mrs", "Ms", "Dr", "Sir", "King", "Emir", "Amir", "Shah", "Pope", "Lord",
                             "Lady", "Dame", "Gen", "Col", "Adm", "Mark", "Will", "May", "Hope", "Said", "Rand"})


def _name_aliases(doc, mentions: list[Mention], gaz: Gazetteer, text: str | None = None) -> list[Mention]:
    """Other mentions of a known person: the full name again, or its last name alone ("Putin")."""
    names: dict[str, str] = {}
    persons = {m.text for m in mentions if m.kind == "P" and not m.source.startswith("anaphor")}
    firsts = Counter(n.split()[0] for n in persons if len(n.split()) > 1)
    for m in mentions:
        if m.kind != "P" or m.source.startswith("anaphor"):
            continue
        words = m.text.split()
        names.setdefault(m.text, m.text)
        last = words[-1]
        if len(words) > 1 and len(last) >= 3 and last[:1].isupper() and not _names_state_or_org(gaz, last):
            names.setdefault(last, m.text)
        bare = without_article(last)  # "Assad" of "Bashar al-Assad"
        if len(words) > 1 and bare != last and len(bare) >= 3 and not _names_state_or_org(gaz, bare):
            names.setdefault(bare, m.text)
        first = words[0]
        if len(words) in (2, 3) and 2 <= len(first) <= 4 and first[:1].isupper() and firsts[first] == 1 and \
                first not in _NOT_SHORT_NAME and not _names_state_or_org(gaz, first):
            names.setdefault(first, m.text)  # family name first: "Xi" of "Xi Jinping", "Kim", "Wang", "Yoon"
    if not names:
        return []
    covered = [(m.start, m.end) for m in mentions]
    out = []
    text = doc.text if text is None else text
    for name in sorted(names, key=len, reverse=True):
        for hit in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            s, e = hit.start(), hit.end()
            if any(cs < e and s < ce for cs, ce in covered):
                continue
            covered.append((s, e))
            out.append(Mention(s, e, "P", name, name, "alias"))
    return out


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            prev = out[-1]
            if (m.end - m.start) > (prev.end - prev.start) and prev.source != "gazetteer":
                out[-1] = m
            continue
        out.append(m)
    return out


def city_of(mention: Mention) -> City:
    return reference().cities[mention.ref]
