"""The test parser accepts the exposition format and rejects malformed text."""

import math
import unittest

from tests.integration import prometheus_text as prom

GOOD = """# HELP docs_total Documents.
# TYPE docs_total counter
docs_total{stage="dedup",code="OK"} 7
docs_total{stage="a\\\\b\\"c\\nd",code="OK"} 1
# TYPE lat histogram
lat_bucket{le="0.1"} 1
lat_bucket{le="+Inf"} 3
lat_sum 2.5
lat_count 3
"""


class PrometheusTextTest(unittest.TestCase):

    def test_parses_samples_labels_and_escapes(self):
        m = prom.parse(GOOD)
        self.assertEqual(m["docs_total"].type, "counter")
        self.assertEqual(m["docs_total"].help, "Documents.")
        self.assertEqual(prom.value(m, "docs_total", stage="dedup", code="OK"), 7)
        self.assertEqual(prom.value(m, "docs_total", stage='a\\b"c\nd', code="OK"), 1)
        self.assertEqual(prom.total(m, "docs_total", code="OK"), 8)
        self.assertEqual(prom.value(m, "lat_bucket", le="+Inf"), 3)
        self.assertEqual(prom.value(m, "docs_total", stage="absent", code="OK"), 0)
        prom.check_histograms(m)
        self.assertTrue(math.isinf(prom._value("+Inf")))

    def test_rejects_malformed_text(self):
        for bad in ["docs_total 1\n",                       # no TYPE first
                    "# TYPE x counter\nx{a=\"1\" 2\n",      # unclosed labels
                    "# TYPE x counter\nx one\n",            # not a number
                    "# TYPE x counter\nx 1\nx 2\n",         # repeated sample
                    "# TYPE x countr\n",                    # unknown type
                    "# TYPE x counter\nx 1"]:               # no final newline
            with self.assertRaises(ValueError, msg=bad):
                prom.parse(bad)

    def test_histogram_checks(self):
        broken = GOOD.replace("lat_count 3", "lat_count 4")
        with self.assertRaises(ValueError):
            prom.check_histograms(prom.parse(broken))
        falling = GOOD.replace('lat_bucket{le="0.1"} 1', 'lat_bucket{le="0.1"} 5')
        with self.assertRaises(ValueError):
            prom.check_histograms(prom.parse(falling))


if __name__ == "__main__":
    unittest.main()
