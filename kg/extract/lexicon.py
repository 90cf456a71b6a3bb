"""Word lists and regular expressions shared by the extraction rules.

Everything here is about English news about diplomacy in general: titles,
event nouns, document nouns, tense and negation cues. Nothing names an entity
of any particular article.
"""
from __future__ import annotations

import re

from . import rx

# -- placeholders in masked sentences: ⟦<kind><index>⟧ -------------------------------------
def slot(kinds: str, name: str | None = None) -> str:
    """Regex for a placeholder of one of ``kinds``; the index is captured (named if ``name``)."""
    grp = f"(?P<{name}>\\d+)" if name else "(\\d+)"
    return f"⟦[{kinds}]{grp}⟧"


POSS = r"(?:'s|’s|')"

# -- titles ---------------------------------------------------------------------------------
_TITLE_MOD = (r"(?:acting|interim|caretaker|outgoing|incoming|former|ex-|then-|late|new|newly[- ]elected|"
              r"first|deputy|vice|senior|chief|top|foreign|prime|presidential|supreme|crown|special|"
              r"permanent|national|defen[cs]e|finance|trade|economy|economic|external affairs|interior|"
              r"home|security|foreign affairs|energy|justice|health|state|military|executive|press|federal)")
_TITLE_HEAD = (r"(?:president|prime minister|premier|chancellor|king|queen|emir|amir|sultan|leader|"
               r"secretary[- ]general|director[- ]general|secretary of state|foreign secretary|secretary|"
               r"minister(?: of (?:foreign affairs|defen[cs]e|finance|economy|trade|state|the interior|"
               r"interior|justice|energy|health|industry|agriculture))?|chair(?:man|woman|person)?|"
               r"ambassador|envoy|spokes(?:person|man|woman)|aide|advis[eo]r|representative|"
               r"head of state|head of government|commissioner|counsell?or|governor|mayor|"
               r"crown prince|monarch|official)")
#: styles and ranks between a title and a name ("Emir Sheikh Tamim", "Foreign Minister Prince
#: Faisal"): not part of the title, not part of the name
HONORIFIC = (r"(?:(?:Sheikh|Sheikha|Shaikh|Prince|Princess|Sayyid|Sayyida|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|"
             r"Lord|Lady|Gen\.|General|Lt\.?\s*Gen\.?|Marshal|Admiral|Adm\.|Col\.|Colonel|"
             r"H\.?E\.?|Shri|Smt\.?|Shrimati|Hon\.|His (?:Majesty|Highness|Excellency)|Her (?:Majesty|Highness|Excellency))\s+)*")
TITLE = rf"(?P<title>(?:{_TITLE_MOD}[\s-]+){{0,3}}{_TITLE_HEAD}(?:-elect)?)"
TITLE_RE = rx.compile(TITLE, re.I)
#: an optional "<holder> <title>" in front of a person placeholder ("French President ⟦P3⟧")
PRE_TITLE = (rf"(?:(?:the\s+)?(?:⟦[SDO]\d+⟧\s*(?:'s|’s)?\s+)?(?:{_TITLE_MOD}[\s-]+){{0,3}}{_TITLE_HEAD}\s+)?"
             rf"{HONORIFIC}")

LEADER_HEADS = rx.compile(
    r"^(?:top |supreme |federal )?(?:president|prime minister|premier|chancellor|king|queen|emir|amir|sultan|"
    r"leader|secretary[- ]general|director[- ]general|head of state|head of government|monarch|"
    r"chair(?:man|woman|person)?)$", re.I)
NO_OFFICE = rx.compile(r"\b(?:former|ex-|then-|late)\b|-elect\b|\belect\b", re.I)
ACTING = rx.compile(r"\b(?:acting|interim|caretaker)\b", re.I)
DROP_MODS = rx.compile(r"^(?:(?:new|newly[- ]elected|outgoing|incoming)\s+)+", re.I)

_SMALL = {"of", "for", "and", "the", "on", "to"}


def title_case(title: str) -> str:
    """Normalise a title as the contract asks: Title Case, no country.

    >>> title_case("presidential aide")
    'Presidential Aide'
    >>> title_case("secretary-general")
    'Secretary-General'
    >>> title_case("president-elect")
    'President-elect'
    """
    title = DROP_MODS.sub("", " ".join(title.split()))
    words = []
    for w in title.split(" "):
        if w.lower() in _SMALL:
            words.append(w.lower())
        else:
            parts = w.split("-")
            words.append("-".join(p if p.lower() == "elect" and i else p[:1].upper() + p[1:].lower()
                                  for i, p in enumerate(parts)).replace("-Elect", "-elect"))
    out = " ".join(words)
    return out[:1].upper() + out[1:]


# -- events ---------------------------------------------------------------------------------
ORDINAL = (r"(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
           r"tenth|eleventh|twelfth|[a-z]+teenth|[a-z]+tieth(?:-[a-z]+)?|[a-z]+ieth|"
           r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|"
           r"seventh|eighth|ninth)|"
           # Roman numerals, as Latin American and European releases number summits ("the VIII CELAC Summit")
           r"(?-i:(?=(?:[IVXL]{2,7}|[VXL])\b)L?X{0,3}(?:IX|IV|V?I{0,3})\b))")
SUMMIT_NOUN = r"(?:summits?|Summits?|SUMMIT)"
EVENT_ANAPHOR = rx.compile(
    r"\b(?:the|this|that|these|those)\s+(?:(?:two|three|four|one|2|3|4)[- ]day\s+|high-level\s+|"
    r"upcoming\s+|annual\s+|highly anticipated\s+|historic\s+)?"
    r"(?P<noun>summit|meeting|event|gathering|forum|conference|talks|summit meeting)\b(?!\s+(?:of|between|with))",
    re.I)
SESSION_FORMAT = rx.compile(
    r"\b(?P<fmt>narrow|expanded|extended|restricted|limited|enlarged|plenary)(?:[- ](?:format|one|session|composition))",
    re.I)
MEETING_NOUN = r"(?:talks|meeting|meetings|discussions|negotiations|consultations|summit)"

# -- documents ------------------------------------------------------------------------------
DOC_NOUN = (r"(?:agreements?|treaty|treaties|memorand(?:um|a)(?: of understanding)?|declarations?|"
            r"joint statements?|statements?|communiqu[eé]s?|programmes?|programs?|strateg(?:y|ies)|"
            r"resolutions?|decisions?|road ?map|charter|pact|accords?|conventions?|protocols?|"
            r"action plan|plan of action|deal|documents?|initiative|alliance)")
NAMED_DOC = rx.compile(
    r"(?<![\w⟦])(?:(?:[A-Z][\w'’.-]*|⟦[A-Z]\d+⟧)\s+){0,4}"
    r"(?:Declaration|Treaty|Agreement|Charter|Accord|Memorandum|Communiqu[eé]|Statement|Programme|"
    r"Program|Strategy|Roadmap|Resolution|Convention|Protocol|Pact|Plan|Concept|Initiative)"
    r"(?:\s+(?:on|of|for|between|to|into|in|and|the|(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|January|February|March|April|June|July|August|September|October|November|December)\b)[A-Z][\w'’-]*)|"
    r"⟦[A-Z]\d+⟧))*")
_NOT_MOD = (r"(?!(?:a|an|the|and|or|of|to|with|for|that|which|is|was|be|been|has|have|had|will|would|this|its|"
            r"their|his|her|new-found|number|series|package|set|raft|total|leaders|sides|countries|states|"
            r"[a-z]+ed)\b)")
GENERIC_DOC = rx.compile(
    r"\b(?:a|an|the|their|its)\s+(?P<poss>(?:leaders|summit|bloc|group|ministers|alliance)['’]s?\s+)?"
    r"(?P<mods>(?:" + _NOT_MOD + r"(?:[a-z][a-z-]*|\d+-page)\s+){0,5})"
    r"(?P<noun>agreement|treaty|memorandum(?: of understanding)?|declaration|joint statement|statement|"
    r"communiqu[eé]|programme|program|strategy|resolution|road ?map|charter|pact|accord|convention|"
    r"protocol|action plan|plan of action|deal|alliance|initiative|document|decision|letter of intent|"
    r"exchange of notes|arrangement)\b"
    r"(?P<tail>\s+(?:on(?!\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|\d)\b)|reaffirming|against|to|for|between|of|"
    r"granting|naming|giving|admitting|establishing)\s+(?:(?!(?:and|but|which|that|at|during|in)\b)[^,.;⟦])*)?",
    re.I)
DECLARATION_WORDS = rx.compile(r"declaration|statement|communiqu", re.I)
PACKAGE = rx.compile(
    r"\b(?:(?:a|the)\s+(?:package|set|series|raft|total|number)\s+of\s+)?(?P<n>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty)\s+(?P<what>(?:(?:joint|bilateral|intergovernmental|cooperation|"
    r"other|new|key)\s+)*(?:documents|agreements|decisions|memoranda|memorandums|deals|accords|"
    r"treaties|contracts|resolutions))\b", re.I)
NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20}


def number(word: str) -> int | None:
    """The value of a count written in digits or as a word ("15", "six"); None otherwise."""
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)
SIGN_CUE = rx.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?|put their names to|"
                      # "concluded an agreement", not "the summit concluded its work on Sunday"
                      r"conclud(?:ed|e|es|ing)(?!\s+(?:its|their|his|her|on|in|at|with|after|today|yesterday|"
                      r"\w+day|talks|\d+(?:st|nd|rd|th)|(?:the|a|an)\s+(?:[\w-]+\s+)?(?:summit|meeting|session|visit|"
                      r"talks|conference|gathering|trip|tour))\b)|"
                      r"(?:were|was|are|be)\s+exchanged)\b", re.I)
ADOPT_CUE = rx.compile(
    r"\b(?:adopt(?:ed|s|ion|ing)?|approv(?:ed|e|al|ing)|issu(?:ed|e|ing)|releas(?:ed|ing)|endors(?:ed|e)|"
    r"launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|ratif(?:ied|y)|draft(?:ed|ing)?|finali[sz](?:ed|e)|"
    r"agreed on|agree on|will see the signing)\b", re.I)

# -- tense, modality, negation --------------------------------------------------------------
FUTURE = rx.compile(
    r"\b(?:will|shall|'ll|would|is|are|was|were)\s+(?:also\s+)?(?:expected|scheduled|set|due|slated|poised|planned|going|to)\b|"
    r"\bwill\b|\bset for\b|\bscheduled for\b|\bslated for\b|\bto be (?:held|signed|adopted)\b|\bupcoming\b|"
    r"\bforthcoming\b|\bahead of\b|\banticipated\b|\bto (?:attend|participate|take part)\b|\bplans? to\b|"
    r"\blater this (?:year|month|week)\b|\bnext (?:year|month|week)\b|\binvitation to\b|\binvited to\b|"
    r"\blook(?:s|ed|ing)? forward to\b", re.I)
PAST = rx.compile(
    r"\b(?:was held|were held|has ended|have ended|ended|took place|opened|closed|concluded|wrapped up|"
    r"gathered|attended|signed|adopted|met|arrived|got under way|kicked off|began|started|convened|"
    r"hosted|chaired|welcomed|greeted|lasted|launched|was admitted|joined)\b", re.I)
#: auxiliaries and reporting verbs: past tense, but weak evidence about the event itself
WEAK_PAST = rx.compile(r"\b(?:was|were|had|said|told|has been|have been|has|have)\b", re.I)
PRESENT_ONGOING = rx.compile(
    r"\b(?:is|are)\s+(?:hosting|holding|taking place|under way|underway|meeting|attending|gathering)\b", re.I)
NEGATION = rx.compile(
    r"\b(?:not|n't|never|miss(?:ed|es)?|skip(?:ped|s)?|absent|unable|declin(?:ed|es)|boycott(?:ed|s)?|"
    r"cancel(?:led|ed|s)?|stay(?:ed)? away|instead of)\b|n't\b", re.I)
#: a summit's chair handed over: both the one who hands it and the one who takes it attend
#: ("passed the ceremonial gavel to X", "took over the rotating chairmanship from Y")
HANDOVER = rx.compile(r"(?:pass(?:ed|es|ing)?|hand(?:ed|s|ing)?)\s+(?:over\s+)?(?:the\s+)?(?:ceremonial\s+)?"
                      r"(?:gavel|chair(?:manship)?|rotating\s+(?:chair(?:manship)?|presidency))\s+(?:over\s+)?to|"
                      r"t(?:ook|akes|aking)\s+over\s+(?:the\s+)?(?:rotating\s+)?(?:chair(?:manship)?|presidency|gavel)"
                      r"(?:\s+of\s+(?:the\s+)?[^,.;⟦]{0,40}?)?\s+from", re.I)
PARTICIPATE = rx.compile(
    r"\b(?:(?:attending|present at|at)\s+(?:the|this)\s+(?:[\w-]+\s+)?(?:summit|meeting|talks|gathering)(?:\s*,[^,;.]{0,60},)?\s+"
    r"(?:included|include|includes|were)\b|(?:also\s+)?(?:present|in attendance)\s+(?:were|was)\b|"
    r"represent(?:ed|s|ing)(?=\s+(?:⟦[SO]|his\b|her\b|their\b))|speaking at|spoke at|addressing|told the (?:summit|meeting|gathering|leaders)|"
    r"attend(?:ed|s|ing)?|attendance|participat(?:ed|es|ing|ion|e)|take part|took part|taking part|"
    r"takes part|chair(?:ed|s|ing)?|open(?:ed|s|ing)|address(?:ed|es)?|gather(?:ed)?|arriv(?:ed|es|ing)|"
    r"presence at|present at|head(?:ed|s)?|led by|flanked by|led the|lead(?:s)? the|join(?:ed|s)?|met|meet(?:s|ing)?|"
    r"host(?:ed|s|ing)?|welcom(?:ed|es)|sign(?:ed|s)?|stood with|speech|spoke at|attended by|"
    r"(?:among|one of) (?:those|the leaders|the heads of state)(?: who were)? (?:present|attending|in attendance)|"
    r"br(?:ought|ings|inging) together|(?:will\s+)?(?:also\s+)?br(?:ing|ings|ought|inging)\s+in|"
    r"(?:making|made|makes) (?:his|her) (?:\w+\s+)?debut|"
    r"(?:led|leads|leading|headed|heads|heading)\s+(?:(?:⟦[SD]\d+⟧\s*(?:'s|’s)?|the|a|an|his|her|its)\s+)?(?:\w+\s+)?delegation|"
    r"(?:held|hold|holds|co-chaired|co-chair|co-chairs|co-chairing)\s+(?:the|a|an|their)\s+(?:(?:[\w-]|⟦[A-Z]\d+⟧)+\s+){0,4}"
    r"(?:summit|meeting|talks))\b|" + HANDOVER.pattern, re.I)

# -- memberships ----------------------------------------------------------------------------
MEMBER_CUE = rx.compile(
    r"\b(?:members?|membership|join(?:ed|s|ing)?|admitted|re-?admitted|rejoin(?:ed|s)?|admission|accession|acceded|"
    r"founding\s+(?:members?|states?|countries|nations|fathers|signator(?:y|ies))|founders?|"
    r"(?:founded|set up|established|created|formed)(?:\s+in\s+\d{4})?\s+by|following in|"
    r"(?:groups|grouped|brings together|brought together|comprises|comprised|consists of|consisted of|"
    r"(?:(?:is|are|was|were)\s+)?made up of|unites|united|(?:(?:is|was)\s+)?composed of)(?=\s+(?:together\s+)?(?:the\s+)?⟦S))\b",
    re.I)
MEMBER_EXCLUDE = rx.compile(
    r"\b(?:observers?|partners?|dialogue|candidates?|appl(?:ied|y|ying|ication)|bid|aspir\w*|seek\w*|"
    r"hop(?:e|es|ed|ing)|want\w*|invit\w*|non-members?|interested|associate|guest|left|withdr\w*|"
    r"leav\w*|quit|expel\w*|outside|"
    # (a negation of something else than membership does not deny it: "were not represented")
    r"(?:not|n't)(?!\s+(?:be\s+)?(?:represented|attend\w*|present|invited|take\s+part|participat\w*|send|sent)\b)|path|"
    r"road|prospects?|eventual|future|would-be|"
    r"yet to|still to|(?:is|are) (?:expected|set|due|poised|likely) to|plans? to|intends? to|consider\w*|"
    r"mull\w*|declin\w*|refus\w*|reject\w*|could|(?-i:may)|might|would|against|warn\w*|oppos\w*)\b", re.I)
ORG_ANAPHOR = rx.compile(
    r"\b(?:the|its|this)\s+(?:bloc|grouping|group|organi[sz]ation|association|alliance|union|body|"
    r"forum|community|league)\b", re.I)
FOUNDED = rx.compile(r"\b(?:founded|established|created|formed|set up|launched|inaugurated)\b", re.I)
THEME = rx.compile(r"\b(?:theme|motto|slogan|titled|entitled)\b\W{0,25}?[\"“«]([^\"”»]{3,200})[\"”»]", re.I)

#: seats of government used for their state ("Kremlin spokesman", "a White House official")
SEATS = {"kremlin": "RUS", "the kremlin": "RUS", "white house": "USA", "the white house": "USA",
         "elysee": "FRA", "élysée": "FRA", "elysee palace": "FRA", "élysée palace": "FRA",
         "downing street": "GBR", "blue house": "KOR", "akorda": "KAZ", "zhongnanhai": "CHN",
         "state department": "USA", "pentagon": "USA", "quai d'orsay": "FRA",
         "chancellery": "DEU", "kantei": "JPN", "ak orda": "KAZ", "bankova": "UKR"}
