"""Names no gazetteer lists, found from their shape and context: companies (candidates),
institutions and products.

Each finder returns (start, end, name) spans of the text; `taken` marks text already claimed
by a known name or a person (a bytearray, 1 per claimed character), which these never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from .cues import Cues
from .text import UP

_TOKEN = rf"(?:[{UP}0-9][\w'’.+\-]*|&)"
_TOKEN_RE = re.compile(_TOKEN)
_HEAD = re.compile(rf"(?:the\s)?({_TOKEN}(?:[ ]{_TOKEN})*)")

LEGAL = (r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Ltd\.?|Limited|LLC|L\.L\.C\.|N\.V\.|"
         r"NV|AG|S\.A\.|SA|plc|PLC|GmbH|S\.p\.A\.|Pty\.? Ltd\.?|L\.P\.|LP|A/S|B\.V\.|BV)"
         r"(?![\w])")
_LEGAL_END = re.compile(rf",?\s+{LEGAL}$")
_POSSESSIVE = re.compile(r"['’]s?$")

_ABBREVIATED = frozenset({"Inc.", "Corp.", "Co.", "Ltd.", "N.V.", "S.A.", "B.V.", "L.P.",
                         "St.", "Dr.", "Mt."})
# Words that start a sentence or a headline but never a company's name.
STOP = frozenset("""
the a an this that these those today also meanwhile additionally however in on at for with by
as and but its their our we it he she they his her both new now then after before when while
once last next first earlier later shares stock investors analysts officials executives
surgeons fda u.s. us usa eu cms nass aaos ceo cfo coo cto cmo president chairman founder dr
dr. mr. ms. mrs. said says according following under through from into about over per via
january february march april may june july august september october november december jan.
feb. mar. apr. jun. jul. aug. sept. sep. oct. nov. dec. monday tuesday wednesday thursday friday
saturday sunday announces announced raises raised acquires acquired launches launched
receives received names named appoints appointed completes completed closes closed secures
secured earns earned partners unveils introduces celebrates reports gets wins lands nabs adds
expands debuts clears cleared approves approved to of how why what who where which will can
is are was were has have had press release source media contact about forward-looking
statements key features read more related chief vice senior executive global interim acting
managing general head director officer medical device maker company startup start-up
privately privately-held publicly publicly-traded ai ipo r&d pe va nih cdc who my your
cases surgeons patients results data sales revenue study trial team
agrees agree pays settles opens opened signs plans buys taps hires files sues faces posts inks
finalizes eyes nears
""".split())
# Words that make a capitalised run look like a company's name (for the weaker contexts).
HEADS = frozenset("""
spine spinal medical surgical orthopedics orthopaedics ortho orthopedic orthopaedic biologics
bio biosciences biomedical robotics technologies technology therapeutics health healthcare
medtech devices systems innovations sciences solutions labs holdings group partners capital
ventures implants instruments pharma pharmaceuticals diagnostics analytics software imaging
trauma dynamics industries enterprises genomics regenerative orthobiologics navigation
neurotech fund investments equity advisors management brothers inc inc. corp corp. ltd ltd.
llc plc n.v. ag gmbh corporation limited
""".split())
_STRONG_APPOSITIVE = re.compile(
    r",\s(?:a|an|the)\s(?:[\w\-’'&/]+\s){0,9}?(?:company|developer|maker|manufacturer|provider|"
    r"leader|innovator|pioneer|startup|start-up|firm|practice|supplier|distributor|subsidiary|"
    r"specialist|producer|business)\b")
_LEGAL_AT = re.compile(LEGAL)
_BEFORE_VERB = re.compile(r"\s(?:today|has|have|had|recently|also|will|officially|previously|"
                          r"was|were|is|has been|had been)\s$")
_LIST_MORE = re.compile(r"(?:,\s(?:and\s)?|\sand\s|\s&\s)")


@lru_cache(maxsize=4096)
def clean_company(name: str) -> str:
    """A company's name without possessive, legal suffix or trailing punctuation."""
    name = _POSSESSIVE.sub("", name.strip(" ,.;:"))
    while (cut := _LEGAL_END.sub("", name)) != name:
        name = cut.strip(" ,")
    return name.strip(" ,.;:")


# Word-level tests are cached (lru_cache): an article asks about the same few hundred words
# again and again (names, head words, the words before a cue), and a cache hit costs a
# fraction of a regular expression's match or of lowering and looking up a word.
@lru_cache(maxsize=8192)
def _is_token(word: str) -> bool:
    """Whether a word can be part of a company's name (capitalised, a digit, or "&")."""
    return _TOKEN_RE.fullmatch(word) is not None


@lru_cache(maxsize=8192)
def _trim(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A run of words without the stop words that start or end it."""
    while tokens and tokens[0].lower().strip("’'") in STOP:
        tokens = tokens[1:]
    while tokens and ((tokens[-1].lower() in STOP and tokens[-1].lower() not in HEADS)
                      or tokens[-1] == "&"):
        tokens = tokens[:-1]
    return tokens


def _tail(text: str, sentence_start: int, end: int) -> tuple[int, str] | None:
    """The capitalised run of words ending at `end`, within its sentence."""
    lo = max(sentence_start, end - 80)
    words = text[lo:end].split(" ")
    run: list[str] = []
    for word in reversed(words if lo == sentence_start else words[1:]):
        if not _is_token(word):
            break
        run.append(word)
    tokens = _trim(tuple(reversed(run)))
    if not tokens:
        return None
    name = " ".join(tokens)
    start = text.rfind(name, lo, end)
    return (start, name) if start != -1 else None


def _head(text: str, start: int) -> tuple[int, str] | None:
    """The capitalised run of words starting at `start`."""
    found = _HEAD.match(text, start)
    if not found:
        return None
    tokens = found.group(1).split(" ")
    for i, token in enumerate(tokens):  # a stop ends the name ("Acme Spine. The ...")
        if token.endswith(".") and token not in _ABBREVIATED and len(token) > 2:
            tokens = tokens[:i + 1]
            break
    lead = 0
    while lead < len(tokens) and tokens[lead].lower() in STOP:
        lead += 1
    kept = _trim(tuple(tokens[lead:]))
    if not kept:
        return None
    name = " ".join(kept)
    return text.index(name, found.start(1)), name


@lru_cache(maxsize=8192)
def _looks_like_company(name: str, strong: bool) -> bool:
    words = name.split()
    if not words or len(name) < 2 or name.lower() in STOP or not any(c.isalpha() for c in name):
        return False
    if strong:
        return True
    if len(words) == 1:
        # "Robotics Has Earned ..." (a head word alone), "JBJS Names ..." (a journal's, a
        # society's or an agency's acronym before a headline verb): no company by shape alone
        return name.lower() not in HEADS and not (name.isupper() and len(name) <= 5)
    return any(w.lower().strip(",.") in HEADS for w in words)


@lru_cache(maxsize=8192)
def _company_shaped(name: str) -> bool:
    """Two or more words ending in a company's head word and not starting with one
    ("Acme Surgical", not "Spinal Robotics" or "The Medical"): the shape the weakest contexts
    (a possessive, "from X", a list's item, "X said") need."""
    words = name.split()
    return (len(words) >= 2 and words[-1].lower() in HEADS and words[0].lower() not in HEADS
            and words[0].lower() not in GENERIC and words[0].lower() not in STOP)


def find_candidates(text: str, cues: Cues, spans: list[tuple[int, int]],
                    index: Callable[[int], int], taken: bytearray, strong_ends: Iterable[int] = ()
                    ) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, name, strong) of company names found by context, not by any gazetteer.

    `index(pos)` gives the sentence index of an offset, `spans` the sentences; `strong_ends`
    are offsets a company's name ends at (before an unknown ticker)."""
    def before(end: int, strong: bool) -> tuple[int, int, str, bool] | None:
        got = _tail(text, spans[index(end)][0], end)
        if got is None:
            return None
        start, name = got
        stop = start + len(name)
        if taken.find(1, start, stop) != -1:
            return None
        name = clean_company(name)
        if not _looks_like_company(name, strong):
            return None
        return start, start + len(name), name, strong

    heads: dict[int, tuple[int, str] | None] = {}

    def head(start: int) -> tuple[int, str] | None:
        # "led by X" is an object cue and its "by" a preposition's: X read once
        if start not in heads:
            heads[start] = _head(text, start)
        return heads[start]

    for end in strong_ends:
        if (got := before(end, True)) is not None:
            yield got
    for start, _, _ in cues.get("appositive", ()):
        if _STRONG_APPOSITIVE.match(text, start) and (got := before(start, True)) is not None:
            yield got
    for start, _, _ in cues.get("legal", ()):
        if not _LEGAL_AT.match(text, start) or start < 2:
            continue
        cut = start - 2 if text[start - 2] == "," else start - 1
        if text[cut] in ", " and (got := before(cut, True)) is not None:
            yield got
    for start, _, _ in cues.get("verb", ()):
        if start == 0 or text[start - 1] != " ":
            continue
        lead = _BEFORE_VERB.search(text, max(0, start - 16), start)
        at = start - 1 if lead is None else lead.start()
        if at > 0 and (got := before(at, False)) is not None:
            yield got
    for start, _, _ in cues.get("verb_shaped", ()):
        if start < 2 or text[start - 1] != " " or not text[start].islower():
            continue  # a title-case headline's verb ends a run of any capitalised words
        known = taken[start - 2] == 1  # a known name before the verb
        if not known and not (text[start - 2].isalpha() and _ends_in_head(text, start - 1)):
            continue
        sentence_start = spans[index(start)][0]
        got = None if known else _shaped_before(text, sentence_start, start - 1, taken)
        if got is not None:
            yield got
        last = got[0] if got is not None else _run_start(text, sentence_start, start - 1)
        # "Acme Surgical and Bolt Medical will distribute ...": the list before it too (the
        # last name may be a known one)
        more = _LIST_BEFORE.search(text, max(0, last - 6), last) if last > 0 else None
        if more is not None and (got := _shaped_before(
                text, sentence_start, more.start(), taken)) is not None:
            yield got
    for pos, _, _ in cues.get("possessive", ()):
        if text[pos + 1:pos + 2] in ("s", " ") and _ends_in_head(text, pos):
            got = _shaped_before(text, spans[index(pos)][0], pos, taken)
            if got is not None:
                yield got
    for cue, end, _ in cues.get("preposition", ()):
        if not text[end + 1:end + 2].isupper() or _REPORT_FROM.search(text, max(0, cue - 24),
                                                                        cue):
            continue  # "a new report from X": a market-research firm, a source, not the news
        got3 = head(end + 1) if text[end:end + 1] == " " else None
        if got3 is not None and got3[0] == end + 1:
            start, name = got3
            cleaned = clean_company(name)
            if _company_shaped(cleaned) and taken.find(1, start, start + len(cleaned)) == -1:
                yield start, start + len(cleaned), cleaned, False
    first = _FIRST_ITEM.match(text) if text[:1].isupper() else None
    # the pattern starts with "\n": re looks for that literal in C, trying no other offset
    for item in (_LINE_ITEM.finditer(text) if first is None else
                 (first, *_LINE_ITEM.finditer(text))):
        start, name = item.start(1), clean_company(item.group(1))
        if (_company_shaped(name) and name.split()[-1].lower() not in _HEADING_HEADS
                and taken.find(1, start, start + len(name)) == -1):
            yield start, start + len(name), name, False
    for _, end, _ in cues.get("object", ()):
        if text[end:end + 1] != " ":
            continue
        pos = end + 1
        limit = spans[index(end)][1]
        while pos < limit:
            got2 = head(pos)
            if got2 is None or got2[0] > pos + 4:
                break
            start, name = got2
            stop = start + len(name)
            if taken.find(1, start, stop) == -1:
                cleaned = clean_company(name)
                if _looks_like_company(cleaned, False):
                    yield start, start + len(cleaned), cleaned, False
            more = _LIST_MORE.match(text, stop)
            if not more:
                break
            pos = more.end()


_LIST_BEFORE = re.compile(r"(?:,\s(?:and\s)?|\sand\s|\s&\s)$")
# A list's item or a table's first cell on a line of its own: "- Acme Surgical", "2. Acme
# Surgical: the Arvo cage", "Acme Surgical | 1,204 | +4%"
# possessive quantifiers: giving back a token's characters cannot make the line match, and
# backtracking through them cost more than the rest of the candidates' rules together
_ITEM_TOKEN = rf"(?:[{UP}0-9][\w'’.+\-]*+|&)"
_ITEM = (rf"(?:[-•*–]\s|\d{{1,2}}[.)]\s)?({_ITEM_TOKEN}(?:[ ]{_ITEM_TOKEN}){{1,4}}+)"
         r"(?=[ \t]*+(?:\n|$|:\s|\|))")
_FIRST_ITEM = re.compile(_ITEM)
_LINE_ITEM = re.compile("\n" + _ITEM)


_REPORT_FROM = re.compile(r"\s(?:report|reports|study|survey|analysis|data|forecast)\s$")
# head words that end a section's heading as often as a company's name ("Pain Management")
_HEADING_HEADS = frozenset({"management", "equity", "investments", "imaging", "navigation",
                            "trauma", "software", "analytics", "diagnostics", "innovations"})


def _ends_in_head(text: str, end: int) -> bool:
    """Whether the word ending at `end` is a company's head word (a cheap test first)."""
    return text[text.rfind(" ", max(0, end - 20), end) + 1:end].lower() in HEADS


def _run_start(text: str, sentence_start: int, end: int) -> int:
    got = _tail(text, sentence_start, end)
    return got[0] if got is not None else -1


def _shaped_before(text: str, sentence_start: int, end: int, taken: bytearray
                   ) -> tuple[int, int, str, bool] | None:
    got = _tail(text, sentence_start, end)
    if got is None or got[1].count(" ") > 2:
        return None  # more than three capitalised words: a title-case headline's run
    start, name = got
    if taken.find(1, start, start + len(name)) != -1:
        return None
    name = clean_company(name)
    return (start, start + len(name), name, False) if _company_shaped(name) else None


# -- institutions ----------------------------------------------------------------------------
_INST_WORD = (r"(?:Hospital|Medical Cent(?:er|re)|Health System|Health Sciences Center|Clinic|"
              r"Institute|University|College|Surgery Cent(?:er|re)|Surgical Hospital|"
              r"Cent(?:er|re)|School of Medicine|Infirmary)")
_INST_SUFFIX = re.compile(_INST_WORD + r"\b")
_INST_PREFIX = re.compile(
    rf"(?:Hôpital|Klinikum|Clínica|Clinica|Clinique|Ospedale|Universit(?:é|ät|à|ad)|"
    rf"Hospital|University)\s(?:de\s|del\s|la\s|di\s|of\s|for\s)?[{UP}][\w'’\-]*"
    rf"(?:\s[{UP}][\w'’\-]*){{0,3}}")
_INST_MORE = re.compile(rf"(?:\s(?:[{UP}][\w'’\-]*\s){{0,2}}?{_INST_WORD}\b)"
                        rf"|(?:\s(?:of|for|at)\s(?:the\s)?[{UP}][\w'’\-.]*(?:\s[{UP}][\w'’\-]*)*)")
_INST_TOKEN = re.compile(rf"(?:[{UP}][\w'’.\-]*|&|and|of|for)")


def find_institutions(text: str, cues: Cues, spans: list[tuple[int, int]],
                      index: Callable[[int], int], taken: bytearray
                      ) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of hospitals, clinics, institutes, universities, surgery centers."""
    last_end = -1
    for cue, _, _ in cues.get("institution", ()):
        if cue < last_end or not text[cue].isupper():
            continue
        prefix = _INST_PREFIX.match(text, cue)
        previous = text[text.rfind(" ", 0, max(cue - 1, 0)) + 1:max(cue - 1, 0)]
        if prefix is not None and not (previous[:1].isupper() and cue > spans[index(cue)][0]):
            end = _extend(text, prefix.end())
            if taken.find(1, cue, end) == -1:
                last_end = end
                yield cue, end, text[cue:end]
            continue
        found = _INST_SUFFIX.match(text, cue)
        if found is None:
            continue
        sentence_start = spans[index(cue)][0]
        words = text[max(sentence_start, cue - 80):cue].split(" ")
        lead: list[str] = []
        for word in reversed(words[:-1]):
            bare = word.lstrip("(“\"[")  # "(Ashgrove Regional Hospital)"
            if not bare or not _INST_TOKEN.fullmatch(bare) or (
                    bare.lower() in STOP and bare not in ("and", "of", "for")):
                break
            lead.insert(0, bare)
            if bare != word:
                break
        while lead and lead[0] in ("&", "and", "of", "for"):
            lead = lead[1:]
        start = cue - sum(len(w) + 1 for w in lead)
        end = _extend(text, found.end())
        if not lead and end == found.end():
            continue  # "the Institute", "the Center"
        if taken.find(1, start, end) != -1:
            continue
        last_end = end
        yield start, end, text[start:end]


def _extend(text: str, end: int) -> int:
    while (more := _INST_MORE.match(text, end)) is not None:
        end = more.end()
    return end


# -- products --------------------------------------------------------------------------------
GENERIC = frozenset("""
interbody fusion lumbar cervical thoracolumbar thoracic expandable pedicle screw screws plate
plates anterior posterior lateral oblique spinal spine sacroiliac si joint bone graft substitute
navigation robotic guidance vertebral augmentation total knee hip shoulder ankle foot and &
suture endoscopic intramedullary plating replacement titanium peek 3d-printed porous modular
fixation stabilization arthroplasty disc cage cages nail anchor stem system systems platform
implant implants device devices revision trauma minimally invasive mis percutaneous motion
preservation surgical imaging planning software biologic allograft synthetic matrix putty
kyphoplasty balloon tibial femoral acetabular cup humeral glenoid reverse facet occipital
deformity correction osteotomy staple robotic-assisted spacer spacers rod rods instrument
instruments robot single-level multi-level standalone stand-alone integrated uniplanar
polyaxial posterolateral
""".split())
_PRODUCT_TOKEN = re.compile(rf"^(?:[{UP}][\w.+\-]*|\d[\w.]*|[a-z]+[{UP}][\w\-]*)$")
_QUOTED = re.compile(r"[“\"]([^”\"\n]{1,40})[”\"]\s*$")


def find_products(text: str, cues: Cues, spans: list[tuple[int, int]],
                  index: Callable[[int], int], taken: bytearray
                  ) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of products: marked ™/®, or named before a device description."""
    for start, _, _ in cues.get("mark", ()):
        got = _product_before(text, spans[index(start)][0], start, 3)
        if got is not None and taken.find(1, got[0], got[1]) == -1:
            yield got
    for cue, _, _ in cues.get("device", ()):
        sentence_start = spans[index(cue)][0]
        # walk back over the device description ("Expandable Lumbar Interbody")
        pos = cue
        while True:
            space = text.rfind(" ", sentence_start, pos - 1)
            word = text[space + 1:pos - 1] if space >= sentence_start else ""
            if word and word.lower() in GENERIC and pos - 1 > sentence_start:
                pos = space + 1
                continue
            break
        got = _product_before(text, sentence_start, pos - 1, 3)
        if got is not None and taken.find(1, got[0], got[1]) == -1:
            yield got


@lru_cache(maxsize=8192)
def _in_product(word: str) -> bool:
    """Whether a word can be part of a product's name (read back from its description)."""
    # a lowercase word that starts with a letter is no _PRODUCT_TOKEN: no need to ask it
    return not (not word or word[-1] in "™®" or (word[0].isalpha() and word.islower())
                or not _PRODUCT_TOKEN.match(word) or word.lower() in STOP
                or word.lower() in GENERIC or word.endswith(("’s", "'s", ",", ".", ":")))


@lru_cache(maxsize=8192)
def _has_letter(word: str) -> bool:
    return any(c.isalpha() for c in word)


def _product_before(text: str, sentence_start: int, end: int, most: int
                    ) -> tuple[int, int, str] | None:
    while end > sentence_start and text[end - 1] in " ™®":
        end -= 1
    # _QUOTED ends in a closing quote and spaces: search only when the text can end so
    quoted = (_QUOTED.search(text, max(sentence_start, end - 44), end)
              if end > sentence_start and (text[end - 1] in '”"' or text[end - 1].isspace())
              else None)
    if quoted:
        name = quoted.group(1).strip()
        if name and name.lower() not in STOP and not all(w.lower() in GENERIC
                                                         for w in name.split()):
            return quoted.start(1), quoted.start(1) + len(name), name
        return None
    tokens: list[str] = []
    pos = end
    while len(tokens) < most and pos > sentence_start:
        space = text.rfind(" ", sentence_start, pos)
        word = text[space + 1:pos] if space >= 0 else text[sentence_start:pos]
        if not _in_product(word):
            break
        tokens.insert(0, word)
        pos = space if space >= sentence_start else sentence_start
    if not tokens or not _has_letter(tokens[0]):
        return None
    name = " ".join(tokens)
    start = end - len(name)
    if len(tokens) == 1 and start == sentence_start and text[end:end + 1] not in "™®":
        return None  # "Low-profile instruments ...": a sentence's first word, not a name
    if text[start:end] != name:
        return None
    return start, end, name
