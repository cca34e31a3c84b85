"""Surface-form helpers: titles, possessives, "the", person-name parts, role nouns."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

# Honorifics and ranks stripped from the front of a person's name. Compared after
# lower-casing and dropping dots and hyphens ("Lt.-Gen." -> "ltgen").
TITLE_WORDS = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sheikh sheik
imam ayatollah rabbi pope cardinal archbishop bishop monsignor msgr pastor deacon saint st
gen general ltgen lt lieutenant col colonel ltcol maj major majgen brig brigadier briggen
capt captain cmdr commander adm admiral sgt sergeant cpl corporal pvt private marshal
gov governor sen senator rep representative congressman congresswoman
president presidentelect vicepresident vp pm premier chancellor minister secretary
king queen prince princess emir sultan crown
ambassador mayor judge justice chairman chairwoman chair
taoiseach tanaiste tánaiste ag atty supt det insp cllr councillor councilor alderman
sayyed sayyid sayed seyed seyyed seyyid hojatoleslam mullah mufti
lieutenantgeneral majorgeneral brigadiergeneral colonelgeneral lieutenantcolonel rearadmiral viceadmiral
cr hon alhaji alhaja mallam engr shri smt
treasurer commissioner inspector detective constable sheriff superintendent garda gda sgt
madam mdm
""".split())
# Lower-case or short particles inside a person's name ("Rhodri ap Gwilym", "Conor de Paor", "Aoife
# Ní Fhlannagáin", "Ruairí Mac Giolla Bhríde", "Fergal Ó Dubhghaill")
NAME_PARTICLES = frozenset("de da di du del della van von der den ter ap bin ibn al el la le dos das ní nic ó uí "
                           "mac mc".split())
# Family names that East Asian names write first ("Bai Ruolan", "Min Tae-sik", "Nguyen Van An"): common
# Chinese (pinyin and Cantonese spellings), Korean and Vietnamese surnames of three letters or more.
SURNAME_FIRST = frozenset("""
wang zhang chen yang huang zhao zhou sun zhu guo lin gao luo zheng liang xie song tang han feng deng
cao peng zeng xiao tian dong pan yuan cai jiang ding shen yao zhong bai qin xiong wong chan cheung leung
lau tsang kwok yip lam fung chow mak yeung siu kwan choi tse
kim park jung kang yoon jang shin kwon hwang ahn seo baek heo shim kwak cha woo koo min ryu chae eom
nguyen tran pham hoang huynh phan dang bui ngo duong
""".split())
# Titles that say nothing about a role: never a speaker description on their own.
HONORIFICS = frozenset("mr mrs ms miss mx messrs mme mlle herr frau madam mdm".split())
# Forms of address that are no description on their own ("Sir Mike Penning": not "Sir").
ADDRESS_ONLY = HONORIFICS | frozenset("sir dame lord lady sayyed sayyid sayed seyed seyyed seyyid hon alhaji alhaja "
                                     "mallam shri smt".split())

# Role nouns: what a description must contain to count as a role ("defense analyst"),
# and what "the analyst said" is matched against.
ROLE_NOUNS = frozenset("""
journalist reporter correspondent editor columnist commentator blogger anchor presenter host
writer author publicist broadcaster
analyst expert observer specialist researcher scholar academic professor scientist economist
historian political scientist fellow strategist
lecturer physicist chemist biologist epidemiologist virologist immunologist physician climatologist
sociologist psychologist criminologist demographer meteorologist geologist ecologist engineer
director head chief leader founder chairman chairwoman chairperson chair president vicepresident
ceo executive manager coordinator
minister secretary spokesman spokeswoman spokesperson official officer diplomat ambassador
premier chancellor envoy representative adviser advisor aide deputy lawmaker legislator senator congressman congresswoman
governor mayor politician candidate member mp mep td msp mla mpp
commissioner supervisor superintendent sheriff ombudsman councillor councilor corporator alderman rector
commander general colonel lieutenant major captain sergeant soldier admiral marshal
lawyer attorney prosecutor judge magistrate activist campaigner inspector investigator detective constable garda barrister solicitor
billionaire millionaire tycoon magnate financier investor philanthropist oligarch
striker goalkeeper midfielder defender winger skipper footballer cricketer
""".split())
# Everyday occupations (vox pops: "Retired teacher David Lowe, 71, said"): roles too, but "the
# teacher" only ever means someone the article described so, never just the last speaker.
OCCUPATION_NOUNS = frozenset("""
teacher nurse doctor gp midwife paramedic firefighter farmer fisherman miner pilot driver mechanic plumber
electrician builder chef carer pensioner retiree student shopkeeper businessman businesswoman
entrepreneur owner landlord veteran priest
boss coach referee player athlete reader viewer listener commenter
consultant lobbyist pollster operative delegate staffer counsel banker donor fundraiser appointee nominee
organiser organizer contributor producer instructor artist inventor advocate assistant developer administrator
practitioner influencer surgeon dentist pharmacist therapist musician singer actor actress rapper comedian
designer architect accountant auditor trader broker technician clinician crossbencher backbencher
frontbencher bandmate teammate worker operator labourer laborer employee caregiver
""".split())
ROLE_NOUNS = ROLE_NOUNS | OCCUPATION_NOUNS
# Nouns that say who a person is without a role ("a 54-year-old resident of the damaged building",
# "a mother of five displaced from Beit Lahiya").
PERSON_NOUNS = frozenset("""resident mother father wife husband son daughter grandmother grandfather widow
widower neighbour neighbor survivor witness eyewitness refugee woman man girl boy""".split())

# Role classes: "the analyst" may refer to someone described as head of a research
# centre, but not to someone described as a minister.
ROLE_CLASSES: dict[str, frozenset[str]] = {
    "media": frozenset("journalist reporter correspondent editor columnist commentator blogger "
                       "anchor presenter host writer author broadcaster".split()),
    "expert": frozenset("analyst expert observer specialist researcher scholar academic professor "
                        "scientist economist historian fellow strategist commentator lecturer physicist chemist "
                        "biologist epidemiologist virologist immunologist physician climatologist sociologist "
                        "psychologist criminologist demographer meteorologist geologist ecologist engineer".split()),
    "official": frozenset("minister secretary spokesman spokeswoman spokesperson official officer "
                          "diplomat ambassador envoy representative adviser advisor aide deputy lawmaker legislator "
                          "senator congressman congresswoman governor mayor politician president "
                          "candidate leader premier chancellor mp mep lawmaker commissioner supervisor "
                          "superintendent sheriff ombudsman councillor councilor rector".split()),
    "military": frozenset("commander general colonel lieutenant major captain sergeant soldier "
                          "admiral marshal officer".split()),
    "legal": frozenset("lawyer attorney prosecutor judge".split()),
}
# Words in a description that mark an expert body: a "head of the X Center" is an expert.
EXPERT_BODY_WORDS = frozenset("center centre institute studies university think-tank tank "
                              "research foundation academy school college council".split())

# Heads that follow a group's name without being part of it ("IS militants").
GROUP_HEADS = frozenset("""
militant militants fighter fighters terrorist terrorists jihadist jihadists extremist extremists
group groups member members supporter supporters sympathizer sympathizers sympathiser
sympathisers insurgent insurgents rebel rebels loyalist loyalists operative operatives
takfiri takfiris
""".split())
# Words that qualify a group's name on either side ("Takfiri Daesh terrorists", "Daesh Takfiri group").
GROUP_QUALIFIERS = frozenset("takfiri takfiris wahhabi salafi jihadist terrorist terror".split())

# Social platforms: where people post ("wrote on Telegram"), not outlets that report ("the outlet said").
PLATFORMS = frozenset("""X Twitter Facebook Telegram Instagram YouTube TikTok VKontakte VK Weibo Substack Gab
Threads LinkedIn Reddit Rumble Odysee Bluesky Mastodon WhatsApp""".split())

# How a document comes out of its issuer ("a statement released by X", "a report put out by Y"):
# the extractor keeps such a phrase in the source, and the speakers stage makes X the speaker.
ISSUING_VERBS = ("issued", "released", "published", "posted", "put out", "circulated", "signed")

# Documents an organisation or person issues ("a statement released by X", "the report by Y
# said"): the extractor keeps "a statement released by X" in the source, the speakers stage
# makes X the speaker and never takes "the statement" for a person.
DOCUMENT_NOUNS = frozenset("""statement release letter report memo tweet post email e-mail note communique
communiqu\u00e9 filing notice document study survey poll analysis video message announcement bulletin
editorial assessment review investigation probe inquiry article story documentary tally figures data estimate
estimates census""".split())

# Kinds of outlet, which a name may follow or precede ("British newspaper The Times", "AFP news
# agency", "Lebanese daily Al-Akhbar").
OUTLET_KINDS = frozenset("newspaper daily weekly tabloid website site portal agency broadcaster channel "
                         "magazine outlet".split())

# Words that, right after a short ambiguous alias, show it names the group ("IS fighters").
POSITIVE_NEXT = GROUP_HEADS | frozenset(
    "forces troops officials government administration army military leader leaders "
    "spokesman spokeswoman commander commanders stronghold strongholds territory".split())

_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$")
_TRAIL = re.compile(r"[\s.,;:!?\"'\u2018\u2019\u201c\u201d()\[\]]+$")
_LEAD = re.compile(r"^[\s,;:!?\"'\u2018\u2019\u201c\u201d()\[\]]+")
_WS = re.compile(r"\s+")
_BRACKETED_TAIL = re.compile(r"(?<=\w)\s*\([^()]{1,12}\)[\s.,;:]*$")
_PARTICLES = re.compile(r"^(?:al|el|ad|as|an|ash|at|az|bin|ibn|van|von|de|der|da|di|du|la|le)[-\s]", re.I)


# A US party label after a name ("Sen. Daniel Pruitt, R-Kan.", "Rep. Maria Delgado, D-Calif."):
# neither a role nor the end of a sentence.
PARTY_LABEL = re.compile(r"[DRI]-[A-Z][a-z]{1,5}\.?")


def title_key(token: str) -> str:
    return re.sub(r"[.\-\u2010-\u2015]", "", token).casefold()


def is_title(token: str) -> bool:
    return title_key(token) in TITLE_WORDS


def strip_possessive(text: str) -> str:
    """ "Daesh's" -> "Daesh"; "Reuters'" keeps its s ("Reuters")."""
    m = _POSSESSIVE.search(text)
    if not m:
        return text
    if m.group(0)[0] == "s":  # plural possessive "forces'": drop only the apostrophe
        return text[:-1]
    return text[: m.start()]


def possessive_len(text: str) -> int:
    """Length of a trailing possessive marker, 0 if none."""
    m = _POSSESSIVE.search(text)
    if not m:
        return 0
    return 1 if m.group(0)[0] == "s" else len(m.group(0))


def split_title(text: str) -> tuple[str, str]:
    """Split leading honorifics/ranks from a name: "Lt.-Gen. Talib Shaghati" -> ("Lt.-Gen.", "Talib Shaghati")."""
    tokens = text.split()
    i = 0
    while i < len(tokens) - 1 and is_title(tokens[i]):
        i += 1
    # "Prime Minister" / "Defense Minister" style pairs where the first word is not a title
    return " ".join(tokens[:i]), " ".join(tokens[i:])


def clean_surface(text: str) -> str:
    """Whitespace collapsed, outer punctuation and quotes dropped, "the" and possessive removed."""
    text = _WS.sub(" ", text.replace("\u00a0", " ")).strip()
    if "]" in text and "[" not in text:
        text = text.replace("]", "")  # "[President Ursula] von der Leyen": an editor's bracket inside a name
    text = _BRACKETED_TAIL.sub("", text)  # "Customs and Border Protection (CBP)", "Jim Jordan (R-OH)"
    text = _LEAD.sub("", _TRAIL.sub("", text))
    text = strip_possessive(text)
    text = _LEAD.sub("", re.sub(r"^the\s+", "", text, flags=re.I))
    # an NER span cut mid-name: "Border Security Force of"
    text = re.sub(r"(?:\s+(?:of|for|the|and|in|on|at))+$", "", text, flags=re.I)
    return _TRAIL.sub("", text)


# A nickname in quotation marks inside a person's name ("Rafael “Paeng” Dizon", 'James "Jim" Smith')
_NICKNAME = re.compile(r"(?<=\S)\s+[\"\u201c\u2018]([A-Z][\w.\u2019'-]*(?:\s[A-Z][\w.\u2019'-]*)?)[\"\u201d\u2019]\s+(?=[A-Z])")


def split_nickname(name: str) -> tuple[str, str | None]:
    """A person's name without the nickname quoted inside it, and the nickname:
    "Rafael “Paeng” Dizon" -> ("Rafael Dizon", "Paeng"); a name without one comes back whole."""
    m = _NICKNAME.search(name)
    if m is None:
        return name, None
    return name[:m.start()] + " " + name[m.end():], m.group(1)


def fold_accents(text: str) -> str:
    """"Orbán" -> "Orban", "Kotré" -> "Kotre": one name, spelt with or without its accents."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def folded_words(text: str) -> str:
    """The words of a text, lower case, one space apart (punctuation and quote marks dropped):
    what a headline's quotation and the body's are compared by."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def fold_accents_aligned(text: str) -> str:
    """:func:`fold_accents` character by character, so that offsets into the result are offsets
    into ``text`` (a character that would fold to more than one is kept as it is)."""
    if text.isascii():
        return text
    out = []
    for ch in text:
        f = fold_accents(ch) if not ch.isascii() else ch
        out.append(f if len(f) == 1 else ch)
    return "".join(out)


def name_parts(name: str) -> list[str]:
    """Comparable parts of a person's name: particles dropped ("al-Assad" -> "assad"), case and
    accents folded ("Orbán" and "Orban" are one name)."""
    return list(_name_parts(name))


@lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    # (asked of every known name for every statement: remembered)
    return tuple(fold_accents(_PARTICLES.sub("", p)).casefold() for p in name.split() if p)


def title_like(word: str) -> bool:
    """A title ("Sen.", "Minister") or a role noun ("analyst")."""
    return is_title(word) or word.casefold() in ROLE_NOUNS


def role_nouns_in(description: str | None, parts: bool = True) -> set[str]:
    """Role nouns (see ROLE_NOUNS) in a description; with ``parts``, also the parts of a hyphenated
    role ("Director-General", "editor-in-chief", "co-founder")."""
    if not description:
        return set()
    found = re.findall(r"[A-Za-z.\-]+", description)
    words = {title_key(w) for w in found}
    if parts:
        words |= {title_key(p) for w in found if "-" in w for p in w.split("-") if p}
    return {w for w in words if w in ROLE_NOUNS or _ROLE_SUFFIX.fullmatch(w)}


# Occupations by their ending ("microbiologist", "paediatrician", "cartographer", "psychiatrist",
# "optometrist"): roles wherever they stand, like the nouns of ROLE_NOUNS. Other words in "-ist"
# are as often adjectives of a creed ("US globalist forces", "separatist fighters"): only those listed.
_ROLE_SUFFIX = re.compile(r"[a-z]{3,}(?:ologist|ographer|ician|iatrist|ometrist)|(?:%s)" % "|".join("""
artist pianist guitarist violinist cellist vocalist soloist lyricist novelist cartoonist dentist pharmacist therapist
physiotherapist psychotherapist stylist florist machinist botanist geneticist linguist archivist nutritionist
conservationist environmentalist hygienist""".split()))


def role_classes(description: str | None) -> set[str]:
    """Role classes of a description ("head of the Center for X" -> {"expert"})."""
    nouns = role_nouns_in(description, parts=False)  # (a "Secretary-General" is of no class of "general")
    classes = {c for c, members in ROLE_CLASSES.items() if nouns & members}
    words = {w.casefold() for w in re.findall(r"[A-Za-z\-]+", description or "")}
    if words & EXPERT_BODY_WORDS:
        classes.add("expert")
    return classes


def singular(word: str) -> str:
    w = word.casefold()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def data_pairs(filename: str) -> dict[str, str]:
    """KEY -> VALUE from a two-column, tab-separated file of ``spinscope/data/`` ("#" lines and
    blank lines are comments)."""
    out: dict[str, str] = {}
    for line in resources.files("spinscope").joinpath(f"data/{filename}").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("\t")
            out[key] = value
    return out


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """NAME -> "m" / "f" from ``spinscope/data/given_names.tsv`` (names only one gender bears)."""
    return data_pairs("given_names.tsv")
