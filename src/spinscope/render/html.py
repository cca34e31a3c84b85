"""One self-contained HTML report page: no network, no scripts, everything escaped.

Each article shows its clean text with the layers highlighted (toggled with
CSS-only checkboxes) and lists beside it. Overlapping spans are rendered by
cutting the text at every span boundary and giving each piece the classes of
all spans that cover it, so overlaps never break the markup.
"""
from __future__ import annotations

import html
from collections import defaultdict
from typing import Any

from ..model import Article

E = html.escape

CSS = """
:root{--fg:#1d232a;--muted:#5b6470;--line:#d9dee5;--bg:#fbfbfc}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header{padding:16px 24px;border-bottom:1px solid var(--line);background:#fff}h1{font-size:20px;margin:0 0 4px}
.muted{color:var(--muted)}main{padding:16px 24px}
.toggles{position:sticky;top:0;background:#fff;border-bottom:1px solid var(--line);padding:8px 24px;z-index:2;font-size:14px}
.toggles label{margin-right:14px;cursor:pointer}
article{background:#fff;border:1px solid var(--line);border-radius:8px;margin:0 0 20px;padding:16px 20px}
article h2{font-size:18px;margin:0 0 4px}.meta{font-size:13px;color:var(--muted);margin-bottom:10px}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
.text{white-space:pre-wrap;font-family:Georgia,serif;font-size:16px;line-height:1.6}
table{border-collapse:collapse;width:100%;font-size:13px;margin-bottom:12px}td,th{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{font-weight:600}h3{font-size:14px;margin:12px 0 4px}.tag{display:inline-block;border:1px solid var(--line);border-radius:10px;padding:0 7px;margin:1px;font-size:12px;background:#f4f6f8}
.unnamed{color:#9a3412;font-weight:600}.err{color:#b91c1c}
#t-content:checked~main .l-content{background:#fff4c2}
#t-source:checked~main .l-source{box-shadow:inset 0 -2px #2563eb;font-weight:600}
#t-cue:checked~main .l-cue{box-shadow:inset 0 -2px #059669;color:#065f46}
#t-medium:checked~main .l-medium{outline:1px dashed #7c3aed}
#t-ent:checked~main .l-ent{border-bottom:1px dotted #475569}
#t-tech:checked~main .l-tech{background-image:linear-gradient(transparent 78%,rgba(220,38,38,.35) 78%)}
details{margin-top:6px}summary{cursor:pointer;color:var(--muted);font-size:13px}
.legend span{padding:0 4px;margin-right:6px}
""" + "".join(f"#t-{k}:not(:checked)~.toggles label[for=t-{k}]{{text-decoration:line-through;opacity:.5}}"
              for k in ("content", "source", "cue", "medium", "ent", "tech"))


def _segments(article: Article, part: str = "text") -> list[tuple[int, int, list[str], list[str]]]:
    """Cut the text (``part="title"``: the title) at all span boundaries of its layers ->
    (start, end, css classes, tooltip lines)."""
    if part == "title":
        text = article.title or ""
        layers = article.title_layers
        entities, attributions, techniques, mark = layers.entities, layers.attributions, layers.techniques, "T"
    else:
        text = article.text
        entities, attributions, techniques, mark = article.entities, article.attributions, article.techniques, "#"
    spans: list[tuple[int, int, str, str]] = []
    for e in entities:
        spans.append((e.start, e.end, "l-ent", f"entity {e.label}: {e.canonical}"))
    for i, a in enumerate(attributions, 1):
        who = a.speaker or "?"
        if a.source:
            spans.append((a.source.start, a.source.end, "l-source", f"{mark}{i} source: {who}"))
        if a.cue:
            spans.append((a.cue.start, a.cue.end, "l-cue", f"{mark}{i} cue"))
        for piece in a.content_parts or [a.content]:
            spans.append((piece.start, piece.end, "l-content", f"{mark}{i} {a.kind} statement by {who}"
                          + (f" to {a.medium}" if a.medium else "")))
        if a.medium_span:
            spans.append((a.medium_span.start, a.medium_span.end, "l-medium", f"{mark}{i} medium: {a.medium}"))
    for t in techniques:
        spans.append((t.start, t.end, "l-tech", f"{t.technique} ({t.score:.2f})"))
    spans = [(max(0, s), min(len(text), e), c, t) for s, e, c, t in spans if e > s]
    cuts = sorted({0, len(text)} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    starts: dict[int, list[int]] = defaultdict(list)
    for i, (s, _, _, _) in enumerate(spans):
        starts[s].append(i)
    active: set[int] = set()
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = {i for i in active if spans[i][1] > a}
        active.update(starts.get(a, []))
        classes = sorted({spans[i][2] for i in active})
        tips = [spans[i][3] for i in sorted(active)]
        out.append((a, b, classes, tips))
    return out


def _article_text_html(article: Article, part: str = "text") -> str:
    text = (article.title or "") if part == "title" else article.text
    parts = []
    for a, b, classes, tips in _segments(article, part):
        piece = E(text[a:b])
        if classes:
            parts.append(f'<span class="{" ".join(classes)}" title="{E(chr(10).join(tips))}">{piece}</span>')
        else:
            parts.append(piece)
    return "".join(parts)


def _article_html(article: Article) -> str:
    aid = E(article.ensure_id())
    meta = " · ".join(E(x) for x in [article.outlet or "unknown outlet", article.published or "no date",
                                      article.source] if x)
    rows = []
    numbered = [(f"T{i}", a) for i, a in enumerate(article.title_layers.attributions, 1)] + \
        [(str(i), a) for i, a in enumerate(article.attributions, 1)]
    for i, a in numbered:
        who = E(" and ".join([a.speaker or "(implicit)", *a.co_speakers]))
        if a.unnamed:
            who = f'<span class="unnamed" title="vague or anonymous source">{who} (unnamed)</span>'
        flags = f'<br><span class="err">{E(", ".join(a.flags))}</span>' if a.flags else ""
        rows.append(f"<tr><td>{E(i)}</td><td>{who}<br><span class=muted>{E(a.speaker_description or '')}</span></td>"
                    f"<td>{E(a.cue.text if a.cue else '')}</td><td>{E(a.medium or '')}</td><td>{E(a.kind)}{flags}</td></tr>")
    attributions = ("<h3>Attributed statements</h3><table><tr><th>#</th><th>speaker</th><th>cue</th>"
                    "<th>medium</th><th>kind</th></tr>" + "".join(rows) + "</table>") if rows else ""
    groups: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in article.entities + article.title_layers.entities:
        groups[(e.canonical, e.label)].add(e.text)
    ents = "".join(
        f'<span class="tag" title="{E(", ".join(sorted(forms)))}">{E(c)} <span class=muted>{E(lbl)}·{len(forms)}</span></span>'
        for (c, lbl), forms in sorted(groups.items(), key=lambda kv: kv[0]))
    entities = f"<h3>Entities</h3><div>{ents}</div>" if ents else ""
    title = article.title or ""
    tech_rows = "".join(
        f"<tr><td>{E(t.technique)}</td><td>{t.score:.2f}</td><td>{where}{E(t.text or src[t.start:t.end])}</td></tr>"
        for where, src, techs in (("<span class=muted>title:</span> ", title, article.title_layers.techniques),
                                  ("", article.text, article.techniques))
        for t in sorted(techs, key=lambda t: t.start))
    techniques = (f"<h3>Persuasion techniques</h3><table><tr><th>technique</th><th>score</th><th>span</th></tr>"
                  f"{tech_rows}</table>") if tech_rows else ""
    removed = "".join(f"<tr><td>{E(r.reason)}</td><td>{E(r.text)}</td></tr>" for r in article.removed)
    removed_html = (f"<details><summary>Removed from the input ({len(article.removed)})</summary><table>{removed}</table></details>"
                    if removed else "")
    errors = "".join(f'<p class="err">stage {E(e.stage)} {E(e.outcome)} [{E(e.code)}] {E(e.message)}</p>' for e in article.errors)
    heading = _article_text_html(article, "title") if article.title else E("(untitled)")
    return (f'<article id="a-{aid}"><h2 class="title">{heading}</h2><div class="meta">{meta}</div>{errors}'
            f'<div class="cols"><div class="text">{_article_text_html(article)}</div>'
            f"<div>{attributions}{techniques}{entities}{removed_html}</div></div></article>")


def _narratives_html(result: Any) -> str:
    if not result.narratives:
        return ""
    by_id = {a.ensure_id(): a for a in result.articles}
    blocks = []
    for n in result.narratives:
        items = "".join(
            f'<li>{E(by_id[i].published or "?")} · {E(by_id[i].outlet or "?")} · '
            f'<a href="#a-{E(i)}">{E(by_id[i].title or by_id[i].source)}</a></li>'
            for i in n.article_ids if i in by_id)
        reposts = "".join(f"<li>{E(str(r.get('outlet') or r.get('article_id')))} copies "
                          f"{E(str(r.get('original_outlet') or r.get('original_id') or '?'))} ("
                          + (f"{float(r['containment']):.0%} shared text" if r.get("containment") is not None
                             else "repost note") + f"): {E(str(r.get('evidence', '')))}</li>" for r in n.reposts)
        blocks.append(
            f"<article><h2>{E(n.label)}</h2><div class=meta>{len(n.article_ids)} articles · "
            f"{E(', '.join(n.outlets))}</div><table>"
            f"<tr><th>dates</th><td>{E(' … '.join(sorted(set([n.dates[0], n.dates[-1]]))) if n.dates else '')}</td></tr>"
            f"<tr><th>speakers</th><td>{E(', '.join(n.speakers))}</td></tr>"
            f"<tr><th>media</th><td>{E(', '.join(n.media))}</td></tr>"
            f"<tr><th>entities</th><td>{E(', '.join(n.entities[:15]))}</td></tr>"
            f"<tr><th>keywords</th><td>{E(', '.join(n.keywords))}</td></tr></table>"
            f"<ul>{items}</ul>" + (f"<h3>Reposts</h3><ul>{reposts}</ul>" if reposts else "") + "</article>")
    return "<h2>Narratives</h2>" + "".join(blocks)


def render_html(result: Any) -> str:
    rejected = "".join(f"<li>{E(r.source)}: [{E(r.code)}] {E(r.reason)}: {E(r.message)}</li>" for r in result.rejected)
    rejected_html = f"<h2>Rejected inputs</h2><ul>{rejected}</ul>" if rejected else ""
    toggles = "".join(
        f'<input type="checkbox" id="t-{k}" checked hidden>' for k in ("content", "source", "cue", "medium", "ent", "tech"))
    labels = "".join(f'<label for="t-{k}">{v}</label>' for k, v in (
        ("content", "statements"), ("source", "speakers"), ("cue", "cues"), ("medium", "media"),
        ("ent", "entities"), ("tech", "techniques")))
    n = len(result.articles)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>spinscope report</title><style>{CSS}</style></head>
<body><header><h1>spinscope report</h1><div class="muted">{n} article{'s' if n != 1 else ''} analysed, {len(result.rejected)} rejected, {len(result.narratives)} narrative{'s' if len(result.narratives) != 1 else ''}</div></header>
{toggles}<div class="toggles legend">Show (click to toggle): {labels}</div>
<main>{_narratives_html(result)}{rejected_html}<h2>Articles</h2>{''.join(_article_html(a) for a in result.articles)}</main>
</body></html>
"""
