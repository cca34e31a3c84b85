"""Publication dates read from the byline and dateline lines the cleaner removes."""
from __future__ import annotations

import pytest

from spinscope.clean.dates import date_in_line, publication_date
from spinscope.clean.stage import make_clean_stage
from spinscope.model import Article


@pytest.mark.parametrize("line, expected", [
    ("Published time: 14 Mar, 2017 09:12", "2017-03-14"),
    ("Posted on March 3, 2017 by admin", "2017-03-03"),
    ("By Anna Weber | 12.04.2022", "2022-04-12"),
    ("By Anna Weber | 4/12/2022", "2022-04-12"),
    ("By Anna Weber | 25/12/2022", "2022-12-25"),
    ("Sept. 5th, 2019", "2019-09-05"),
    ("Press TV - Sunday, 03 September 2017 6:12 AM", "2017-09-03"),
    ("Updated: 2016-11-02 14:00 GMT", "2016-11-02"),
    ("By John Smith", None),
    ("31.02.2020", None),  # no such day
    ("Flight 2.3.20199", None),
])
def test_date_in_line(line, expected):
    assert date_in_line(line) == expected


def test_an_updated_line_gives_way_to_the_published_one():
    assert publication_date(["Updated: 2016-11-02 14:00 GMT", "Published 1 Nov 2016"]) == "2016-11-01"
    assert publication_date(["Updated: 2016-11-02 14:00 GMT"]) == "2016-11-02"
    assert publication_date(["By John Smith"]) is None


def test_clean_stage_sets_published_from_a_removed_dateline_only_when_unknown():
    body = ("Published time: 14 Mar, 2017 09:12\n\nThe United States has been arming fighters in "
            "northern Syria, a minister said on Tuesday in a long statement to the press.\n\n"
            "A second paragraph of the article follows here, with enough words to be body text.\n")
    stage = make_clean_stage()
    art = stage(Article(source="t", title="Title", raw_text=body, input_format="text"))
    assert art.published == "2017-03-14" and art.meta["published_from"] == "byline"
    assert "Published time" not in art.text
    art = stage(Article(source="t", title="Title", raw_text=body, input_format="text", published="2017-03-15"))
    assert art.published == "2017-03-15" and "published_from" not in art.meta
