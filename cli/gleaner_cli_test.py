"""The `gleaner` command as a user runs it: formats, inputs, help, exit
codes, progress and summary, against the embedded pipeline and a real
cluster on loopback."""

import json
import os
import pty
import subprocess
import tempfile
import unittest

from clients.python.tests import support
from tests.integration import cluster

support.install()
import gleaner  # noqa: E402  (the installed package)
import pandas  # noqa: E402

GLEANER = cluster.runfile(cluster.BINARIES["gleaner"])


def run(*args, stdin=None, env=None):
    return subprocess.run([GLEANER, *args], input=stdin, capture_output=True, text=True,
                          env=env)


class CommandLineTest(unittest.TestCase):

    def test_version_names_the_release_not_a_debug_build(self):
        for args in (["--version"], ["version"]):
            out = run(*args)
            self.assertEqual(out.returncode, 0, out.stderr)
            self.assertTrue(out.stdout.startswith(f"gleaner {gleaner.__version__} ("), out.stdout)
            self.assertNotIn("Debug build", out.stdout)

    def test_help_per_command(self):
        cases = [
            (["run", "--help"], ["--format", "--output", "--dedup_index"], ["--coordinator"]),
            (["submit", "-h"], ["--coordinator", "--format"], ["--dedup_index"]),
            (["help", "report"], ["--corpus_view", "report RESULTS.jsonl"], ["--coordinator"]),
            (["--help"], ["exit codes:", "gleaner run", "gleaner submit", "gleaner report"], []),
        ]
        for args, present, absent in cases:
            out = run(*args)
            self.assertEqual(out.returncode, 0, args)
            for text in present:
                self.assertIn(text, out.stdout, args)
            for text in absent:
                self.assertNotIn(text, out.stdout, args)

    def test_usage_errors_exit_2(self):
        for args in ([], ["frobnicate", "x"], ["run"],
                     ["run", support.CORPUS[0], "--format=xml"],
                     ["run", support.CORPUS[0], "--format=csv"],
                     ["run", support.CORPUS[0], "--no_such_flag"],
                     ["run", support.CORPUS[0], "--max_in_flight=many"]):
            self.assertEqual(run(*args).returncode, 2, args)

    def test_unreadable_input_exits_3(self):
        self.assertEqual(run("run", "/no/such/file.txt").returncode, 3)

    def test_dedup_check_tells_a_damaged_index_and_the_server_refuses_it(self):
        index = tempfile.mkdtemp(prefix="gleaner-index-")
        out = run("run", f"--dedup_index={index}", "--output=/dev/null", *support.CORPUS)
        self.assertEqual(out.returncode, 0, out.stderr)
        check = run("dedup-check", index)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("healthy", check.stdout)
        # One flipped bit in the middle of the log.
        log = os.path.join(index, "dedup.log")
        with open(log, "r+b") as f:
            size = os.path.getsize(log)
            f.seek(size // 2)
            byte = f.read(1)
            f.seek(size // 2)
            f.write(bytes([byte[0] ^ 0x20]))
        check = run("dedup-check", index)
        self.assertEqual(check.returncode, 4, check.stdout + check.stderr)
        self.assertIn("DAMAGED", check.stdout)
        again = run("run", f"--dedup_index={index}", "--output=/dev/null", *support.CORPUS)
        self.assertEqual(again.returncode, 3)
        self.assertIn("intact records follow", again.stderr)
        # The dedup server refuses it too, instead of coming up SERVING
        # with half the index (issue 14).
        with self.assertRaises(RuntimeError) as refused:
            cluster.Server("dedup", [f"--index_dir={index}"])
        self.assertIn("intact records follow", str(refused.exception))
        self.assertEqual(os.path.getsize(log), size)  # nothing was truncated


class OutputTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gleaner-cli-")
        cls.jsonl, cls.view = support.run_corpus(cls.tmp)
        cls.documents = gleaner.read_jsonl(cls.jsonl)

    def read_tables(self, prefix):
        return {t: pandas.read_csv(f"{prefix}.{t}.csv", keep_default_na=False,
                                   dtype={"value": str, "value_max": str})
                for t in gleaner.TABLES}

    def test_a_rerun_against_a_persistent_index_is_answered_from_the_store(self):
        tmp = tempfile.mkdtemp(prefix="gleaner-rerun-")
        store = f"sqlite:{tmp}/store.db"
        # The same pages under new paths (ids): the index holds them already.
        copies = os.path.join(tmp, "copies")
        os.mkdir(copies)
        for path in support.CORPUS:
            with open(path, "rb") as src, open(os.path.join(copies, os.path.basename(path)),
                                               "wb") as dst:
                dst.write(src.read())
        common = [f"--dedup_index={tmp}/index", f"--store={store}"]
        first = run("run", *support.CORPUS, *common, f"--output={tmp}/first.jsonl")
        self.assertEqual(first.returncode, 0, first.stderr)
        again = run("run", copies, *common, f"--output={tmp}/again.jsonl")
        self.assertEqual(again.returncode, 0, again.stderr)
        with open(f"{tmp}/first.jsonl", encoding="utf-8") as f:
            first_rows = {r["id"]: r for r in map(json.loads, f)}
        with open(f"{tmp}/again.jsonl", encoding="utf-8") as f:
            again_rows = [json.loads(line) for line in f]
        self.assertEqual(len(again_rows), len(first_rows))
        for row in again_rows:
            # Still an exact duplicate, but never blank: the first run's facts.
            self.assertEqual(row["duplicate"]["kind"], "DUPLICATE_KIND_EXACT")
            self.assertTrue(row["skipped_as_duplicate"])
            original = first_rows[row["results_from"]["document_id"]]
            self.assertEqual(row.get("entities"), original.get("entities"))
            self.assertEqual(row.get("amounts"), original.get("amounts"))
        self.assertTrue(any(row.get("entities") for row in again_rows))

        # `gleaner view` across both runs: the re-run adds documents, not facts.
        view = run("view", store, "--output=-")
        self.assertEqual(view.returncode, 0, view.stderr)
        across = json.loads(view.stdout)
        self.assertEqual(across["documents"], 2 * len(first_rows))
        self.assertEqual(across["jobs"], 2)
        first_job = run("view", store, "--job=" + again_rows[0]["results_from"]["job_id"],
                        "--output=-")
        self.assertEqual(first_job.returncode, 0, first_job.stderr)
        self.assertEqual(across["entity_counts"], json.loads(first_job.stdout)["entity_counts"])
        self.assertEqual(run("view", "nosuch:x").returncode, 2)

    def test_csv_tables_open_in_pandas_with_the_documented_columns(self):
        prefix = os.path.join(self.tmp, "tables")
        out = run("run", *support.CORPUS, "--format=csv", "--output=" + prefix,
                  "--progress=false")
        self.assertEqual(out.returncode, 0, out.stderr)
        tables = self.read_tables(prefix)
        for table, frame in tables.items():
            self.assertEqual(list(frame.columns), gleaner.COLUMNS[table], table)
        self.assertEqual(list(tables["documents"].document_id), support.CORPUS)
        for table in ("sentences", "entities", "amounts"):
            self.assertEqual(len(tables[table]),
                             sum(len(getattr(d, table)) for d in self.documents), table)
        # Character offsets in the CSV slice the text as Python counts it.
        texts = {d.id: d.text for d in self.documents}
        for table in ("sentences", "entities", "amounts"):
            for row in tables[table].itertuples():
                self.assertEqual(texts[row.document_id][row.start:row.end], row.text, table)
        # The same cells as the Python package's own CSV of the same run.
        python_prefix = os.path.join(self.tmp, "python_tables")
        gleaner.write_csv(self.documents, python_prefix)
        for table in gleaner.TABLES:
            got, expected = (pandas.read_csv(f"{p}.{table}.csv", dtype=str, keep_default_na=False)
                             for p in (prefix, python_prefix))
            for column in gleaner.COLUMNS[table]:
                if column == "similarity":  # doubles: printed to different digits
                    for a, b in zip(got[column], expected[column]):
                        self.assertAlmostEqual(float(a), float(b), places=5)
                else:
                    self.assertEqual(list(got[column]), list(expected[column]), (table, column))

    def test_output_named_csv_selects_csv(self):
        out = run("run", support.CORPUS[0], "--output=" + os.path.join(self.tmp, "by_name.csv"),
                  "--progress=false")
        self.assertEqual(out.returncode, 0, out.stderr)
        for table in gleaner.TABLES:
            self.assertTrue(os.path.exists(os.path.join(self.tmp, f"by_name.{table}.csv")))

    def test_records_from_stdin_and_from_a_jsonl_file(self):
        records = [{"id": "r1", "source": "unit", "text": "삼성전자가 3조 원을 투자했다."},
                   {"id": "r2", "content": "<p>카카오는 <b>네이버</b>와 경쟁한다.</p>",
                    "content_type": "html"}]
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        path = os.path.join(self.tmp, "records.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(lines)
        for args, stdin in (([path], None), (["-"], lines)):
            out = run("run", *args, "--progress=false", stdin=stdin)
            self.assertEqual(out.returncode, 0, out.stderr)
            docs = [gleaner.from_json(line) for line in out.stdout.splitlines()]
            self.assertEqual([d.id for d in docs], ["r1", "r2"], args)
            self.assertEqual(docs[0].source, "unit")
            self.assertIn("삼성전자", [e.text for e in docs[0].entities])
            self.assertEqual(docs[1].content_type, "HTML")
            self.assertNotIn("<b>", docs[1].text)

    def test_a_failed_document_exits_1_and_the_rest_complete(self):
        lines = ('{"id":"good","text":"현대차가 1조 원을 벌었다."}\n'
                 '{"id":"bad","text":"x","encoding":"no-such-encoding"}\n'
                 'not json\n')
        out = run("run", "-", "--progress=false", stdin=lines)
        self.assertEqual(out.returncode, 1, out.stderr)
        docs = {d.id: d for d in map(gleaner.from_json, out.stdout.splitlines())}
        self.assertEqual(set(docs), {"good", "bad", "stdin:3"})
        self.assertFalse(docs["good"].failed)
        self.assertTrue(docs["bad"].failed)
        self.assertTrue(docs["stdin:3"].failed)
        self.assertIn("failed            2", out.stderr)

    def test_lexicon_flag_adds_word_list_entries(self):
        lexicon = os.path.join(self.tmp, "my_lists.tsv")
        with open(lexicon, "w", encoding="utf-8") as f:
            f.write("# extra titles and organisation suffixes\ntitles\t주무관\norg_suffixes\t재건단\n")
        line = '{"id":"d","text":"박지훈 주무관은 한빛재건단이 맡는다고 설명했다."}\n'

        def entities(*flags):
            out = run("run", "-", "--progress=false", *flags, stdin=line)
            self.assertEqual(out.returncode, 0, out.stderr)
            return [(e.text, e.type) for e in gleaner.from_json(out.stdout.splitlines()[0]).entities]

        self.assertEqual(entities(), [])
        self.assertEqual(entities("--lexicon=" + lexicon),
                         [("박지훈", "PERSON"), ("한빛재건단", "ORGANIZATION")])
        missing = run("run", "-", "--progress=false", "--lexicon=/no/such/lists.tsv", stdin=line)
        self.assertEqual(missing.returncode, 3)
        self.assertIn("/no/such/lists.tsv", missing.stderr)
        with open(lexicon, "a", encoding="utf-8") as f:
            f.write("no tab here\n")
        bad = run("run", "-", "--progress=false", "--lexicon=" + lexicon, stdin=line)
        self.assertEqual(bad.returncode, 2, bad.stderr)
        self.assertIn("my_lists.tsv:4:", bad.stderr)

    def test_summary_table_names_top_entities_and_largest_amounts(self):
        out = run("run", *support.CORPUS, "--output=" + os.path.join(self.tmp, "s.jsonl"),
                  "--progress=false")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertIn("gleaner: summary", out.stderr)
        self.assertIn(f"documents         {len(support.CORPUS)}", out.stderr)
        top = support.load_json(self.view)["entity_counts"][0]["canonical"]
        self.assertIn("top entities", out.stderr)
        self.assertIn(top, out.stderr.split("top entities")[1].split("\n")[1])
        self.assertIn("largest amounts", out.stderr)

    def test_progress_bar_on_a_terminal(self):
        leader, follower = pty.openpty()
        process = subprocess.Popen([GLEANER, "run", *support.CORPUS,
                                    "--output=" + os.path.join(self.tmp, "tty.jsonl")],
                                   stderr=follower, stdout=subprocess.DEVNULL)
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
        os.close(leader)
        self.assertEqual(process.wait(), 0)
        text = seen.decode("utf-8", "replace")
        self.assertIn("\r[", text)
        self.assertIn(f"100%  {len(support.CORPUS)}/{len(support.CORPUS)} docs", text)
        self.assertIn("docs/s", text)

    def test_report_command_writes_html_through_the_python_package(self):
        html = os.path.join(self.tmp, "report.html")
        out = run("report", self.jsonl, "--corpus_view=" + self.view, "--output=" + html,
                  env=support.python_env())
        self.assertEqual(out.returncode, 0, out.stderr)
        with open(html, encoding="utf-8") as f:
            page = f.read()
        top = support.load_json(self.view)["entity_counts"][0]["canonical"]
        self.assertIn(top, page)
        self.assertIn("<svg", page)

    def test_report_without_the_package_says_how_to_install_it(self):
        env = dict(os.environ, PYTHONPATH="", GLEANER_PYTHON="/usr/bin/python3")
        out = run("report", self.jsonl, "--output=" + os.path.join(self.tmp, "x.html"),
                  env=env)
        self.assertEqual(out.returncode, 3)
        self.assertIn("pip install", out.stderr)


class SubmitTest(unittest.TestCase):

    def test_submit_writes_csv_and_exits_1_on_a_failed_document(self):
        tmp = tempfile.mkdtemp(prefix="gleaner-submit-")
        records = os.path.join(tmp, "in.jsonl")
        with open(records, "w", encoding="utf-8") as f:
            f.write('{"id":"ok","text":"엘지전자가 5천억 원을 벌었다."}\n')
            f.write('{"id":"broken","text":"x","encoding":"no-such-encoding"}\n')
        with cluster.Cluster() as c:
            out = run("submit", "--coordinator=" + c.coordinator.address, *c.client_flags, records,
                      "--format=csv", "--output=" + os.path.join(tmp, "out"),
                      "--progress=false")
        self.assertEqual(out.returncode, 1, out.stderr)
        documents = pandas.read_csv(os.path.join(tmp, "out.documents.csv"),
                                    keep_default_na=False)
        self.assertEqual(list(documents.document_id), ["ok", "broken"])
        self.assertEqual(list(documents.failed), [False, True])


if __name__ == "__main__":
    unittest.main()
