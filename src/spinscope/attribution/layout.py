"""Statements and furniture read from the page's layout, without the parser: interview
transcripts ("Q: ..."), embedded posts with their signature line, headline quotes ("Putin: We
will not back down") and wire datelines ("WASHINGTON (Reuters) - ")."""
from __future__ import annotations

import re

from ..clean.lines import POST_SIGNATURE_HEAD
from ..model import Attribution, Span
from .tokens import _trim

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
# The signature under an embedded tweet, as pages paste it: "— Donald J. Trump (@realDonaldTrump)
# October 18, 2018" (the post's text is the paragraph above it).
_POST_SIGNATURE = re.compile(r"^" + POST_SIGNATURE_HEAD + r"[ \t]+(?:" + _MONTH_NAMES + r")[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$",
                             re.M)


# A paragraph of an interview transcript: "Macgregor: No. Ukraine has lost ...", "Q: Why ...?"
_TRANSCRIPT_LINE = re.compile(r"^(?P<src>[A-Z][\w.'\u2019\-]*(?:[ \t]+[A-Z][\w.'\u2019\-]*){0,2})[ \t]*:[ \t]+(?P<content>\S.*\S)[ \t]*$",
                              re.M)
_QUESTION_LABELS = frozenset("q question interviewer".split())
_DATE_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april "
                        "may june july august september october november december today yesterday week month "
                        "year".split())
# Labels of page furniture, not speakers ("Read: ...", "Note: ...").
_NOT_TRANSCRIPT_LABELS = frozenset(["note", "update", "editor's note", "source", "sources", "photo", "read",
                                    "read more", "read also", "also read", "see also", "more", "related", "warning",
                                    "disclaimer", "tags", "image", "video", "watch", "listen", "credit", "via",
                                    "correction", "clarification", "background", "context", "follow",
                                    # (appeals and fact-check furniture: "IMPORTANT: Download our FREE guide",
                                    # "Claim: ...", "Verdict: ...")
                                    "important", "breaking", "exclusive", "attention", "ps", "p.s.", "nb", "tip",
                                    "fact", "facts", "claim", "the claim", "verdict", "our verdict", "rating",
                                    "summary", "latest", "analysis", "bottom line", "caption", "download", "share",
                                    "subscribe", "advertisement", "sponsored", "what we found", "the facts"])


def transcript_answers(text: str) -> list[Attribution]:
    """The answers of an interview transcript: paragraphs opened by a speaker's label and a colon
    ("Macgregor: No. Ukraine has lost ..."), where the article has question paragraphs ("Q:",
    "Question:") or the label opens two paragraphs or more. Each answer is a direct statement of
    the label, cue ":" (the transcript gives the words as said); the questions are not
    statements. Flag ``transcript``."""
    lines = [m for m in _TRANSCRIPT_LINE.finditer(text) if m.group("src").casefold() not in _NOT_TRANSCRIPT_LABELS
             and not any(ch.isdigit() for ch in m.group("src"))
             and not any(w.casefold() in _DATE_WORDS for w in m.group("src").split())]
    by_label: dict[str, list[re.Match]] = {}
    for m in lines:
        by_label.setdefault(m.group("src"), []).append(m)
    # an interviewer: a label whose paragraphs are mostly questions ("Sputnik: Does Theresa May ...?")
    askers = {lb for lb, ms in by_label.items()
              if sum(x.group("content").rstrip().endswith("?") for x in ms) / len(ms) >= 0.6}
    has_questions = bool(askers) or any(lb.casefold().rstrip(".") in _QUESTION_LABELS for lb in by_label)
    medium = next((lb for lb in sorted(askers) if lb.casefold().rstrip(".") not in _QUESTION_LABELS
                   and len(lb) > 1), None) if len(askers) == 1 else None
    out: list[Attribution] = []
    for m in lines:
        label = m.group("src")
        mine = by_label[label]
        if label.casefold().rstrip(".") in _QUESTION_LABELS or label in askers \
                or not (has_questions or len(mine) >= 2):
            continue
        if len(label.rstrip(".")) == 1:
            if label.rstrip(".") == "A" and has_questions and any(lb.rstrip(".") == "Q" for lb in by_label):
                # "Q: ... A: ...": an answer with no name, the interviewee's; the speakers stage
                # finds who that is (flag ``answer``)
                c_start, c_end = _trim(text, *m.span("content"))
                colon = text.index(":", m.end("src"))
                out.append(Attribution(speaker=None, speaker_description=None, source=None,
                                       cue=Span.of(text, colon, colon + 1), content=Span.of(text, c_start, c_end),
                                       kind="direct", flags=["transcript", "answer"], medium=medium))
            continue  # (any other one-letter label: the answerer is named elsewhere, if at all)
        c_start, c_end = _trim(text, *m.span("content"))
        if len(text[c_start:c_end].split()) < 1 or sum(len(x.group("content").split()) for x in mine) / len(mine) < 6:
            continue  # ("September: 1 black model", "This Week: 2 black models": a list, not answers)
        colon = text.index(":", m.end("src"))
        out.append(Attribution(speaker=label, speaker_description=None, source=Span.of(text, *m.span("src")),
                               cue=Span.of(text, colon, colon + 1), content=Span.of(text, c_start, c_end),
                               kind="direct", flags=["transcript"], medium=medium))
    return out


def embedded_posts(text: str) -> list[Attribution]:
    """Embedded social-media posts: the paragraph above a tweet signature line is a direct
    statement by the account named in it, given on Twitter; the dash is the cue (the page
    says who posted it by that line alone). Flag ``embedded_post``."""
    out: list[Attribution] = []
    for m in _POST_SIGNATURE.finditer(text):
        above = text[:m.start()].rstrip()
        para_start = above.rfind("\n") + 1
        c_start, c_end = _trim(text, para_start, len(above))
        if c_end - c_start < 2 or _POST_SIGNATURE.match(text, c_start):
            continue
        name_start, name_end = m.span("name")
        while name_end > name_start and not (text[name_end - 1].isalnum() or text[name_end - 1] in ".)"):
            name_end -= 1  # "Alex Bruesewitz 🇺🇸": the flag is not the name
        if name_end <= name_start:
            continue
        att = Attribution(speaker=text[name_start:name_end], speaker_description=None,
                          source=Span.of(text, name_start, name_end), cue=Span.of(text, *m.span("dash")),
                          content=Span.of(text, c_start, c_end), kind="direct", medium="Twitter",
                          flags=["embedded_post"])
        out.append(att)
    return out


# "Quote from Kovalchuk: "There will be no Korean scenario ..."": a paragraph that labels the
# quotation after it with its speaker (Ukrainian outlets' convention)
_QUOTE_LABEL = re.compile(r"^(?P<cue>Quotes?[ \t]+from)[ \t]+(?P<src>(?:the[ \t]+)?[A-Z][\w.'\u2019\-]*"
                          r"(?:[ \t]+(?:of[ \t]+(?:the[ \t]+)?)?[A-Z][\w.'\u2019\-]*){0,4})[ \t]*:[ \t]*"
                          r"(?P<content>[\"\u201c\u00ab].*\S)[ \t]*$", re.M)


def labelled_quotes(text: str) -> list[Attribution]:
    """Quotations a paragraph labels with their speaker: "Quote from Marchenko: “The enemy is not
    spending them ...”" (source Marchenko, cue "Quote from", a direct statement)."""
    out: list[Attribution] = []
    for m in _QUOTE_LABEL.finditer(text):
        c_start, c_end = _trim(text, *m.span("content"))
        if c_end - c_start < 2:
            continue
        out.append(Attribution(speaker=m.group("src"), speaker_description=None, source=Span.of(text, *m.span("src")),
                               cue=Span.of(text, *m.span("cue")), content=Span.of(text, c_start, c_end), kind="direct"))
    return out


# "CLEVELAND - ", "(Reuters) - ", "WASHINGTON (Reuters) - ", "Dec 29 (Reuters) - ": a wire
# dateline opening the paragraph is not part of a source or a content
# "But the last part, as Krugman points out, is ...": the linking word is the writer's, not the speaker's.
_LEADING_CONJUNCTION = re.compile(r"(?:And|But|Yet|Or|So|Still|Plus)\b,?\s+(?=\S)")
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'-]+\s[-—–]\s|(?:[A-Z][\w.,' ]{0,30}\s)?\(?[A-Z][\w .&/-]{1,30}\)\s*[-—–]{1,2}\s"
                       r"|[A-Z][A-Z .'-]+,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})\s*[-—–]{1,2}\s"
                       r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3},\s+[A-Z][a-z]{1,12}\.?\s*[-—–]{1,2}\s"
                       r"|[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s+\([A-Z]{2,6}\)\s)")
# ("NEW YORK, March 5 - ": a place in capitals and a date, no outlet; "CARVER SPRINGS, Ky. — ": a
# place in capitals and its state or country; "Patna, Jul 9 (PTI) ": a place, a date and the agency)
# "Tehran, Press TV - ", "Damascus, SANA - ": a place, a comma, the outlet; only where a paragraph
# starts (inside one, "Putin, Biden - " is no dateline)
_PLACE_OUTLET_DATELINE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s(?:[A-Z][\w&'’.-]*\s){0,3}"
                                    r"[A-Z][\w&'’.-]*\s[-—–]{1,2}\s")


# "Trump: ‘I’m the Worst Thing That Ever Happened to ISIS’", "Putin: We will not back down": a
# headline-style statement, a name (1-4 capitalised words) then a colon, then words that are
# the speaker's own (a quotation, or the first person).
_HEADLINE_QUOTE = re.compile(r"(?P<src>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):\s+(?P<content>\S.*)$", re.S)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I'll|I’ll|I've|I’ve|We|we|My|my|Our|our|Me|me|Us)\b")
_NOT_HEADLINE_SOURCES = frozenset("update updated watch read photo photos video source sources note editor's "
                                  "warning breaking exclusive opinion analysis related q a answer question "
                                  "quote poll report graphic map".split())


def _headline_quote(text: str, base: int, sentence: str) -> Attribution | None:
    m = _HEADLINE_QUOTE.match(sentence)
    if m is None or any(ch.isdigit() for ch in m.group("src")):
        return None
    words = m.group("src").split()
    if words[0].casefold().strip(".") in _NOT_HEADLINE_SOURCES or words[-1].casefold() in _NOT_HEADLINE_SOURCES:
        return None
    content = m.group("content").rstrip()
    if not (any(q in content[:2] for q in "\"“‘'") or _FIRST_PERSON.search(content)):
        return None
    src = Span.of(text, base + m.start("src"), base + m.end("src"))
    colon = base + m.end("src")
    cue = Span.of(text, colon, colon + 1)
    if len(words) >= 2 and words[0].casefold() in _INVERTED_TAG_VERBS:
        # "Notes Pielke: “It's a story of privilege ...”": the verb opens the tag
        cue = Span.of(text, src.start, src.start + len(words[0]))
        name_start = text.index(words[1], cue.end)
        src = Span.of(text, name_start, src.end)
    return Attribution(speaker=src.text, speaker_description=None, source=src,
                       cue=cue,
                       content=Span.of(text, base + m.start("content"), base + m.start("content") + len(content)),
                       kind="indirect", unnamed=False)


_INVERTED_TAG_VERBS = frozenset("notes says adds writes explains argues warns insists observes concludes "
                                 "continues recalls asks explained added noted wrote said argued warned".split())
