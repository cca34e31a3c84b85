"""A readable terminal summary of an analysis."""
from __future__ import annotations

import re
import textwrap
from collections import Counter, defaultdict
from typing import Any

from ..model import Article, Attribution

WIDTH = 100
# Terminal control characters (ESC sequences can recolour or rewrite a terminal) and
# bidirectional overrides in hostile input are shown as U+FFFD, never passed through.
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _short(s: str, n: int = 160) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _attribution_lines(at: Attribution) -> list[str]:
    who = " and ".join([at.speaker or "(implicit)", *at.co_speakers])
    if at.unnamed:
        who += " [unnamed source]"
    desc = f", {at.speaker_description}" if at.speaker_description else ""
    cue = at.cue.text if at.cue else "?"
    medium = f" -> {at.medium}" if at.medium else ""
    flags = f" [{', '.join(at.flags)}]" if at.flags else ""
    said = " … ".join(p.text for p in at.content_parts) if at.content_parts else at.content.text
    return [f"   - {who}{desc} | {cue}{medium} | {at.kind}{flags}",
            *textwrap.wrap(_short(said, 300), WIDTH - 8, initial_indent="       > ", subsequent_indent="         ")]


def _title_lines(a: Article) -> list[str]:
    """What the headline itself says: its statements, entity mentions and technique spans
    (offsets into the title: shown as the words they cover)."""
    layers, title = a.title_layers, a.title or ""
    if not title or not layers:
        return []
    out = ["   Headline:"]
    for at in layers.attributions:
        out.extend(_attribution_lines(at))
    if layers.entities:
        out.append("     entities: " + ", ".join(
            e.text + (f" = {e.canonical}" if e.canonical != e.text else "") + f" ({e.label})"
            for e in layers.entities))
    for t in sorted(layers.techniques, key=lambda t: t.start):
        out.append(f"     technique {t.technique} ({t.score:.2f}): “{_short(t.text or title[t.start:t.end], 120)}”")
    return out


def render_article(a: Article) -> list[str]:
    out = [f"== {a.title or '(untitled)'}",
           f"   id {a.ensure_id()}  outlet {a.outlet or '?'}  published {a.published or '?'}  source {a.source}"]
    words = len(a.text.split())
    out.append(f"   {words} words; removed {len(a.removed)} fragment(s)"
               + (": " + ", ".join(f"{r}×{c}" for r, c in Counter(x.reason for x in a.removed).most_common())
                  if a.removed else ""))
    for e in a.errors:
        out.append(f"   ! stage {e.stage} {e.outcome} [{e.code}] {e.message}")
    out.extend(_title_lines(a))
    if a.attributions:
        out.append(f"   Attributed statements ({len(a.attributions)}):")
        for at in a.attributions:
            out.extend(_attribution_lines(at))
    if a.entities or a.title_layers.entities:
        groups: dict[tuple[str, str], set[str]] = defaultdict(set)
        for e in a.entities + a.title_layers.entities:
            groups[(e.canonical, e.label)].add(e.text)
        out.append(f"   Entities ({len(groups)}):")
        items = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0]))
        for (canon, label), forms in items[:25]:
            alias = [f for f in sorted(forms) if f != canon]
            out.append(f"   - {canon} ({label})" + (f" = {', '.join(alias)}" if alias else ""))
    if a.techniques:
        out.append(f"   Persuasion techniques ({len(a.techniques)}):")
        for t in sorted(a.techniques, key=lambda t: t.start):
            out.append(f"   - {t.technique} ({t.score:.2f}): “{_short(t.text or a.text[t.start:t.end], 120)}”")
    return out


def render_text(result: Any) -> str:
    lines: list[str] = []
    for a in result.articles:
        lines.extend(render_article(a))
        lines.append("")
    if result.narratives:
        by_id = {a.ensure_id(): a for a in result.articles}
        lines.append(f"== Narratives ({len(result.narratives)})")
        for n in result.narratives:
            lines.append(f"-- {n.label}  [{n.id}]  {len(n.article_ids)} articles")
            if n.outlets:
                lines.append(f"   outlets: {', '.join(n.outlets)}")
            if n.dates:
                lines.append(f"   dates: {n.dates[0]} … {n.dates[-1]}" if len(n.dates) > 1 else f"   date: {n.dates[0]}")
            if n.speakers:
                lines.append(f"   speakers: {', '.join(n.speakers[:12])}")
            if n.media:
                lines.append(f"   media the statements were given to: {', '.join(n.media)}")
            for r in n.reposts:
                shared = f"{r['containment']:.0%} shared text" if r.get("containment") is not None else "repost note"
                lines.append(f"   repost: {r.get('outlet') or r.get('article_id')} copies {r.get('original_outlet') or r.get('original_id') or '?'} ({shared})")
            for aid in n.article_ids:
                a = by_id.get(aid)
                if a:
                    lines.append(f"   · {a.published or '?'} {a.outlet or '?'}: {a.title or a.source}")
        lines.append("")
    if result.rejected:
        lines.append(f"== Rejected inputs ({len(result.rejected)})")
        for r in result.rejected:
            lines.append(f"   {r.source}: [{r.code}] {r.reason}: {r.message}")
    return UNSAFE.sub("\ufffd", "\n".join(lines).rstrip()) + "\n"
