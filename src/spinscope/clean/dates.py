"""Dates written in a byline or dateline line ("Published time: 14 Mar, 2017 09:12",
"Posted on March 3, 2017 by admin", "By X | 12.04.2022", "Updated: 2016-11-02 14:00 GMT")."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MON = r"(?P<mon{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
       r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE = re.compile(
    r"(?<!\d)(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)-(?P<d1>\d\d)(?!\d)"                       # 2016-11-02
    r"|(?<!\d)(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON.format(n=2) + r",?\s+(?P<y2>(?:19|20)\d\d)(?!\d)"  # 14 Mar, 2017
    r"|\b" + _MON.format(n=3) + r"\s+(?P<d3>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d)(?!\d)"      # March 3, 2017
    r"|(?<![\d./])(?P<a4>\d{1,2})(?P<sep>[./])(?P<b4>\d{1,2})(?P=sep)(?P<y4>(?:19|20)\d\d)(?!\d)",  # 12.04.2022, 4/12/2022
    re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:updated|modified|last edited)\b", re.IGNORECASE)


def _iso(y: str, m: int, d: str) -> str | None:
    try:
        return date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def date_in_line(line: str) -> str | None:
    """The first valid calendar date written in ``line``, as YYYY-MM-DD, else None."""
    for m in _DATE.finditer(line):
        g = m.groupdict()
        if g["y1"]:
            found = _iso(g["y1"], int(g["m1"]), g["d1"])
        elif g["y2"]:
            found = _iso(g["y2"], _MONTHS[g["mon2"][:3].lower()], g["d2"])
        elif g["y3"]:
            found = _iso(g["y3"], _MONTHS[g["mon3"][:3].lower()], g["d3"])
        else:
            # day first with dots (European); month first with slashes (US) unless it cannot be one
            a, b = int(g["a4"]), int(g["b4"])
            day_first = g["sep"] == "." or a > 12
            found = _iso(g["y4"], b if day_first else a, str(a if day_first else b))
        if found:
            return found
    return None


def publication_date(lines: list[str]) -> str | None:
    """The publication date among an article's byline lines: the first dated line that is not an
    "Updated ..." line, else the first dated line."""
    dated = [(bool(_UPDATED.search(line)), d) for line in lines if (d := date_in_line(line))]
    first = next((d for upd, d in dated if not upd), None)
    return first or (dated[0][1] if dated else None)
