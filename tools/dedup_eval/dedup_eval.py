#!/usr/bin/python3
"""Builds and scores Gleaner's dedup evaluation set (standard library only).

The set is made from the corpus pages: each page is cut into base articles,
and every base article gets variants that a dedup stage must catch (copies
with other page chrome, re-wrapped HTML, word-level edits at several rates)
plus one it must NOT merge (the same text with every figure changed). Base
articles from different pages about the same story are the same-topic
negatives.

  dedup_eval.py build  --corpus testdata/corpus --out /tmp/dedup_eval
  dedup_eval  < /tmp/dedup_eval/docs.txt > /tmp/dedup_eval/verdicts.tsv
  dedup_eval.py score  --set /tmp/dedup_eval --verdicts /tmp/dedup_eval/verdicts.tsv
  dedup_eval.py pages  --corpus testdata/corpus --out /tmp/dedup_eval/pages.txt
  dedup_eval.py blocks --pages-verdicts pages.tsv --corpus testdata/corpus \\
                       --gold /work/shared/eval/gold/dedup.jsonl
  dedup_eval.py sweep  --set /tmp/dedup_eval --binary bazel-bin/workers/dedup/dedup_eval

See README.md for the file formats and the measured results.
"""

import argparse
import html.parser
import itertools
import json
import os
import random
import re
import subprocess
import sys

EDIT_RATES = (0.01, 0.03, 0.05, 0.10, 0.20, 0.30)
TARGET_MAX_EDIT_RATE = 0.10  # recall target applies to copies with <= 10% edits
MARKERS = "-•·*>|▶▷►■□◆◇○●★☆※"


# --- Reading the corpus ------------------------------------------------------

class _TextRuns(html.parser.HTMLParser):
    """Collects the text runs between tags of an HTML page, one per line."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.runs.append(data)


def page_text(path):
    """Returns a page as plain lines (HTML pages reduced to their text runs)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.count("<") > 50 and re.search(r"<(p|div|span)\b", text):
        parser = _TextRuns()
        parser.feed(text)
        return "\n".join(" ".join(r.split()) for r in parser.runs)
    return text


def corpus_files(corpus):
    return sorted(os.path.join(corpus, n) for n in os.listdir(corpus) if n.endswith(".txt"))


def strip_line(line):
    line = line.strip()
    while line and line[0] in MARKERS:
        line = line[1:].strip()
    while line.endswith("|"):
        line = line[:-1].strip()
    return line


def has_hangul(s):
    return any("\uac00" <= c <= "\ud7a3" for c in s)


def base_articles(corpus, min_chars=300, max_chars=1500):
    """Cuts pages into base articles: runs of content lines of 300+ chars."""
    seen_lines = set()
    bases = []
    for path in corpus_files(corpus):
        name = os.path.basename(path)
        current = []

        def emit():
            body = "\n".join(current)
            if len(body) >= min_chars // 2:
                bases.append({"page": name, "text": body})
            current.clear()

        for raw in page_text(path).split("\n"):
            line = strip_line(raw)
            content = len(line) >= 40 and has_hangul(line)
            if not content:
                if current and sum(map(len, current)) >= min_chars // 2:
                    emit()
                elif current:
                    current.clear()
                continue
            if line in seen_lines:  # titles printed twice, shared wire lines
                continue
            seen_lines.add(line)
            current.append(line)
            if sum(map(len, current)) >= min_chars:
                emit()
            elif sum(map(len, current)) >= max_chars:
                emit()
        if current:
            emit()
    return bases


def shingles(text, n=5):
    s = re.sub(r"\s+", "", text)
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


# --- Variants ------------------------------------------------------------------

PORTALS = ["글리너뉴스", "한빛일보", "누리경제", "새벽타임스", "온뉴스"]
SECTIONS = ["경제", "국제", "IT/과학", "산업", "증권", "정치"]


def chrome(rng, other_titles):
    """Returns (header lines, footer lines) of a made-up portal page."""
    portal = rng.choice(PORTALS)
    day = rng.randint(1, 28)
    header = [
        f"{portal} | 로그인 | 회원가입 | 구독",
        f"홈 > {rng.choice(SECTIONS)} > {rng.choice(SECTIONS)}",
        f"입력 2026.01.{day:02d} {rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}"
        f" | 수정 2026.01.{day:02d} {rng.randint(6, 23):02d}:{rng.randint(0, 59):02d}",
        "글자크기 설정 | 공유하기 | 기사 스크랩",
    ]
    header = header[: rng.randint(2, 4)]
    footer = [
        f"{rng.choice('김이박최정강조윤장임')}{rng.choice('민서지현도하준우')}{rng.choice('수진호영연석')} 기자",
        f"Copyright © {portal}. All rights reserved. 무단 전재 및 재배포 금지",
        "많이 본 뉴스",
    ] + [t[:40] for t in rng.sample(other_titles, min(3, len(other_titles)))]
    footer = footer[: rng.randint(2, len(footer))]
    return header, footer


def with_chrome(text, rng, other_titles):
    header, footer = chrome(rng, other_titles)
    return "\n".join(header + [text] + footer)


def page_chrome_lines(corpus):
    """Returns (head, tail): the short non-content lines near the top and the
    bottom of each real corpus page (menus, search boxes, dates, bylines,
    newsletter footers), to wrap copies in chrome that was not made up."""
    heads, tails = [], []
    for path in corpus_files(corpus):
        lines = [l.strip() for l in page_text(path).split("\n")]
        short = [(i, l) for i, l in enumerate(lines) if l and len(l) < 40]
        heads.append([l for i, l in short if i < 40])
        tails.append([l for i, l in short if i >= len(lines) - 40])
    return [h for h in heads if len(h) >= 3], [t for t in tails if len(t) >= 2]


def with_page_chrome(text, rng, heads, tails):
    head = rng.choice(heads)
    tail = rng.choice(tails)
    k = rng.randint(3, min(8, len(head)))
    start = rng.randrange(len(head) - k + 1)
    m = rng.randint(2, min(6, len(tail)))
    tstart = rng.randrange(len(tail) - m + 1)
    return "\n".join(head[start:start + k] + [text] + tail[tstart:tstart + m])


def rewrap_html(text, rng):
    """Re-wraps paragraphs in markup, moves line breaks and adds entities:
    the cleaned content is unchanged."""
    out = ['<div class="article_body" data-id="%d">' % rng.randint(1000, 9999)]
    for para in text.split("\n"):
        words = para.split(" ")
        pieces, line = [], []
        for w in words:
            line.append(w)
            if rng.random() < 0.08:
                pieces.append(" ".join(line))
                line = []
        if line:
            pieces.append(" ".join(line))
        sep = rng.choice(["\n", "<br>\n", " &nbsp;", "\n  "])
        out.append("<p>" + sep.join(pieces) + "</p>")
    out.append("</div>")
    return "\n".join(out)


def edit(text, rate, rng, vocabulary):
    """Edits a fraction `rate` of the words: substitute, delete or insert."""
    lines = []
    for para in text.split("\n"):
        words = para.split(" ")
        out = []
        for w in words:
            if rng.random() >= rate:
                out.append(w)
                continue
            op = rng.randrange(3)
            if op == 0:
                out.append(rng.choice(vocabulary))
            elif op == 1:
                pass
            else:
                out.extend([w, rng.choice(vocabulary)])
        lines.append(" ".join(out))
    return "\n".join(lines)


NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def change_figures(text, rng):
    def repl(m):
        old = m.group(0)
        digits = [c for c in old if c.isdigit()]
        while True:
            new_digits = [str(rng.randint(1 if i == 0 else 0, 9)) for i in range(len(digits))]
            if new_digits != digits:
                break
        it = iter(new_digits)
        return "".join(next(it) if c.isdigit() else c for c in old)

    return NUMBER.sub(repl, text)


def build(args):
    rng = random.Random(args.seed)
    bases = base_articles(args.corpus)
    # Drop bases that already overlap an earlier one (shared wire text inside
    # a page): they would be true duplicates labelled as different articles.
    kept, kept_sh, dropped = [], [], 0
    for b in bases:
        sh = shingles(b["text"])
        if any(jaccard(sh, k) >= 0.25 for k in kept_sh):
            dropped += 1
            continue
        kept.append(b)
        kept_sh.append(sh)
    bases = kept
    vocabulary = sorted({w for b in bases for w in b["text"].split() if w})
    heads, tails = page_chrome_lines(args.corpus)
    titles = [b["text"].split("\n")[0] for b in bases]

    docs = []  # (id, text, meta)
    for i, b in enumerate(bases):
        cluster = f"c{i:03d}"
        others = titles[:i] + titles[i + 1:]
        docs.append((f"b{i:03d}", b["text"], {"cluster": cluster, "variant": "base", "rate": 0.0,
                                              "page": b["page"]}))
        docs.append((f"b{i:03d}-chromeA", with_chrome(b["text"], rng, others),
                     {"cluster": cluster, "variant": "chrome", "rate": 0.0}))
        docs.append((f"b{i:03d}-chromeB", with_chrome(b["text"], rng, others),
                     {"cluster": cluster, "variant": "chrome", "rate": 0.0}))
        docs.append((f"b{i:03d}-pagechrome", with_page_chrome(b["text"], rng, heads, tails),
                     {"cluster": cluster, "variant": "page_chrome", "rate": 0.0}))
        docs.append((f"b{i:03d}-html", rewrap_html(b["text"], rng),
                     {"cluster": cluster, "variant": "rewrap_html", "rate": 0.0}))
        for rate in EDIT_RATES:
            docs.append((f"b{i:03d}-edit{int(rate * 100):02d}", edit(b["text"], rate, rng, vocabulary),
                         {"cluster": cluster, "variant": "edit", "rate": rate}))
        docs.append((f"b{i:03d}-chrome-edit05",
                     with_chrome(edit(b["text"], 0.05, rng, vocabulary), rng, others),
                     {"cluster": cluster, "variant": "chrome+edit", "rate": 0.05}))
        # A "report with figures": at least four numbers of two or more digits.
        if sum(1 for n in NUMBER.findall(b["text"]) if sum(c.isdigit() for c in n) >= 2) >= 4:
            docs.append((f"b{i:03d}-figures", change_figures(b["text"], rng),
                         {"cluster": f"{cluster}-figures", "variant": "figures_changed",
                          "rate": 0.0}))
    rng.shuffle(docs)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "docs.txt"), "wb") as f:
        for doc_id, text, _ in docs:
            data = text.encode("utf-8")
            f.write(f"#DOC {doc_id} {len(data)}\n".encode() + data + b"\n")
    with open(os.path.join(args.out, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({d[0]: d[2] for d in docs}, f, ensure_ascii=False, indent=0)
    print(f"bases={len(bases)} dropped_overlapping={dropped} documents={len(docs)} "
          f"-> {args.out}/docs.txt, gold.json")


# --- Scoring -------------------------------------------------------------------

def read_verdicts(path):
    verdicts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            verdicts[parts[0]] = {"kind": parts[1], "duplicate_of": parts[2],
                                  "cluster": parts[3], "similarity": float(parts[4]),
                                  "blocks": parts[5] if len(parts) > 5 else ""}
    return verdicts


def pairs_by(ids, key):
    groups = {}
    for i in ids:
        groups.setdefault(key(i), []).append(i)
    return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}


def score(gold, verdicts):
    ids = sorted(gold)
    missing = [i for i in ids if i not in verdicts]
    if missing:
        raise SystemExit(f"{len(missing)} documents have no verdict, e.g. {missing[:3]}")
    gold_pairs = pairs_by(ids, lambda i: gold[i]["cluster"])
    pred_pairs = pairs_by(ids, lambda i: verdicts[i]["cluster"])
    in_target = lambda i: gold[i]["rate"] <= TARGET_MAX_EDIT_RATE + 1e-9
    target_pairs = {p for p in gold_pairs if in_target(p[0]) and in_target(p[1])}
    tp = len(gold_pairs & pred_pairs)
    result = {
        "documents": len(ids),
        "gold_pairs": len(gold_pairs),
        "predicted_pairs": len(pred_pairs),
        "precision": tp / max(1, len(pred_pairs)),
        "recall_all": tp / max(1, len(gold_pairs)),
        "recall_target": len(target_pairs & pred_pairs) / max(1, len(target_pairs)),
        "target_pairs": len(target_pairs),
    }
    # Per variant: is the variant in its base's predicted cluster?
    base_of = {gold[i]["cluster"]: i for i in ids if gold[i]["variant"] == "base"}
    per = {}
    for i in ids:
        g = gold[i]
        if g["variant"] == "base":
            continue
        if g["variant"] == "figures_changed":
            base = base_of[g["cluster"][: -len("-figures")]]
            key = "figures_changed (must NOT match)"
            hit = verdicts[i]["cluster"] == verdicts[base]["cluster"]
        else:
            base = base_of[g["cluster"]]
            key = f"{g['variant']} {int(round(g['rate'] * 100))}%"
            hit = verdicts[i]["cluster"] == verdicts[base]["cluster"]
        n, h = per.get(key, (0, 0))
        per[key] = (n + 1, h + hit)
    result["matched_with_base"] = {k: f"{h}/{n} = {h / n:.3f}" for k, (n, h) in sorted(per.items())}
    # False merges between different gold clusters, by kind.
    fp = pred_pairs - gold_pairs
    kinds = {}
    for a, b in fp:
        k = "figures" if "figures" in gold[a]["cluster"] + gold[b]["cluster"] else "other_article"
        kinds[k] = kinds.get(k, 0) + 1
    result["false_pairs"] = kinds
    result["false_pair_examples"] = sorted(fp)[:10]
    return result


def score_cmd(args):
    with open(os.path.join(args.set, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    print(json.dumps(score(gold, read_verdicts(args.verdicts)), ensure_ascii=False, indent=1))


def sweep(args):
    with open(os.path.join(args.set, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    with open(os.path.join(args.set, "docs.txt"), "rb") as f:
        docs = f.read()
    grid = [dict(zip(["shingle_chars", "num_bands", "rows_per_band", "threshold"], v))
            for v in itertools.product(args.shingles, args.bands, args.rows, args.thresholds)]
    print("shingle bands rows threshold | precision recall_target recall_all | bytes/doc")
    for g in grid:
        cmd = [args.binary] + [f"--{k}={v}" for k, v in g.items()]
        run = subprocess.run(cmd, input=docs, capture_output=True, check=True)
        path = os.path.join(args.set, "sweep_verdicts.tsv")
        with open(path, "wb") as f:
            f.write(run.stdout)
        r = score(gold, read_verdicts(path))
        bpd = re.search(rb"bytes_per_document=([\d.]+)", run.stderr)
        print(f"{g['shingle_chars']:7} {g['num_bands']:5} {g['rows_per_band']:4} "
              f"{g['threshold']:9} | {r['precision']:.4f} {r['recall_target']:.4f} "
              f"{r['recall_all']:.4f} | {bpd.group(1).decode() if bpd else '?'}")


# --- Repeated blocks against the gold file ------------------------------------

def pages(args):
    with open(args.out, "wb") as f:
        for path in corpus_files(args.corpus):
            name = os.path.basename(path)
            with open(path, "rb") as p:
                data = p.read()
            f.write(f"#DOC {name} {len(data)}\n".encode() + data + b"\n")
    print(f"wrote {args.out}")


def blocks(args):
    verdicts = read_verdicts(args.pages_verdicts)
    texts = {}
    for path in corpus_files(args.corpus):
        with open(path, "rb") as f:
            texts[os.path.basename(path)] = f.read()
    marked = {}  # seed -> list of repeated-copy texts
    for seed, v in verdicts.items():
        out = []
        for item in filter(None, v["blocks"].split(",")):
            begin, end = map(int, item.split(":")[:2])
            out.append(texts[seed][begin:end].decode("utf-8"))
        marked[seed] = out
    found = total = 0
    misses = []
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if "text" not in row or row["seed"] not in marked:
                continue
            want = row["count"] - 1  # every copy after the first is repeated
            norm = lambda s: " ".join(s.split())
            got = sum(1 for t in marked[row["seed"]] if norm(t) == norm(row["text"]))
            total += want
            found += min(got, want)
            if got < want:
                misses.append(row["text"])
    extra = sum(len(m) for m in marked.values()) - found
    print(json.dumps({"gold_repeated_copies": total, "found": found,
                      "recall": found / max(1, total),
                      "other_marked_copies (not in the partial gold list)": extra,
                      "misses": misses}, ensure_ascii=False, indent=1))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--corpus", default="testdata/corpus")
    b.add_argument("--out", required=True)
    b.add_argument("--seed", type=int, default=20260127)
    b.set_defaults(fn=build)
    s = sub.add_parser("score")
    s.add_argument("--set", required=True)
    s.add_argument("--verdicts", required=True)
    s.set_defaults(fn=score_cmd)
    w = sub.add_parser("sweep")
    w.add_argument("--set", required=True)
    w.add_argument("--binary", required=True)
    w.add_argument("--shingles", type=int, nargs="+", default=[5])
    w.add_argument("--bands", type=int, nargs="+", default=[16])
    w.add_argument("--rows", type=int, nargs="+", default=[4])
    w.add_argument("--thresholds", type=float, nargs="+", default=[0.5])
    w.set_defaults(fn=sweep)
    g = sub.add_parser("pages")
    g.add_argument("--corpus", default="testdata/corpus")
    g.add_argument("--out", required=True)
    g.set_defaults(fn=pages)
    k = sub.add_parser("blocks")
    k.add_argument("--pages-verdicts", required=True)
    k.add_argument("--corpus", default="testdata/corpus")
    k.add_argument("--gold", default="/work/shared/eval/gold/dedup.jsonl")
    k.set_defaults(fn=blocks)
    args = p.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
