"""One self-contained HTML page about a run: `gleaner report`.

Reads a run's JSON Lines (and, when given, its corpus view JSON) and writes
a single HTML file with inline CSS and SVG charts: no script, font or image
is fetched when it is viewed. Sections: top entities, money by entity (each
amount credited to the entity it belongs to, with its relation, and exact
totals per currency; conversions never counted twice), story clusters,
co-occurrence (same sentence and same document), documents per source,
duplicate clusters, and every document's text with entity mentions and
amounts highlighted. With a corpus view (the aggregator's) the sections
show the view; without one they are computed from the documents alike.

    gleaner.report.write(documents, "report.html", corpus_view=view_dict)
"""

import collections
import decimal
import html
import itertools
import json
from typing import Dict, List, Optional

_STYLE = """
body{font-family:sans-serif;margin:2em;max-width:70em;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.stats span{display:inline-block;margin-right:1.5em;font-size:1.1em}
mark.entity{background:#cfe3ff;border-radius:3px;padding:0 1px}
mark.entity.PERSON{background:#ffe0b3}mark.entity.LOCATION{background:#d4f5d4}
mark.entity.PRODUCT{background:#f1d4f5}mark.entity.flagged{background:#eee;color:#777}
mark.amount{background:#fff59d;border-bottom:2px solid #e0a800}
.doc{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;margin:1em 0}
.doc pre{white-space:pre-wrap;font-family:inherit;line-height:1.6}
.legend mark{margin-right:1em}
"""
_BAR_COLOURS = {"ORGANIZATION": "#4a90d9", "PERSON": "#e8a33d",
                "LOCATION": "#5cb85c", "PRODUCT": "#b36ac2"}


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def entity_counts(documents) -> List[dict]:
    """Mentions per canonical entity, as the aggregator counts them: flagged
    mentions and exact duplicates left out. Most mentioned first."""
    mentions = collections.Counter()
    docs = collections.defaultdict(set)
    types = {}
    for doc in documents:
        if doc.skipped_as_duplicate:
            continue
        for entity in doc.entities:
            if entity.flagged:
                continue
            name = entity.canonical or entity.text
            mentions[name] += 1
            docs[name].add(doc.id)
            types.setdefault(name, entity.type)
    return [{"canonical": name, "type": types[name], "mentions": count,
             "documents": len(docs[name])}
            for name, count in sorted(mentions.items(), key=lambda kv: (-kv[1], kv[0]))]


def _bar_chart(items, label, value, colour=lambda item: "#4a90d9", width=640,
               shown=None) -> str:
    """A horizontal bar chart as inline SVG."""
    if not items:
        return "<p>None.</p>"
    row, left = 22, 180
    top = max(value(i) for i in items) or 1
    height = row * len(items) + 10
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'role="img" class="chart">']
    for n, item in enumerate(items):
        y = 5 + n * row
        bar = max(1, int((width - left - 60) * value(item) / top))
        parts.append(f'<text x="{left - 6}" y="{y + 15}" text-anchor="end" '
                     f'font-size="13">{_e(label(item))}</text>')
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{bar}" height="{row - 6}" '
                     f'fill="{colour(item)}"/>')
        parts.append(f'<text x="{left + bar + 4}" y="{y + 15}" font-size="12">'
                     f'{_e((shown or value)(item))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _top_entities(counts, limit) -> str:
    top = counts[:limit]
    chart = _bar_chart(top, lambda i: i["canonical"], lambda i: i["mentions"],
                       lambda i: _BAR_COLOURS.get(i["type"], "#888"))
    rows = "".join(f'<tr><td>{_e(i["canonical"])}</td><td>{_e(i["type"])}</td>'
                   f'<td class="n">{i["mentions"]}</td><td class="n">{i["documents"]}</td></tr>'
                   for i in top)
    return (f'<section id="top-entities"><h2>Top entities</h2>{chart}'
            f'<table><tr><th>entity</th><th>type</th><th>mentions</th><th>documents</th></tr>'
            f'{rows}</table></section>')


def money_by_entity(documents) -> Dict[str, list]:
    """Money credited to each entity by the extract stage's attributions:
    {canonical: [{"amount", "relation", "document_id", "counterparty"}]}, in
    document order. An amount whose sentence names no owner is credited to
    no one; a conversion (the 9조원 of 62억달러(약 9조원)) has no attribution
    of its own, so no sum is counted twice."""
    found = collections.defaultdict(list)
    for doc in documents:
        if doc.skipped_as_duplicate:
            continue
        for attribution in doc.attributions:
            if attribution.entity_index is None or attribution.amount_index >= len(doc.amounts):
                continue
            amount = doc.amounts[attribution.amount_index]
            if amount.kind != "MONEY":
                continue
            owner = doc.entities[attribution.entity_index]
            found[attribution.canonical or owner.canonical or owner.text].append({
                "amount": amount, "relation": attribution.relation.lower(),
                "document_id": doc.id, "counterparty": attribution.counterparty})
    return found


def currency_totals(amounts) -> Dict[str, str]:
    """Exact decimal totals per currency of amounts that have a value (no
    exchange rates: currencies are never added together)."""
    totals = collections.defaultdict(decimal.Decimal)
    for amount in amounts:
        if amount.value is not None and amount.currency:
            totals[amount.currency] += decimal.Decimal(str(amount.value))
    return {currency: _plain(total) for currency, total in sorted(totals.items())}


def _plain(value: decimal.Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _view_amounts(corpus_view) -> Dict[str, dict]:
    """The view's amounts per entity: {canonical: {"amounts", "totals"}}."""
    out = {}
    for entry in corpus_view.get("amounts_by_entity", []):
        amounts = [{"text": a.get("amount", {}).get("text", ""),
                    "value": a.get("amount", {}).get("value", ""),
                    "currency": a.get("amount", {}).get("currency", ""),
                    "relation": a.get("relation", ""), "document_id": a.get("document_id", ""),
                    "summed": a.get("summed", False)}
                   for a in entry.get("amounts", [])]
        totals = {t.get("currency", ""): t.get("total", "") for t in entry.get("totals", [])}
        out[entry.get("canonical", "")] = {"amounts": amounts, "totals": totals}
    return out


def _document_amounts(documents) -> Dict[str, dict]:
    """The same from the documents' attributions."""
    out = {}
    for name, credited in money_by_entity(documents).items():
        amounts = [{"text": c["amount"].text, "value": c["amount"].value or "",
                    "currency": c["amount"].currency, "relation": c["relation"],
                    "document_id": c["document_id"], "summed": c["amount"].value is not None}
                   for c in credited]
        out[name] = {"amounts": amounts,
                     "totals": currency_totals(c["amount"] for c in credited)}
    return out


def _short(document_id: str) -> str:
    """A document id for a table cell: a path's last part (the full id is
    the cell's hover title)."""
    return document_id.rsplit("/", 1)[-1]


def _amounts_section(documents, corpus_view, limit, listed=8) -> str:
    found = (_view_amounts(corpus_view) if corpus_view and "amounts_by_entity" in corpus_view
             else _document_amounts(documents))
    ranked = sorted(found.items(), key=lambda kv: (-len(kv[1]["amounts"]), kv[0]))[:limit]
    chart = _bar_chart(ranked[:15], lambda i: i[0], lambda i: len(i[1]["amounts"]))
    rows = []
    for name, entry in ranked:
        totals = ", ".join(f"{_e(total)} {_e(currency)}"
                           for currency, total in sorted(entry["totals"].items()))
        relations = collections.Counter(a["relation"] or "other" for a in entry["amounts"])
        kinds = ", ".join(f"{_e(r)} {n}" for r, n in relations.most_common())
        shown = "; ".join(f'{_e(a["text"])} <small title="{_e(a["document_id"])}">'
                          f'({_e(a["relation"] or "other")}, {_e(_short(a["document_id"]))}'
                          f'{"" if a["summed"] else ", not summed"})</small>'
                          for a in entry["amounts"][:listed])
        if len(entry["amounts"]) > listed:
            shown += f"; … {len(entry['amounts']) - listed} more"
        rows.append(f'<tr class="entity-amounts"><td>{_e(name)}</td>'
                    f'<td class="n">{len(entry["amounts"])}</td><td class="totals">{totals}</td>'
                    f'<td>{kinds}</td><td>{shown}</td></tr>')
    return (f'<section id="amounts-by-entity"><h2>Money by entity</h2>'
            f'<p>Each money amount credited to the entity it belongs to (investor, acquirer, '
            f'the company whose revenue it is ...), with its relation; totals are exact, per '
            f'currency, and count a converted amount once; share prices, market values and '
            f'valuations are levels, listed but not summed.</p>{chart}'
            f'<table><tr><th>entity</th><th>amounts</th><th>total, per currency</th>'
            f'<th>relations</th><th>amounts (relation, document)</th></tr>'
            f'{"".join(rows)}</table></section>')


def _sentences(documents):
    """(doc, {entities, amounts}) for each sentence of each unique document."""
    for doc in documents:
        if doc.skipped_as_duplicate:
            continue
        for sentence in doc.sentences:
            inside = lambda s: sentence.byte_start <= s.byte_start and s.byte_end <= sentence.byte_end
            yield doc, {"entities": [e for e in doc.entities if not e.flagged and inside(e)],
                        "amounts": [a for a in doc.amounts if inside(a)]}


def cooccurrence(documents) -> collections.Counter:
    """Sentences naming both entities of each pair (canonical names, sorted)."""
    pairs = collections.Counter()
    for _, sentence in _sentences(documents):
        names = sorted({e.canonical or e.text for e in sentence["entities"]})
        pairs.update(itertools.combinations(names, 2))
    return pairs


def _view_pairs(corpus_view):
    """The view's co-occurrences: ({(a, b): same sentence}, {(a, b): same document})."""
    sentences, docs = collections.Counter(), collections.Counter()
    for c in corpus_view.get("co_occurrences", []):
        key = tuple(sorted((c.get("canonical_a", ""), c.get("canonical_b", ""))))
        sentences[key] = int(c.get("same_sentence", 0))
        docs[key] = int(c.get("same_document", 0))
    return sentences, docs


def document_cooccurrence(documents) -> collections.Counter:
    """Documents naming both entities of each pair (canonical names, sorted)."""
    pairs = collections.Counter()
    for doc in documents:
        if doc.skipped_as_duplicate:
            continue
        names = sorted({e.canonical or e.text for e in doc.entities if not e.flagged})
        pairs.update(itertools.combinations(names, 2))
    return pairs


def _cooccurrence_section(documents, counts, corpus_view, size=10) -> str:
    if corpus_view and "co_occurrences" in corpus_view:
        pairs, same_document = _view_pairs(corpus_view)
    else:
        pairs, same_document = cooccurrence(documents), document_cooccurrence(documents)
    names = [c["canonical"] for c in counts[:size]]
    cell, left, top = 34, 150, 150
    top_value = max([pairs[tuple(sorted((a, b)))] for a in names for b in names if a != b] or [0]) or 1
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + cell * len(names) + 10}" '
           f'height="{top + cell * len(names) + 10}" class="chart">']
    for i, name in enumerate(names):
        svg.append(f'<text x="{left - 6}" y="{top + i * cell + 21}" text-anchor="end" '
                   f'font-size="12">{_e(name)}</text>')
        x = left + i * cell + 20
        svg.append(f'<text x="{x}" y="{top - 6}" font-size="12" '
                   f'transform="rotate(-60 {x} {top - 6})">{_e(name)}</text>')
        for j, other in enumerate(names):
            n = 0 if i == j else pairs[tuple(sorted((name, other)))]
            shade = int(255 - 200 * n / top_value)
            svg.append(f'<rect x="{left + j * cell}" y="{top + i * cell}" width="{cell - 2}" '
                       f'height="{cell - 2}" fill="rgb({shade},{shade},255)">'
                       f'<title>{_e(name)} + {_e(other)}: {n}</title></rect>')
            if n:
                svg.append(f'<text x="{left + j * cell + 16}" y="{top + i * cell + 21}" '
                           f'text-anchor="middle" font-size="11">{n}</text>')
    svg.append("</svg>")
    rows = "".join(f"<tr><td>{_e(a)}</td><td>{_e(b)}</td><td class='n'>{n}</td>"
                   f"<td class='n'>{same_document[(a, b)]}</td></tr>"
                   for (a, b), n in pairs.most_common(15))
    return (f'<section id="cooccurrence"><h2>Co-occurrence</h2>'
            f'<p>Sentences naming both entities (the chart), and documents naming both.</p>'
            f'{"".join(svg) if names else ""}'
            f'<table><tr><th>entity</th><th>entity</th><th>sentences</th><th>documents</th></tr>'
            f'{rows}</table></section>')


def _stories_section(corpus_view) -> str:
    """The view's story clusters: documents reporting one event in other words."""
    clusters = (corpus_view or {}).get("story_clusters", [])
    items = []
    for cluster in clusters:
        ids = cluster.get("document_ids", [])
        jobs = cluster.get("job_ids", [])
        members = ", ".join(_e(f"{job}/{doc}" if job else doc)
                            for doc, job in itertools.zip_longest(ids, jobs, fillvalue=""))
        items.append(f'<li class="story"><b>{_e(cluster.get("story_id", ""))}</b>: '
                     f'{len(ids)} documents: {members}</li>')
    body = "".join(items) or ("<li>No story with two documents.</li>" if corpus_view
                              else "<li>Story clusters need a corpus view (--corpus-view).</li>")
    return (f'<section id="stories"><h2>Story clusters</h2>'
            f'<p>Documents that report the same event (same parties and sums) in different '
            f'words, beyond text-level duplicates.</p><ul>{body}</ul></section>')


def _sources_section(documents, corpus_view) -> str:
    if corpus_view and "source_counts" in corpus_view:
        counts = [(c.get("source", ""), int(c.get("documents", 0)), int(c.get("duplicates", 0)))
                  for c in corpus_view["source_counts"]]
    else:
        by_source = collections.defaultdict(lambda: [0, 0])
        for doc in documents:
            by_source[doc.source][0] += 1
            by_source[doc.source][1] += 1 if doc.skipped_as_duplicate else 0
        counts = [(source, n, d) for source, (n, d) in sorted(by_source.items())]
    rows = "".join(f"<tr><td>{_e(source)}</td><td class='n'>{n}</td><td class='n'>{d}</td></tr>"
                   for source, n, d in sorted(counts, key=lambda c: (-c[1], c[0])))
    return (f'<section id="sources"><h2>Documents per source</h2>'
            f'<table><tr><th>source</th><th>documents</th><th>duplicates</th></tr>{rows}</table>'
            f'</section>')


def duplicate_clusters(documents, corpus_view=None) -> List[List[str]]:
    """Clusters of two or more documents, from the view or the verdicts."""
    if corpus_view and corpus_view.get("duplicate_clusters"):
        return [c.get("document_ids", []) for c in corpus_view["duplicate_clusters"]]
    clusters = collections.defaultdict(list)
    for doc in documents:
        if doc.duplicate and doc.duplicate.cluster_id:
            clusters[doc.duplicate.cluster_id].append(doc.id)
    return [ids for ids in clusters.values() if len(ids) > 1]


def _duplicates_section(documents, corpus_view) -> str:
    clusters = duplicate_clusters(documents, corpus_view)
    representatives = {tuple(c.get("document_ids", [])): c.get("representative", "")
                       for c in (corpus_view or {}).get("duplicate_clusters", [])}
    body = "".join(f"<li>{len(ids)} documents: " + ", ".join(_e(i) for i in ids)
                   + (f" (representative {_e(representatives[tuple(ids)])})"
                      if representatives.get(tuple(ids)) else "") + "</li>"
                   for ids in clusters) or "<li>No duplicates.</li>"
    return f'<section id="duplicates"><h2>Duplicate clusters</h2><ul>{body}</ul></section>'


def marked_spans(doc):
    """The spans highlighted in a document, in order: every entity mention
    (they never overlap), and each amount that overlaps no mention nor an
    amount kept before it."""
    spans = [(e.start, e.end, "entity " + e.type + (" flagged" if e.flagged else ""),
              f"{e.type}: {e.canonical}") for e in doc.entities if e.start is not None]
    taken = [(s[0], s[1]) for s in spans]
    for a in doc.amounts:
        if a.start is None or any(a.start < end and start < a.end for start, end in taken):
            continue
        value = f"{a.value} {a.currency}".strip() if a.value is not None else "vague"
        spans.append((a.start, a.end, "amount " + a.kind, f"{a.kind}: {value}"))
        taken.append((a.start, a.end))
    return sorted(spans)


def highlight(doc) -> str:
    """The document's text as HTML, mentions and amounts in <mark>s."""
    out, position = [], 0
    for start, end, css, title in marked_spans(doc):
        out.append(_e(doc.text[position:start]))
        out.append(f'<mark class="{_e(css)}" title="{_e(title)}">{_e(doc.text[start:end])}</mark>')
        position = end
    out.append(_e(doc.text[position:]))
    return "".join(out)


def _documents_section(documents, limit) -> str:
    parts = ['<section id="documents"><h2>Documents</h2><p class="legend">'
             '<mark class="entity ORGANIZATION">organisation</mark>'
             '<mark class="entity PERSON">person</mark><mark class="entity LOCATION">location</mark>'
             '<mark class="entity PRODUCT">product</mark><mark class="amount">amount</mark></p>']
    for doc in documents[:limit]:
        status = ("failed: " + "; ".join(f"{e.stage} {e.message}" for e in doc.errors)
                  if doc.errors else f"{len(doc.entities)} entities, {len(doc.amounts)} amounts")
        if doc.duplicate and doc.duplicate.kind in ("EXACT", "NEAR"):
            status += f"; {doc.duplicate.kind.lower()} duplicate of {doc.duplicate.duplicate_of}"
        parts.append(f'<article class="doc" id="doc-{_e(doc.id)}"><h3>{_e(doc.id)}</h3>'
                     f'<p>{_e(doc.source)} — {_e(status)}</p><pre>{highlight(doc)}</pre></article>')
    if len(documents) > limit:
        parts.append(f"<p>{len(documents) - limit} more documents not shown.</p>")
    parts.append("</section>")
    return "".join(parts)


def render(documents, corpus_view: Optional[dict] = None, title: str = "Gleaner report",
           top: int = 20, max_documents: int = 200) -> str:
    """The report as one HTML string."""
    documents = list(documents)
    counts = entity_counts(documents)
    if corpus_view and corpus_view.get("entity_counts"):
        counts = [{"canonical": c.get("canonical", ""),
                   "type": c.get("type", "").replace("ENTITY_TYPE_", ""),
                   "mentions": int(c.get("mentions", 0)),
                   "documents": int(c.get("documents", 0))}
                  for c in corpus_view["entity_counts"]]
    failed = sum(1 for d in documents if d.failed)
    stats = (f'<p class="stats"><span>{len(documents)} documents</span>'
             f'<span>{failed} failed</span>'
             f'<span>{sum(len(d.entities) for d in documents)} entity mentions</span>'
             f'<span>{sum(len(d.amounts) for d in documents)} amounts</span></p>')
    return ("<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'>"
            f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{_e(title)}</h1>{stats}"
            + _top_entities(counts, top)
            + _amounts_section(documents, corpus_view, top)
            + _stories_section(corpus_view)
            + _cooccurrence_section(documents, counts, corpus_view)
            + _sources_section(documents, corpus_view)
            + _duplicates_section(documents, corpus_view)
            + _documents_section(documents, max_documents)
            + "</body></html>")


def write(documents, path: str, corpus_view: Optional[dict] = None, **options) -> None:
    """Writes the report to `path`."""
    with open(path, "w", encoding="utf-8") as f:
        f.write(render(documents, corpus_view, **options))


def load_corpus_view(path: Optional[str]) -> Optional[dict]:
    """The corpus view JSON written by `gleaner run --corpus_view=FILE`."""
    if not path:
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)
