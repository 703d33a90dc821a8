"""The HTML report rendered by headless Chromium (Debian's `chromium`):
the page shows the corpus's top entities, the money credited to each entity
with exact totals, the story clusters, co-occurrence and sources of the
corpus view, and highlights every mention."""

import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from clients.python.tests import support

support.install()
import gleaner  # noqa: E402
from gleaner import report  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def chromium(*args):
    """Runs headless Chromium on the page; returns stdout."""
    profile = tempfile.mkdtemp(prefix="gleaner-chromium-")
    # --no-sandbox: tests run as root in CI; the page is our own file.
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
               "--disable-dev-shm-usage", "--no-first-run", f"--user-data-dir={profile}",
               *args]
    out = subprocess.run(command, capture_output=True, text=True, timeout=120,
                         env=dict(os.environ, HOME=profile))
    if out.returncode != 0:
        raise AssertionError(f"chromium failed: {out.stderr[-2000:]}")
    return out.stdout


class Page(html.parser.HTMLParser):
    """What the rendered DOM holds: section texts and <mark>s per document."""

    def __init__(self):
        super().__init__()
        self.section = None
        self.article = None
        self.text = {}  # section id -> text
        self.marks = {}  # article id -> [(class, text)]
        self.mark = None
        self.external = []
        self.rows = {}  # section id -> [[cell text, ...], ...]
        self.cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("src", "href"):
            if attrs.get(name):
                self.external.append((tag, attrs[name]))
        if tag in ("script", "link", "img", "iframe"):
            self.external.append((tag, attrs))
        if tag == "section":
            self.section = attrs.get("id")
            self.text.setdefault(self.section, "")
        elif tag == "article":
            self.article = attrs.get("id")
            self.marks[self.article] = []
        elif tag == "mark" and self.article:
            self.mark = [attrs.get("class", ""), ""]
        elif tag == "tr" and self.section:
            self.rows.setdefault(self.section, []).append([])
        elif tag in ("td", "th") and self.section in self.rows:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[self.section][-1].append(self.cell)
            self.cell = None
        if tag == "mark" and self.mark is not None:
            self.marks[self.article].append(tuple(self.mark))
            self.mark = None
        elif tag == "article":
            self.article = None

    def handle_data(self, data):
        if self.section:
            self.text[self.section] += data
        if self.mark is not None:
            self.mark[1] += data
        if self.cell is not None:
            self.cell += data


class ReportBrowserTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gleaner-report-")
        jsonl, view_path = support.run_corpus(cls.tmp)
        cls.documents = gleaner.read_jsonl(jsonl)
        cls.view = support.load_json(view_path)
        cls.page_path = os.path.join(cls.tmp, "report.html")
        subprocess.run([sys.executable, "-m", "gleaner", "report", jsonl,
                        "--corpus-view", view_path, "--output", cls.page_path],
                       check=True, env=support.python_env())
        cls.page = Page()
        cls.page.feed(chromium("--dump-dom", "file://" + cls.page_path))

    def test_page_shows_the_corpus_top_entities(self):
        top = [c["canonical"] for c in self.view["entity_counts"][:10]]
        self.assertEqual(len(top), 10)
        shown = self.page.text["top-entities"]
        for name in top:
            self.assertIn(name, shown)
        # And in the chart's order: most mentioned first.
        positions = [shown.index(name) for name in top[:5]]
        self.assertEqual(positions, sorted(positions))

    def test_every_mention_and_free_amount_is_highlighted(self):
        self.assertEqual(len(self.page.marks), len(self.documents))
        for doc in self.documents:
            marks = self.page.marks["doc-" + doc.id]
            entity_marks = [text for css, text in marks if css.startswith("entity")]
            self.assertEqual(entity_marks, [e.text for e in doc.entities], doc.id)
            amount_marks = [text for css, text in marks if css.startswith("amount")]
            expected = [text for start, end, css, _ in report.marked_spans(doc)
                        if css.startswith("amount") for text in [doc.text[start:end]]]
            self.assertEqual(amount_marks, expected, doc.id)
            self.assertGreater(len(amount_marks), 0, doc.id)

    def test_sections_are_all_there(self):
        for section in ("top-entities", "amounts-by-entity", "stories", "cooccurrence",
                        "sources", "duplicates", "documents"):
            self.assertIn(section, self.page.text)
        # The aggregator's entity with the most money is on the page.
        most = max(self.view["amounts_by_entity"], key=lambda e: len(e.get("amounts", [])))
        self.assertIn(most["canonical"], self.page.text["amounts-by-entity"])

    def row_of(self, section, first):
        """The table row of `section` whose first cell is `first`."""
        rows = [r for r in self.page.rows.get(section, []) if r and r[0] == first]
        self.assertEqual(len(rows), 1, f"{section}: {first}")
        return rows[0]

    def test_money_is_credited_with_relations_and_exact_totals(self):
        ranked = sorted(self.view["amounts_by_entity"],
                        key=lambda e: (-len(e.get("amounts", [])), e["canonical"]))
        self.assertGreaterEqual(len(ranked), 5)
        for entry in ranked[:5]:
            row = self.row_of("amounts-by-entity", entry["canonical"])
            self.assertEqual(row[1], str(len(entry["amounts"])))
            for total in entry.get("totals", []):
                self.assertIn(f'{total["total"]} {total["currency"]}', row[2])
            for amount in entry["amounts"]:
                self.assertIn(amount.get("relation") or "other", row[3])
        # Issue 16's seed: 380억달러 is 오픈AI's once; its conversion 약 54조원 is
        # listed under no one.
        openai = self.row_of("amounts-by-entity", "오픈AI")
        self.assertIn("380억달러", openai[4])
        self.assertNotIn("54조원", self.page.text["amounts-by-entity"])

    def test_story_clusters_of_the_view_are_shown(self):
        clusters = self.view.get("story_clusters", [])
        self.assertGreater(len(clusters), 0)
        shown = self.page.text["stories"]
        for cluster in clusters:
            self.assertIn(cluster["story_id"], shown)
            for job, doc in zip(cluster["job_ids"], cluster["document_ids"]):
                self.assertIn(f"{job}/{doc}", shown)

    def test_cooccurrence_counts_sentences_and_documents(self):
        # proto3 JSON leaves zero counts out.
        top = max(self.view["co_occurrences"], key=lambda c: c.get("same_sentence", 0))
        a, b = sorted((top["canonical_a"], top["canonical_b"]))
        row = [r for r in self.page.rows["cooccurrence"] if r[:2] == [a, b]]
        self.assertEqual(len(row), 1, (a, b))
        self.assertEqual(row[0][2:], [str(top.get("same_sentence", 0)),
                                      str(top.get("same_document", 0))])

    def test_documents_per_source(self):
        for count in self.view["source_counts"]:
            row = self.row_of("sources", count["source"])
            self.assertEqual(row[1], str(count.get("documents", 0)))
            self.assertEqual(row[2], str(count.get("duplicates", 0)))

    def test_page_is_self_contained(self):
        self.assertEqual(self.page.external, [])
        with open(self.page_path, encoding="utf-8") as f:
            source = f.read()
        for word in ("http://", "https://"):
            self.assertEqual(source.count(word), source.count(f'xmlns="{word}www.w3.org'), word)

    def test_screenshot(self):
        out_dir = os.environ.get("TEST_UNDECLARED_OUTPUTS_DIR", self.tmp)
        path = os.path.join(out_dir, "report.png")
        chromium("--screenshot=" + path, "--window-size=1280,2400",
                 "--hide-scrollbars", "file://" + self.page_path)
        with open(path, "rb") as f:
            header = f.read(8)
        self.assertEqual(header, b"\x89PNG\r\n\x1a\n")
        self.assertGreater(os.path.getsize(path), 20000)


if __name__ == "__main__":
    unittest.main()
