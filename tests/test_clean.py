"""Tests of the plain-text cleaner (stage spinscope.clean.v1) and its evaluation command.

All fixtures are self-written, short imitations of site layouts; the two seed articles
are read from /work/shared/seeds when that folder exists (skipped otherwise).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope import registry
from spinscope.clean import CleanOptions, clean_text
from spinscope.clean.lines import is_sentence, split_caption_credit
from spinscope.clean.normalize import normalize_text
from spinscope.clean.patterns import parse_patterns
from spinscope.errors import E_NO_TEXT_AFTER_CLEANING, SpinscopeError
from spinscope.model import Article

SEEDS = Path("/work/shared/seeds")


def _split(doc: str) -> tuple[str, str]:
    lines = doc.strip("\n").split("\n")
    return lines[0], "\n".join(lines[1:])


def clean(doc: str, **kw):
    title, body = _split(doc)
    return clean_text(body, title, **kw)


def reasons(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


# --------------------------------------------------------------------------- normalise
def test_normalize_spaces_controls_and_line_ends():
    raw = "A\u00a0b\u2009c\u202fd\u3000e\tf\r\ng\u200dh\u00adi\x07j\u200b k\rl  m"
    out = normalize_text(raw)
    assert out == "A b c d e f\nghij k\nl m"


def test_normalize_keeps_typographic_quotes_and_dashes():
    s = "“Quote,” he said — and ‘then’ left – fast…"
    assert normalize_text(s) == s


# ------------------------------------------------------------------------- line features
@pytest.mark.parametrize("line,expected", [
    ("The minister said the plan would fail.", True),
    ("“We will not leave,” he told reporters.", True),
    ("He insisted that the troops stay “until the end”", True),
    ("ISIS: Half Of Mosul Captured", False),
    ("Read more.", False),
    ("Iraqi forces in Kokjali, west of Mosul, Iraq November 2, 2016", False),
])
def test_is_sentence(line, expected):
    assert is_sentence(line) is expected


def test_caption_credit_split_guardian_and_agency_styles():
    p = split_caption_credit("Soldiers raise a flag in the square. Photograph: Jane Roe/AFP")
    assert p is not None and p.credit == "Jane Roe/AFP" and p.caption.startswith("Soldiers raise")
    p = split_caption_credit("A man walks past a poster in Tehran. REUTERS/John Doe")
    assert p is not None and p.credit == "REUTERS/John Doe"
    assert split_caption_credit("The photo: a story of survival, she said, was staged.") is None


# ------------------------------------------------------------------------------ seeds
@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_000_title_credit_caption_and_bottom_debris():
    path = next(SEEDS.glob("000_*.txt"))
    r = clean(path.read_text(encoding="utf-8"))
    assert r.title == "Journalist Claims ISIS Given Escape Route From Mosul"
    assert r.credits == ["Kurdishstruggle/Flickr"]
    assert r.captions == ["Peshmerga throw away the ISIS flag and hang up the Kurdish flag"]
    for debris in ("PHOTOGRAPH", "ALSO READ", "Liked this story", "Follow us on"):
        assert debris not in r.text
    assert r.text.startswith("Journalist Adel Darwish said U.S. unknowingly aided")
    assert r.text.endswith("This river divides the old city from north to south.")
    # in-body subheadings stay, as their own paragraph
    assert "\n\nISIS: Half Of Mosul Captured\n\n" in r.text
    assert {"repeated_title", "caption", "credit", "related_teaser", "share_prompt"} <= set(reasons(r).values())
    assert "\u00a0" not in r.text and "  " not in r.text


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_004_caption_and_wordpress_comment_form():
    path = next(SEEDS.glob("004_*.txt"))
    r = clean(path.read_text(encoding="utf-8"))
    assert r.title == "What’s Behind Pentagon ‘Deliberately Forcing’ Daesh to Leave Mosul for Syria"
    assert r.captions and r.captions[0].startswith("Iraqi special forces take part")
    assert r.text.startswith("US Secretary of Defense Ashton Carter has pledged")
    assert r.text.endswith("in the final days before the presidential election.")
    for debris in ("Leave a Reply", "WordPress.com", "commenting using", "Connecting to", "Kokjali"):
        assert debris not in r.text
    assert r.text.count("\n\n") == 7  # eight paragraphs, all kept


# ------------------------------------------------------------------ site-kind fixtures
WORDPRESS = """\
Council Votes to Close the Old Bridge
Posted on March 3, 2017 by Anna Berg
The city council voted on Tuesday to close the old bridge to cars after engineers found cracks in two of its pillars.
Residents said the closure would add twenty minutes to their commute, and several shop owners asked for compensation.

Engineers' report

The report, published last week, says the bridge could carry only half the load it was built for.
Share this:
Twitter
Facebook
Like this:
Like Loading...
Related
Bridge repairs delayed again
In "Local"
Posted in Local | Tagged bridge, council | Leave a comment
Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *
Comment
Name *
Email *
Website
Great article, thanks for sharing this with us all today.
"""


def test_wordpress_footer_and_comment_form():
    r = clean(WORDPRESS)
    assert r.title == "Council Votes to Close the Old Bridge"
    for keep in ("The city council voted on Tuesday", "twenty minutes to their commute",
                 "Engineers' report", "could carry only half the load"):
        assert keep in r.text
    for drop in ("Posted on", "Share this", "Like Loading", "Bridge repairs delayed", "In \"Local\"",
                 "Tagged bridge", "Leave a Reply", "email address", "Great article", "Website"):
        assert drop not in r.text, drop
    got = reasons(r)
    assert got["Share this:"] == "share_prompt"
    assert got["Leave a Reply Cancel reply"] == "comment_form"
    assert got["Great article, thanks for sharing this with us all today."] == "comment_form"


BLOGGER = """\
Why the Dam Matters
The dam project has divided the valley for a decade, and the new report will not settle it.
Farmers downstream say the water flow has already dropped, while the ministry insists the figures are normal.
Posted by Tom Hale at 10:32 AM
Email ThisBlogThis!Share to TwitterShare to FacebookShare to Pinterest
Labels: dams, water
No comments:
Post a Comment
Newer Post Older Post Home
Subscribe to: Post Comments (Atom)
"""


def test_blogger_footer():
    r = clean(BLOGGER)
    assert r.text == ("The dam project has divided the valley for a decade, and the new report will not settle it.\n\n"
                      "Farmers downstream say the water flow has already dropped, while the ministry insists the "
                      "figures are normal.")
    assert reasons(r)["Labels: dams, water"] == "tags"
    assert r.authors == [] or "Tom Hale" not in r.text


NEWS_CMS = """\
Ministers Agree on Fishing Quotas | The Daily Example
By Maria Lopez and John Park, Reuters
Fishing boats in the harbour of Vigo, Spain, March 2, 2017. REUTERS/Carl Smith
BRUSSELS (Reuters) - European ministers agreed on Tuesday to cut cod quotas by a fifth, ending two days of talks that diplomats described as tense.
Advertisement
“This is a painful but necessary step,” the fisheries commissioner told reporters after the meeting.
Read more: EU fleet shrinks for the fifth year
Spain and Portugal had pushed for smaller cuts, arguing that coastal towns depend on the catch.
Sign up for our daily newsletter and get the news delivered to your inbox.
(Reporting by Maria Lopez; Editing by Sam Bell)
© 2017 The Daily Example. All rights reserved.
We use cookies to improve your experience. By continuing to use this site you agree to our cookie policy.
"""


def test_news_cms_byline_caption_ads_newsletter_cookies():
    r = clean(NEWS_CMS)
    assert r.title == "Ministers Agree on Fishing Quotas"
    assert r.meta.get("site_name") == "The Daily Example"
    assert r.credits == ["REUTERS/Carl Smith"]
    assert r.captions == ["Fishing boats in the harbour of Vigo, Spain, March 2, 2017."]
    assert r.authors == ["Maria Lopez", "John Park"]
    paragraphs = r.text.split("\n\n")
    assert paragraphs == [
        "BRUSSELS (Reuters) - European ministers agreed on Tuesday to cut cod quotas by a fifth, ending two days "
        "of talks that diplomats described as tense.",
        "“This is a painful but necessary step,” the fisheries commissioner told reporters after the meeting.",
        "Spain and Portugal had pushed for smaller cuts, arguing that coastal towns depend on the catch.",
    ]
    got = reasons(r)
    assert got["Advertisement"] == "advertisement"
    assert got["Read more: EU fleet shrinks for the fifth year"] == "related_teaser"
    assert got["© 2017 The Daily Example. All rights reserved."] == "copyright"
    assert got["(Reporting by Maria Lopez; Editing by Sam Bell)"] == "byline"
    assert "newsletter" in got.values() and "cookie_notice" in got.values()


REPRINT = """\
The Quiet Collapse of the Grain Deal
Trading houses have quietly stopped booking ships for the spring, according to three brokers in Odessa.
The brokers said insurers had raised premiums so sharply that most voyages no longer pay.
This article originally appeared on Harbour Watch. Read the original here.
"""


def test_reprint_note_sets_repost_of():
    r = clean(REPRINT)
    assert r.meta["repost_of"] == "Harbour Watch"
    assert "originally appeared" not in r.text
    assert reasons(r)["This article originally appeared on Harbour Watch. Read the original here."] == "repost_note"


NEWSLETTER = """\
View this email in your browser
The Week in Energy
Gas prices fell for the third week in a row as mild weather cut demand across northern Europe.
Analysts expect the trend to reverse in February, when storage levels usually reach their lowest point.
Forward to a friend
You are receiving this email because you signed up at our website.
Our mailing address is:
Energy Letter Ltd
1 Example Street
Unsubscribe from this list | Update subscription preferences
"""


def test_newsletter_wrapper_and_title_after_debris():
    r = clean(NEWSLETTER)
    assert r.title == "The Week in Energy"
    assert r.text.startswith("Gas prices fell") and r.text.endswith("reach their lowest point.")
    assert "1 Example Street" not in r.text and "Energy Letter Ltd" not in r.text
    assert reasons(r)["View this email in your browser"] == "newsletter"


FORUM = """\
Re: Is the new tax law fair?
Quote from: riverbank on March 3, 2017, 10:15:02 AM
I think the law punishes small shops more than anyone else.
I disagree, because the threshold was raised to fifty thousand, so most small shops pay nothing at all.
--
Truth is the first casualty.
Reply #3 on: March 3, 2017, 11:02:40 AM
The threshold only helps shops that sell less than they did last year, which is not most of them.
Logged
Report to moderator
"""


def test_forum_headers_and_signature():
    r = clean(FORUM, )
    assert "the threshold was raised to fifty thousand" in r.text
    assert "which is not most of them." in r.text
    assert "I think the law punishes small shops more than anyone else." in r.text  # quoted post text stays
    for drop in ("Quote from", "Reply #3", "Truth is the first casualty", "Logged", "Report to moderator"):
        assert drop not in r.text, drop
    assert reasons(r)["Truth is the first casualty."] == "forum_signature"


def test_subheading_between_paragraphs_is_kept():
    doc = ("Title Here For Test\n"
           "The first paragraph is long enough to be the anchor of the body of this article, clearly.\n\n"
           "A Subheading Without Punctuation\n\n"
           "The second paragraph also reads like a normal sentence of an ordinary news article.\n")
    r = clean(doc)
    assert r.text.split("\n\n")[1] == "A Subheading Without Punctuation"


def test_sentence_is_never_removed_by_weak_rule():
    # "By Monday, ..." looks like a byline start; it is a sentence and stays.
    doc = ("Offensive Stalls Near the River\n"
           "By Monday, the forces had captured the airport and most of the roads leading to the river crossing.\n")
    r = clean(doc)
    assert r.text.startswith("By Monday, the forces had captured")


def test_hard_wrapped_text_is_joined_with_hyphens_kept():
    doc = ("Wrapped Text Example Title\n"
           "The committee published its long-awaited report on the state of the\n"
           "railways on Thursday, concluding that the network needs a well-\n"
           "funded ten-year plan to avoid further closures of regional lines.\n")
    r = clean(doc)
    assert r.text == ("The committee published its long-awaited report on the state of the railways on Thursday, "
                      "concluding that the network needs a well-funded ten-year plan to avoid further closures of "
                      "regional lines.")


def test_html_lines_are_paragraphs():
    raw = "First paragraph of the piece is here and it is a sentence.\nSecond paragraph follows here, also a sentence."
    r = clean_text(raw, "Some Title Of The Page", input_format="html")
    assert r.text.count("\n\n") == 1


def test_no_title_uses_first_line_and_comment_form_before_article_is_not_trailing():
    raw = "\n\nComments (3)\nA Title Line\nThe article body starts here and runs for a while, as article bodies do.\n"
    r = clean_text(raw, None)
    assert r.title == "A Title Line"
    assert r.text == "The article body starts here and runs for a while, as article bodies do."


def test_generic_comment_heading_mid_text_does_not_cut_the_article():
    para = "This paragraph is a perfectly ordinary sentence of the article body, long enough to anchor it."
    doc = "Some Article Title Here\n" + para + "\nComments\n" + "\n".join([para] * 4)
    r = clean(doc)
    assert r.text.count(para) == 5
    doc = "Some Article Title Here\n" + "\n".join([para] * 4) + "\nComments\nNice piece, I agree with this.\n"
    assert "Nice piece" not in clean(doc).text


def test_given_title_survives_weak_rules_but_not_strong_ones():
    body = "The thread starts with a long enough opening post about the new tax law and its effects.\n"
    assert clean_text(body, "Re: Tax law").title == "Re: Tax law"
    r = clean_text("The Real Headline\n" + body, "View this email in your browser")
    assert r.title == "The Real Headline"


def test_jsonl_single_newline_paragraphs_stay_separate():
    raw = ("First paragraph is a full sentence of reasonable length, ending here.\n"
           "Second paragraph is also a sentence, and it starts with a capital letter.")
    r = clean_text(raw, "A Title For Jsonl", input_format="jsonl")
    assert r.text.count("\n\n") == 1


def test_empty_after_cleaning_raises():
    with pytest.raises(SpinscopeError) as e:
        clean_text("Share this:\nAdvertisement\nLeave a Reply\n", "A Title")
    assert e.value.code == E_NO_TEXT_AFTER_CLEANING


def test_user_patterns_extend_the_rules(tmp_path):
    doc = ("Harbour News Today Edition\n"
           "Fishermen returned early on Friday because of the storm warning issued overnight.\n"
           "Brought to you by Acme Nets\n")
    assert "Acme" in clean(doc).text
    rules = tmp_path / "mine.txt"
    rules.write_text("advertisement strong brought to you by .{1,60}\n", encoding="utf-8")
    r = clean(doc, options=CleanOptions(extra_patterns=str(rules)))
    assert "Acme" not in r.text and reasons(r)["Brought to you by Acme Nets"] == "advertisement"


def test_bad_user_pattern_is_reported():
    with pytest.raises(SpinscopeError):
        parse_patterns("nonsense strong abc")
    with pytest.raises(SpinscopeError):
        parse_patterns("other strong (unclosed")


# ---------------------------------------------------------------------------- stage
def test_registered_stage_fills_the_article():
    stage = registry.stages.get("spinscope.clean.v1")()
    title, body = _split(NEWS_CMS)
    article = Article(source="x.txt", title=title, raw_text=body)
    out = stage(article)
    assert out.text.startswith("BRUSSELS (Reuters)")
    assert out.title == "Ministers Agree on Fishing Quotas"
    assert out.credits == ["REUTERS/Carl Smith"] and out.captions
    assert out.authors == ["Maria Lopez", "John Park"]
    assert any(r.reason == "advertisement" for r in out.removed)
    assert stage.requires == ("raw_text",) and "text" in stage.assigns


# ----------------------------------------------------------------------- evaluation
def test_evaluate_cleaning_counts(tmp_path):
    from spinscope.eval.cleaning import evaluate_cleaning

    (tmp_path / "001_reprint.txt").write_text(REPRINT, encoding="utf-8")
    (tmp_path / "001_reprint.json").write_text(json.dumps({
        "kind": "reprint", "title": "The Quiet Collapse of the Grain Deal",
        "must_keep": ["Trading houses have quietly stopped booking ships", "a sentence that is not there"],
        "must_drop": ["This article originally appeared on Harbour Watch."],
        "drop_reasons": {"This article originally appeared on Harbour Watch.": "repost_note"},
    }), encoding="utf-8")
    (tmp_path / "002_news.txt").write_text(NEWS_CMS, encoding="utf-8")
    (tmp_path / "002_news.json").write_text(json.dumps({
        "kind": "news", "title": "Wrong title",
        "must_keep": ["European ministers agreed on Tuesday"],
        "must_drop": ["Advertisement", "European ministers agreed"],
    }), encoding="utf-8")
    res = evaluate_cleaning(tmp_path)
    assert res["files"] == 2
    # debris: TP = drops absent (repost, Advertisement) = 2; FN = "European ministers agreed" present;
    # FP = must_keep absent = 1
    assert (res["debris"]["tp"], res["debris"]["fp"], res["debris"]["fn"]) == (2, 1, 1)
    assert (res["keeping"]["tp"], res["keeping"]["fp"], res["keeping"]["fn"]) == (2, 1, 1)
    assert res["title"]["correct"] == 1
    assert res["reasons"] == {"correct": 1, "total": 1, "accuracy": 1.0}
    assert set(res["per_kind"]) == {"reprint", "news"}
    types = sorted(f["type"] for f in res["failures"])
    assert types == ["kept_debris", "lost_sentence", "title"]


def test_eval_cli_runs(tmp_path, capsys):
    from spinscope.cli import main

    (tmp_path / "001_blog.txt").write_text(BLOGGER, encoding="utf-8")
    (tmp_path / "001_blog.json").write_text(json.dumps({
        "kind": "blog", "title": "Why the Dam Matters", "must_keep": ["The dam project"],
        "must_drop": ["Labels: dams"]}), encoding="utf-8")
    assert main(["eval", "cleaning", "--data", str(tmp_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["debris"]["f1"] == 1.0 and out["title"]["accuracy"] == 1.0


def test_docs_name_every_stage_option_and_reason():
    import inspect

    from spinscope.clean.patterns import REASONS
    from spinscope.clean.stage import make_clean_stage

    doc = (Path(__file__).resolve().parents[1] / "docs" / "cleaning.md").read_text(encoding="utf-8")
    for option in inspect.signature(make_clean_stage).parameters:
        assert f"`{option}`" in doc, option
    for reason in REASONS:
        assert f"`{reason}`" in doc, reason
    assert "spinscope eval cleaning" in doc


# ------------------------------------------------------- recall round: new rule classes
# Each class: debris lines that must go (positive) and look-alike sentences that must stay
# (negative). Debris is placed after the article body, look-alikes in the middle of it.
BODY_A = "The harbour board met on Thursday evening and agreed to repair the north pier before the winter storms."
BODY_B = "Work is expected to begin in October and will cost about £1.2m, paid for by the port's reserves."


def _drops_and_keeps(debris: list[str], keeps: list[str], title: str = "Harbour board agrees pier repair plan"):
    body = "\n\n".join([BODY_A, *keeps, BODY_B, *debris])
    return clean_text(body, title)


@pytest.mark.parametrize("cls,debris,lookalikes", [
    ("glued share widget",
     ["Share this:Click to share on Twitter (Opens in new window)Click to share on Reddit (Opens in new window)",
      "Share this:\u00a0XFacebookEmailPrint",
      "Share on Facebook Share on X Share on WhatsApp",
      "Like this:Like Loading...",
      "Liked it? Take a moment to support Harbour Notes on Patreon!",
      "If you found this helpful, please share it with a neighbour!",
      "Follow HarbourNews on Facebook and Instagram for the latest updates"],
     ["Share prices fell by a third after the announcement, wiping £2bn off the company's value.",
      "Like this year's budget, the plan relies on borrowing to cover the gap.",
      "Fans support the band on Patreon, where it has 4,000 backers.",
      "\"Follow us on Telegram,\" the channel told its 40,000 readers every morning."]),
    ("captions and credits",
     ["The north pier after the January storm (photo: reader submission)",
      "Board members inspect the damage. (Pic: Harbour Media)",
      "The pier at low tide in 1985 (my photo)",
      "Fishing boats in the outer harbour last summer. Image via Wikimedia Commons (CC BY-SA 4.0)",
      "The damaged section of the pier. Screenshot: PortCam",
      "The old harbour master's office in 1910. Photo: courtesy of the town museum"],
     ["He posed for a photograph with the mayor (the photo was later deleted).",
      "The image via satellite showed a convoy of 40 lorries.",
      "Photo by photo, the series has become a record of a town growing around its harbour."]),
    ("breadcrumbs and flattened lists",
     ["Home » Local » Harbour board agrees pier repair plan",
      "News > Business > Ports",
      "Read More · Ferry fares rise again · New lifeboat arrives",
      "MOST READ 1. Road closed after crash 2. Bakery wins award",
      "Tags Harbour · Pier · Storms · Council"],
     ["Home Office officials said the scheme would be reviewed.",
      "Read more carefully, the contract allows the firm to sell the data."]),
    ("newsletter chrome",
     ["Forwarded this email? Sign up here to get Harbour Notes every Monday.",
      "Having trouble reading this email? View it online",
      "You're receiving this because you signed up at harbournotes.example. Unsubscribe",
      "To stop receiving these emails, click here to unsubscribe.",
      "Subscribe to Blog via Email — Enter your email address to subscribe to this blog and receive notifications.",
      "This newsletter is for information only and does not constitute investment advice.",
      "Know someone who'd enjoy Harbour Notes? Share it with them."],
     ["To stop receiving the calls, customers had to write to the company twice.",
      "Residents who subscribe to the council's text alerts will be warned of floods.",
      "The regulator said the guidance does not constitute investment advice."]),
    ("aggregator and repost notes",
     ["Source: Reuters | Republished by NewsPort24",
      "(Source: NewsPort Aggregator / original report in Greek, machine translated)",
      "This story has not been edited by NewsPort24 staff and is published from a syndicated feed.",
      "Disclaimer: NewsPort is not responsible for the content of external sources.",
      "The views and opinions expressed in this article are those of the author and do not reflect our policy.",
      "The views of individual contributors do not necessarily represent those of the Strategic Culture Foundation.",
      "The statements, views and opinions expressed in this column are solely those of the author and do not "
      "necessarily represent those of RT.",
      "Republished under a Creative Commons licence (CC BY 4.0)."],
     ["The views expressed by the minister last week were not a slip of the tongue.",
      "The views of the opposition do not necessarily represent those of the voters, the minister said.",
      "This content was produced by students and is shared with the local paper every week."]),
    ("forum chrome",
     ["« on: March 3, 2023, 09:12:44 PM »",
      "Last edited by pier_watcher; 03-03-2023 at 09:20 PM.",
      "Reply  Share  Report  Save  Follow",
      "Sort by: Best | Top | New",
      "2.1k upvotes · 340 comments",
      "Sig: Harbour born and bred · since '79"],
     ["Last edited by his widow in 1990, the diary was published in full this year.",
      "Sort by date, and the pattern becomes obvious.",
      "1.4 million people voted in the referendum."]),
    ("ads, bylines and footers",
     ["ADVERTISEMENT — Support local journalism. Donate today.",
      "Advertisement - scroll to continue",
      "Continue reading below the advertisement",
      "SPONSORED BY PIER CAFE — Fresh crab every day",
      "Ann Price · Harbour Reporter · 3 hours ago",
      "Ann Price | Porthaven | Last updated 03/03/2023 - 18:20",
      "By Ann Price, Harbour Reporter • 12:41, Fri, Mar 3, 2023 | UPDATED: 15:02",
      "Simple theme. Powered by Blogger.",
      "Press TV - Sunday, 03 September 2017 6:12 AM",
      "Loading ...",
      "Note: Only a member of this blog may post a comment."],
     ["Advertisement revenue at the paper fell by 40 per cent last year.",
      "Loading the trucks took the whole of Sunday, 3 September 2017.",
      "Sponsored by the council, the programme has trained 300 apprentices since 2019.",
      "By the time the ambulance arrived, the man had died.",
      "Powered by solar panels, the village has not paid an electricity bill since 2020."]),
])
def test_recall_rule_classes_positive_and_lookalikes(cls, debris, lookalikes):
    r = _drops_and_keeps(debris, lookalikes)
    for d in debris:
        assert normalize_text(d) not in r.text, (cls, d)
    for k in lookalikes:
        assert k in r.text, (cls, k)
    assert BODY_A in r.text and BODY_B in r.text
    # each debris line is caught by a rule, not only by the debris-cluster position heuristic
    for d in debris:
        mid = clean_text("\n\n".join([BODY_A, d, BODY_B]), "Harbour board agrees pier repair plan")
        assert normalize_text(d) not in mid.text, (cls, "mid-text", d)


def test_all_rights_reserved_inside_a_quoted_sentence_is_kept():
    quoted = ("Lawyers for the photographer told the court that every print carried the notice "
              "“© Ann Price. All rights reserved.”")
    r = _drops_and_keeps(["Copyright © 2023 Porthaven Post Ltd. All rights reserved."], [quoted])
    assert quoted in r.text and "Porthaven Post Ltd" not in r.text
    assert reasons(r)["Copyright © 2023 Porthaven Post Ltd. All rights reserved."] == "copyright"


def test_caption_glued_to_the_title_line_is_split_off():
    r = clean_text(BODY_A + "\n\n" + BODY_B,
                   "Harbour board agrees pier repair plan PHOTOGRAPH: pierfan/Flickr | The north pier at dusk")
    assert r.title == "Harbour board agrees pier repair plan"
    assert r.credits == ["pierfan/Flickr"] and r.captions == ["The north pier at dusk"]
    # a title that only starts with a label, or is too short before it, is left alone
    assert clean_text(BODY_A, "Photos: Flooding in the old town").title == "Photos: Flooding in the old town"
    assert clean_text(BODY_A, "In Pictures Photo: A day").title == "In Pictures Photo: A day"


def test_title_repeated_with_a_site_name_is_removed():
    r = clean_text("Harbour board agrees pier repair plan - Porthaven Post\n\n" + BODY_A + "\n\n" + BODY_B,
                   "Harbour board agrees pier repair plan")
    assert "Porthaven Post" not in r.text and reasons(r)[
        "Harbour board agrees pier repair plan - Porthaven Post"] == "repeated_title"


def test_menu_line_outside_the_body_only():
    menu = "Help · Status · About · Careers · Privacy"
    r = clean_text("\n\n".join([BODY_A, BODY_B, menu]), "Harbour board agrees pier repair plan")
    assert menu not in r.text and reasons(r)[menu] == "navigation"
    r = clean_text("\n\n".join([BODY_A, menu, BODY_B]), "Harbour board agrees pier repair plan")
    assert menu in r.text  # in the middle of the article it may be a fact box: kept


def test_breadcrumb_and_menu_line_features():
    from spinscope.clean.lines import is_breadcrumb, is_menu_line

    assert is_breadcrumb("Home » Health » New Study Links Night Shifts to Higher Blood Pressure")
    assert is_breadcrumb("Sport > Football > Championship")
    assert not is_breadcrumb("Home » the word appeared on the screen as the hackers took control.")
    assert not is_breadcrumb("Left > Right")
    assert not is_breadcrumb("1/2 cup of sugar and/or honey")
    assert is_menu_line("Reply | Quote | Report")
    assert not is_menu_line("Population: 5m · the capital grew fastest of all the regions in the last census.")


LOOKALIKE_SENTENCES = [
    "Share this with your neighbours, the fire chief urged residents at the meeting on Tuesday.",
    "Follow the money, the investigators said, and it leads to a shell company in Cyprus.",
    "Follow-up tests showed no trace of the chemical in the river.",
    "Subscribe to that theory and every delay becomes evidence of a cover-up.",
    "The charity is a registered charity and has been operating since 1987.",
    "Photographs, she says, are arguments about what matters.",
    "Her photo: a boy on a bridge, taken in 2003, became the festival poster.",
    "Image rights remain with the estate, which allows non-commercial use.",
    "Pictures from the archive show the square before the war.",
    "Credit for the idea belongs to her father, who walked her to the rock.",
    "The label printed \"All rights reserved\" on the sleeve, but the band never registered the copyright.",
    "Disclaimers on the packets were too small to read, the court heard.",
    "Source: a senior official who asked not to be named because the talks are private.",
    "Posted by a local resident on Facebook, the video has been viewed two million times.",
    "By Monday, the river had fallen by a metre.",
    "Tap the heart of the issue and you find a shortage of nurses.",
    "Listen to the article's author and you will hear a different story.",
    "Enjoying the sunshine? Forward planning for the heatwave starts now, the council said.",
    "Know someone who needs help? Call the helpline on 0800 123 456, the charity said.",
    "Level 3 · the report grades each reactor on a scale of one to seven.",
    "Reporting by local journalists revealed the scandal in 2019.",
    "Story by story, the paper rebuilt its readers' trust.",
    "The story was automatically published from the wire without checks, the editor admitted.",
    "Join the 2,000 other residents who have signed the petition, the organisers urged.",
    "Do you have a plan for the winter? Most households do not, a survey found.",
    "Liked it? Many readers did not, judging by the letters page.",
    "If you found this useful, the author writes, you are not alone.",
    "Please share your views with the committee before 30 April.",
    "Tags on the bags showed they had been checked in at Frankfurt.",
    "Topics on the agenda included housing, transport and schools.",
    "Sig Sauer, the gun maker, said it would appeal.",
    "Upvotes and likes are easy to fake, the researchers said.",
]


@pytest.mark.parametrize("sentence", LOOKALIKE_SENTENCES)
def test_lookalike_sentence_survives_mid_text_and_at_the_edges(sentence):
    mid = clean_text("\n\n".join([BODY_A, sentence, BODY_B]), "Harbour board agrees pier repair plan")
    assert sentence in mid.text
    edge = clean_text("\n\n".join([sentence, BODY_A, BODY_B, sentence]), "Harbour board agrees pier repair plan")
    assert edge.text.count(sentence) == 2


def test_rule_index_gives_the_same_first_rule_as_the_full_list():
    from spinscope.clean.cleaner import Cleaner
    from spinscope.clean.patterns import _first_chars

    assert _first_chars(r"(share|like) this") == frozenset("sl")
    assert _first_chars(r"(?=.*x)\d+ comments") == frozenset("0123456789")
    assert _first_chars(r".{0,60}inbox") is None
    assert _first_chars(r"(«\s*)?(previous|next)") == frozenset("pn")  # « lines get every rule
    c = Cleaner()
    lines = ([BODY_A, BODY_B] + LOOKALIKE_SENTENCES
             + ["Share this:", "12 comments", "« Previous article | Next article »", "© 2024 X",
                "Copyright 2024 X. All rights reserved.", "ADVERTISEMENT", "by Ann Price", "Ümlaut line"])
    for line in lines:
        for index, full in ((c._strong_index, c.strong_rules), (c._weak_index, c.weak_rules)):
            a = next((r for r in full if r.regex.fullmatch(line)), None)
            b = next((r for r in index.candidates(line) if r.regex.fullmatch(line)), None)
            assert a is b, line


def test_boilerplate_glued_to_the_last_sentence_is_cut():
    raw = ("Unions and the climate\n\nThe demise of our union workforce will be swift and brutal, "
           "the columnist argued at length. Views expressed in this article are opinions of the author "
           "and do not necessarily reflect the views of The Daily Ledger.\n\n"
           "He said the slogan was \u201cShare this story!\u201d and many people agreed with it.\n")
    r = clean_text(raw)
    assert "Views expressed" not in r.text and r.text.startswith("The demise")
    assert "swift and brutal, the columnist argued at length." in r.text
    assert "Share this story!" in r.text  # quoted inside a sentence: not a glued tail
    assert any(x.text.startswith("Views expressed") and x.reason == "other" for x in r.removed)


def test_one_paragraph_paste_is_text_not_a_title() -> None:
    from spinscope.clean.cleaner import clean_text

    r = clean_text("Mr. Haddad said on Monday that the talks had failed. Mrs. Lindqvist disagreed.\n")
    assert r.title is None and r.text.startswith("Mr. Haddad said")
    long_first = ("The defence minister told parliament on Tuesday that the army would withdraw from the "
                  "northern districts within a month, a move that opposition leaders called a betrayal of "
                  "the soldiers who had fought there.\n\nOthers welcomed the decision.\n")
    r = clean_text(long_first)
    assert r.title is None and r.text.startswith("The defence minister told parliament")
    r = clean_text("Minister: army to leave north\n\nThe defence minister said the army would go.\n")
    assert r.title == "Minister: army to leave north"


def test_poll_signup_consent_lines_are_newsletter_debris():
    doc = ("Cleric denies the record\n\nThe cleric said the figure was a lie.\n\n"
           "Completing this poll grants you access to Freedom Outpost updates free of charge.\n\n"
           "You may opt out at anytime.\n\nYou also agree to this site's Privacy Policy and Terms of Use.\n\n"
           "He said more about it later.\n")
    r = clean(doc)
    assert r.text == "The cleric said the figure was a lie.\n\nHe said more about it later."
    assert set(reasons(r).values()) == {"newsletter"}


def test_recommended_videos_heading_is_a_teaser():
    r = clean("Ministers meet in Belgrade\n\nThe interior minister met his counterpart on Monday.\n\n"
              "Recommended Videos\n\nThe two men discussed energy and sanctions at length.\n")
    assert reasons(r).get("Recommended Videos") == "related_teaser"
    assert "Recommended" not in r.text


def test_live_coverage_promo_is_debris_and_a_tweet_signature_stays():
    r = clean("Farmers resume blockade\n\nThe farmers said they would resume the blockade on Thursday.\n\n"
              "— Farm Watch (@farmwatch) January 3, 2024\n\n"
              "Get the latest updates in the border dispute with The Courier’s live coverage.\n\n"
              "The ministry did not respond to a request for comment.\n")
    got = reasons(r)
    assert got.get("Get the latest updates in the border dispute with The Courier’s live coverage.") == "related_teaser"
    # the signature says who posted the paragraph above it: the attribution stage needs it
    assert "— Farm Watch (@farmwatch) January 3, 2024" in r.text and "did not respond" in r.text


def test_embedded_player_consent_gate_is_a_cookie_notice():
    line = ("We need your consent to load this video-player contentWe use video-player to manage extra content "
            "that can set cookies on your device. Please review their details and accept them to load the "
            "content.Manage Preferences")
    r = clean(f"Diet report\n\nThe report was published on Monday.\n\n{line}\n\nIt calls for a sugar tax.\n")
    assert reasons(r).get(line) == "cookie_notice" and "consent" not in r.text


def test_a_label_title_taken_off_as_debris_leaves_the_one_paragraph_as_text():
    r = clean("Report\n\nThe report is being reviewed by the attorney general on Saturday, CNN said. He said he "
              "would brief Congress.\n")
    assert r.text.startswith("The report is being reviewed") and r.title is None


def test_a_label_title_taken_off_does_not_steal_the_first_sentence():
    r = clean("Home\n\nThe minister said on Monday that the talks had failed and that new elections would "
              "follow.\n\nOpposition leaders called the decision a disgrace.\n")
    assert r.title is None and r.text.startswith("The minister said on Monday")


def test_watch_prefixed_headline_is_a_title_not_a_teaser():
    r = clean("WATCH: Minister Walks Out of Talks Over Fishing Quotas\n\nThe minister left the room on Monday, "
              "aides said.\n")
    assert r.title == "WATCH: Minister Walks Out of Talks Over Fishing Quotas"
    assert r.text.startswith("The minister left the room")


def test_syndicator_lines_author_via_outlet_ornaments_credit_dateline_and_follow_prompt():
    doc = ("Headline Of The Piece\n\nAuthored by Mark Halberg via The Duran,\n\n"
           "The evidence is overwhelming: the agency built a network of laboratories along the border, "
           "officials said on Tuesday.\n\n* * *\n\nA second paragraph of the piece follows here, with enough "
           "words to be body text.\n\nFeatured image is from Wikimedia Commons\n\nTyler Durden\n"
           "Fri, 03/18/2022 - 23:40\n\nSubscribe to our Telegram channel for more!\n")
    r = clean(doc)
    got = reasons(r)
    assert got["Authored by Mark Halberg via The Duran,"] == "repost_note"
    assert r.meta["repost_of"] == "The Duran" and "Mark Halberg" in r.authors
    assert got["* * *"] == "other" and got["Fri, 03/18/2022 - 23:40"] == "byline"
    assert got["Subscribe to our Telegram channel for more!"] == "newsletter"
    assert "Wikimedia Commons" in r.credits
    assert "laboratories" in r.text and "second paragraph" in r.text
    # a signature separator and a rule over a table are left to their own rules
    r2 = clean("Title\n\nA first paragraph of the article, with enough words to be body text here.\n\n"
               "================\nCLUB SALES\n1. Real Madrid 178\n2. Barcelona 175\n")
    assert "Real Madrid 178" in r2.text


BODY_PARAGRAPH = ("The passage of a destroyer through the strait on Wednesday was a deliberate provocation, "
                  "experts told the paper on Thursday.\n\nA second paragraph follows, long enough to be body "
                  "text of the article and not a label.\n\n")


def test_outlet_byline_with_date_and_a_sign_off_above_the_follow_prompt():
    r = clean("Warships in the strait\n\nBy Global Times Published: Mar 14, 2024 09:12 PM\n\n" + BODY_PARAGRAPH
              + "Global Times\n\nFollow us on Twitter @globaltimesnews\n")
    got = reasons(r)
    assert got["By Global Times Published: Mar 14, 2024 09:12 PM"] == "byline"
    assert r.authors == ["Global Times"]
    assert got["Global Times"] == "other" and r.text.rstrip().endswith("not a label.")
    # a short last line that is a sentence, or one followed by kept text, stays
    kept = clean("Title\n\n" + BODY_PARAGRAPH + "Ends\n\nOne more paragraph of the article, with a full sentence.\n")
    assert "Ends" in kept.text


def test_state_media_date_lines_short_url_and_channel_prompt():
    r = clean("Analyst: the corridor was planned\n\nMiddle East\n\n14:05 21.10.2016 (updated 16:30 21.10.2016) "
              "Get short URL\n\n" + BODY_PARAGRAPH + "More news on TASS Telegram channel\n")
    got = reasons(r)
    assert got["14:05 21.10.2016 (updated 16:30 21.10.2016) Get short URL"] == "byline"
    assert got["Middle East"] == "byline"  # a label between the title and the date line
    assert got["More news on TASS Telegram channel"] == "share_prompt"
    from spinscope.clean.dates import publication_date
    assert publication_date(r.byline_lines) == "2016-10-21"  # the first date, not the update's
    r2 = clean("Sources: talks delayed\n\nAl Mayadeen English\n\nSource: Al Mayadeen English\n\nToday 14:20\n\n"
               + BODY_PARAGRAPH)
    assert r2.text.startswith("The passage of a destroyer")
    assert reasons(r2)["Today 14:20"] == "byline"


def test_site_label_above_the_headline_and_an_update_note_on_the_date_line():
    r = clean("Press TV\nSaudi warplanes pound residential areas in Sa'ada\nSunday, 12 March 2017 4:28 PM "
              "[ Last Update: Sunday, 12 March 2017 4:28 PM ]\n\n" + BODY_PARAGRAPH)
    assert r.title == "Saudi warplanes pound residential areas in Sa'ada"
    assert r.meta["site_name"] == "Press TV"
    assert reasons(r)["Sunday, 12 March 2017 4:28 PM [ Last Update: Sunday, 12 March 2017 4:28 PM ]"] == "byline"
    # a short headline over a blank line, or over a standfirst sentence, stays the headline
    assert clean("Brexit Latest\n\n" + BODY_PARAGRAPH).title == "Brexit Latest"
    assert clean("Talks Collapse\nThe talks failed on Monday after a week of delays.\n\n"
                 + BODY_PARAGRAPH).title == "Talks Collapse"


def test_wire_byline_organisation_rule_and_contributor_footer():
    r = clean("Strikes near Raqqa\n\nBy LOLITA C. BALDOR and SUSANNAH GEORGE\nAssociated Press\n" + BODY_PARAGRAPH
              + "___\n\nAssociated Press writer Qassim Abdul-Zahra in Baghdad contributed to this report.\n")
    got = reasons(r)
    assert got["Associated Press"] == "byline" and got["___"] == "other"
    assert got["Associated Press writer Qassim Abdul-Zahra in Baghdad contributed to this report."] == "byline"
    assert r.text.startswith("The passage") and r.text.rstrip().endswith("not a label.")


def test_agency_source_date_editor_line_and_a_bracketed_editors_note():
    r = clean("China urges U.S. to stop arms sales\nSource: Xinhua | 2024-06-19 18:42:07 | Editor: Liu Wei\n\n"
              + BODY_PARAGRAPH + "[Editor's note: This story has been updated.]\n")
    got = reasons(r)
    assert got["Source: Xinhua | 2024-06-19 18:42:07 | Editor: Liu Wei"] == "byline"
    assert got["[Editor's note: This story has been updated.]"] == "other"
    # an outlet's own unbracketed note is what it publishes, and stays
    kept = clean("Title\n\n" + BODY_PARAGRAPH + "Editor's note: The candidate is a serial liar and a racist.\n")
    assert "serial liar" in kept.text


def test_written_or_posted_by_bylines_give_the_author_and_a_donation_appeal_is_debris():
    r = clean("Helicopters evacuate commanders\n\nWritten by South Front\n\n" + BODY_PARAGRAPH
              + "If you're able, and if you like our content and approach, please support the project.\n")
    assert r.authors == ["South Front"]
    assert reasons(r)["If you're able, and if you like our content and approach, please support the project."] \
        == "advertisement"
    assert clean("Title\n\nPosted by b on November 29, 2017 at 10:12 AM\n\n" + BODY_PARAGRAPH).authors == ["b"]


def test_a_dateline_alone_above_the_text_and_a_writing_by_footer_are_the_byline():
    r = clean("Minister vows to press on\n\nANKARA\n\n" + BODY_PARAGRAPH + "Writing by Ahmet Gencturk\n")
    got = reasons(r)
    assert got["ANKARA"] == "byline" and got["Writing by Ahmet Gencturk"] == "byline"
    assert r.authors == ["Ahmet Gencturk"] and r.text.startswith(BODY_PARAGRAPH[:20])
    # a wire credit line names reporters and writers, never the editors after the semicolon
    r = clean("Title\n\n" + BODY_PARAGRAPH + "Reporting by Jane Roe; Editing by John Doe\n")
    assert r.authors == ["Jane Roe"]


def test_the_writers_bio_closing_an_op_ed_and_an_agency_input_note_are_removed():
    bio = "Finian Cunningham has written extensively on international affairs. He is a prize nominee."
    r = clean("The Empire's gambit\n\nBy Finian Cunningham\n\n" + BODY_PARAGRAPH + BODY_PARAGRAPH
              + bio + "\n\n(With input from Xinhua)\n")
    got = reasons(r)
    assert got[bio] == "byline" and got["(With input from Xinhua)"] == "byline"
    # a last paragraph about someone else, or without a byline, stays
    other = "Craig Murray has written that the war is a recruiting sergeant."
    assert other in clean("Title\n\nBy Finian Cunningham\n\n" + BODY_PARAGRAPH + BODY_PARAGRAPH + other + "\n").text
    assert bio in clean("Title\n\n" + BODY_PARAGRAPH + BODY_PARAGRAPH + bio + "\n").text


def test_an_agency_sign_off_with_slashes_is_removed():
    r = clean("US forces loot wheat\n\n" + BODY_PARAGRAPH + "H.Said / Mazen\n")
    assert reasons(r)["H.Said / Mazen"] == "other"


def test_licence_notes_membership_appeals_and_their_heading_are_removed():
    r = clean("Secret war\n\n" + BODY_PARAGRAPH + "Republish our stories! MintPress News is licensed under a Creative "
              "Commons Attribution-NonCommercial-ShareAlike 3.0 International License.\n\nNote from the author:\n\n"
              "Hello! My name is Martin, I'm the editor of this piece. Please consider supporting the Kyiv "
              "Independent by becoming a member.\n")
    got = reasons(r)
    assert got["Note from the author:"] == "advertisement"
    assert got["Hello! My name is Martin, I'm the editor of this piece. Please consider supporting the Kyiv "
               "Independent by becoming a member."] == "advertisement"
    assert "Creative" not in r.text and r.text.rstrip().endswith("not a label.")
    # a heading with article text after it stays
    kept = clean("Title\n\n" + BODY_PARAGRAPH + "What the minister said:\n\n" + BODY_PARAGRAPH)
    assert "What the minister said:" in kept.text


def test_an_edited_time_line_is_the_byline():
    r = clean("Title\n\nPublished time: 3 Nov, 2016 14:22\nEdited time: 3 Nov, 2016 15:01\n\n" + BODY_PARAGRAPH)
    assert reasons(r)["Edited time: 3 Nov, 2016 15:01"] == "byline"


def test_a_repost_by_global_research_loses_its_reader_notes_and_the_bio_of_an_author_known_from_metadata():
    text = ("Managed exodus\n\nThis article was first published by RT on November 3, 2016.\n\n" + BODY_PARAGRAPH
            + "*\n\nNote to readers: Please click the share buttons above or below. Follow us on Instagram.\n\n"
            "Michel Chossudovsky is an award-winning author, Professor of Economics (emeritus).\n\n"
            "The original source of this article is RT\n")
    r = clean(text)
    got = reasons(r)
    assert r.meta["repost_of"] == "RT"
    assert got["*"] == "other" and got["The original source of this article is RT"] == "repost_note"
    assert got["Note to readers: Please click the share buttons above or below. Follow us on Instagram."] == "share_prompt"
    # the author is known only from the page's metadata, with a title the bio leaves out
    assert "award-winning" in r.text
    bio = "Michel Chossudovsky is an award-winning author, Professor of Economics (emeritus)."
    title, body = _split(text)
    assert reasons(clean_text(body, title, authors=["Prof Michel Chossudovsky"]))[bio] == "byline"


def test_tabloid_byline_in_capitals_for_an_outlet_and_agency_codes():
    r = clean("Putin will be emboldened\n\nBy ROBERT HARDMAN FOR MAILONLINE\n\n" + BODY_PARAGRAPH
              + "Share or comment on this article:\n\n/ 6053\n")
    got = reasons(r)
    assert r.authors == ["Robert Hardman"]
    assert got["Share or comment on this article:"] == "share_prompt" and got["/ 6053"] == "other"


def test_an_outlet_and_date_line_under_the_byline_and_a_theme_line():
    r = clean("Pipeline\n\nBy Pepe Escobar\nGlobal Research, October 12, 2022\n\nTheme: Intelligence, Media "
              "Disinformation\n\n" + BODY_PARAGRAPH)
    got = reasons(r)
    assert got["Global Research, October 12, 2022"] == "byline"
    assert got["Theme: Intelligence, Media Disinformation"] == "tags"
    assert r.text.startswith(BODY_PARAGRAPH.strip()[:40])


def test_a_plea_to_support_independent_media_is_an_appeal():
    r = clean("Mosul\n\n" + BODY_PARAGRAPH + "Please support independent media! Donate via PayPal or Bitcoin.\n")
    assert reasons(r)["Please support independent media! Donate via PayPal or Bitcoin."] == "advertisement"


def test_an_interviews_disclaimer_is_removed():
    line = ("The views and opinions expressed in this interview are those of the speaker and do not necessarily "
            "reflect the position of Sputnik.")
    assert reasons(clean("Dinosaur\n\n" + BODY_PARAGRAPH + line + "\n"))[line] == "other"


def test_the_think_your_friends_share_prompt():
    r = clean("Oil\n\n" + BODY_PARAGRAPH + "Think your friends would be interested? Share this story!\n\n"
              + BODY_PARAGRAPH)
    assert reasons(r)["Think your friends would be interested? Share this story!"] == "share_prompt"


def test_a_post_signature_line_is_never_glued_to_the_post_above_it():
    r = clean("Vote\n\nShortly afterwards she posted on X:\n\nThank you, Slovenia. Tonight the people chose renewal "
              "over chaos. Tomorrow the work begins. \U0001f1f8\U0001f1ee\n— Nina Kralj (@NinaKraljSI) May 3, 2024\n\n"
              "Critics say the result is worrying.\n")
    assert "the work begins. \U0001f1f8\U0001f1ee\n\n— Nina Kralj (@NinaKraljSI) May 3, 2024\n\nCritics" in r.text


def test_a_prose_standfirst_under_the_headline_is_kept():
    r = clean("Pentagon claims ISIS 'resurgence' justifies keeping US troops in Syria\n\n"
              "Washington has once again invoked the terrorist threat to explain its illegal military presence in "
              "the Arab Republic\n\nPublished: 11 Jun, 2024 14:20\nGet short URL\n\n"
              "The Pentagon claims that Islamic State is attempting to reconstitute in eastern Syria, according to a "
              "new report to Congress.\n")
    assert r.text.startswith("Washington has once again invoked the terrorist threat")
    assert "Get short URL" not in r.text


def test_a_note_from_the_author_asking_for_members_is_an_appeal():
    r = clean("Kharkiv attack\n\nRussian forces launched a drone attack on Kharkiv overnight, the governor said.\n\n"
              "Note from the author: Hello! My name is Kateryna, and I wrote this article. The Kyiv Independent relies "
              "on readers to keep reporting from the ground. If you value our work, consider becoming a member.\n")
    assert reasons(r).get("Note from the author: Hello! My name is Kateryna, and I wrote this article. The Kyiv "
                          "Independent relies on readers to keep reporting from the ground. If you value our work, "
                          "consider becoming a member.") == "advertisement"


def test_an_editors_note_on_a_repost_and_reach_style_appeals():
    r = clean("THEY WANT YOUR CASH GONE\n\nEDITOR'S NOTE: This article originally appeared on Sound Money Report "
              "and is republished here with permission. Headline and emphasis are ours. Please SHARE!\n\n"
              "The European Central Bank is pressing ahead with its plans for a digital euro, critics warn.\n\n"
              "We use your sign-up to provide content in ways you've consented to and to improve our understanding "
              "of you. You can unsubscribe at any time. More info\n\n"
              "Want to share your story? Email newsdesk@example.co.uk\n")
    got = reasons(r)
    assert got.get("EDITOR'S NOTE: This article originally appeared on Sound Money Report and is republished here "
                   "with permission. Headline and emphasis are ours. Please SHARE!") == "repost_note"
    assert r.meta.get("repost_of") == "Sound Money Report"
    assert "newsletter" == got.get("We use your sign-up to provide content in ways you've consented to and to "
                                   "improve our understanding of you. You can unsubscribe at any time. More info")
    assert got.get("Want to share your story? Email newsdesk@example.co.uk") == "other"
    assert r.text.startswith("The European Central Bank")


def test_a_bookmark_us_prompt_is_debris():
    text = ("The ministry denied the report on Monday.\n\n\u26a0\ufe0f Our site is being shadow-banned by Google. "
            "Bookmark us and join our Telegram channel so you never miss a post.\n\nOfficials said no drill was planned.")
    out = clean_text(text, "Drill")
    assert "Bookmark" not in out.text and "Officials said no drill was planned." in out.text
    assert [r.reason for r in out.removed] == ["newsletter"]


def test_a_whole_article_on_one_line_is_body_text_not_a_headline_with_a_caption():
    # A first line of 60+ words is no headline even when it does not end like a sentence (a
    # paste cut off mid-sentence): before, it was taken as a title and everything after the
    # "Photograph:" label in it was removed as a caption.
    line = ("Rovers sink ten-man Stanmoor By Callum Brereton Photograph: Mark Sefton/Pinnacle Images "
            + "Harwick Rovers manager Niall Comerford said his side had produced the most complete "
              "performance of his time there after a win over ten-man Stanmoor Athletic. " * 4
            + "Rovers host Bramcote City on Tuesday and the")
    r = clean_text(line, None)
    assert r.title is None and not r.captions
    assert r.text == line
