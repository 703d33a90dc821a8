"""A small, strict parser of the Prometheus text exposition format 0.0.4.

Enough to check what Gleaner's servers serve: HELP and TYPE comments,
samples `name{label="value",...} value`, with label-value escapes (\\\\, \\",
\\n). Raises ValueError on anything malformed, so a test that parses a
scrape also checks its format.

    families = parse(text)
    families["gleaner_stage_documents_total"].type == "counter"
    value(families, "gleaner_stage_documents_total", stage="sentence")
"""

import math
import re

_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
_SAMPLE = re.compile(rf"^({_NAME})(\{{.*\}})?\s+(\S+)(?:\s+(-?\d+))?$")
_LABEL = re.compile(r'\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)')
_TYPES = {"counter", "gauge", "histogram", "summary", "untyped"}
_SUFFIXES = ("_bucket", "_sum", "_count")


class Family:
    def __init__(self, name):
        self.name = name
        self.help = None
        self.type = "untyped"
        # (sample name, frozenset of (label, value)) -> float
        self.samples = {}


def _unescape(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\":
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if nxt not in ('\\', '"', "n"):
                raise ValueError(f"bad escape in {text!r}")
            out.append("\n" if nxt == "n" else nxt)
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _labels(text):
    if not text:
        return frozenset()
    inner, labels, pos = text[1:-1], {}, 0
    while pos < len(inner):
        match = _LABEL.match(inner, pos)
        if not match:
            raise ValueError(f"bad label set {text!r}")
        name = match.group(1)
        if name in labels:
            raise ValueError(f"label {name} twice in {text!r}")
        labels[name] = _unescape(match.group(2))
        pos = match.end()
    return frozenset(labels.items())


def _value(text):
    if text in ("+Inf", "Inf"):
        return math.inf
    if text == "-Inf":
        return -math.inf
    return float(text)  # ValueError if not a number ("NaN" parses)


def _family_of(sample_name, families):
    if sample_name in families:
        return families[sample_name]
    for suffix in _SUFFIXES:
        base = sample_name[:-len(suffix)]
        if sample_name.endswith(suffix) and base in families and \
                families[base].type in ("histogram", "summary"):
            return families[base]
    raise ValueError(f"sample {sample_name} has no # TYPE line before it")


def parse(text):
    """Returns {family name: Family}; raises ValueError if malformed."""
    if text and not text.endswith("\n"):
        raise ValueError("exposition does not end with a newline")
    families = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            parts = line.split(None, 3)
            if len(parts) >= 3 and parts[1] in ("HELP", "TYPE"):
                family = families.setdefault(parts[2], Family(parts[2]))
                rest = parts[3] if len(parts) == 4 else ""
                if parts[1] == "HELP":
                    family.help = rest
                elif rest not in _TYPES:
                    raise ValueError(f"line {number}: unknown type {rest!r}")
                else:
                    family.type = rest
            continue
        match = _SAMPLE.match(line)
        if not match:
            raise ValueError(f"line {number}: not a sample: {line!r}")
        name, labels = match.group(1), _labels(match.group(2))
        family = _family_of(name, families)
        key = (name, labels)
        if key in family.samples:
            raise ValueError(f"line {number}: sample repeated: {line!r}")
        family.samples[key] = _value(match.group(3))
    return families


def value(families, sample_name, **labels):
    """The value of the one sample with exactly these labels (0 if absent)."""
    family = _family_of(sample_name, families)
    return family.samples.get((sample_name, frozenset(labels.items())), 0.0)


def total(families, sample_name, **labels):
    """Sum of every sample of `sample_name` whose labels include `labels`."""
    family = _family_of(sample_name, families)
    wanted = set(labels.items())
    return sum(v for (name, have), v in family.samples.items()
               if name == sample_name and wanted <= have)


def check_histograms(families):
    """Raises ValueError unless every histogram's buckets are cumulative and
    its +Inf bucket equals its _count."""
    for family in families.values():
        if family.type != "histogram":
            continue
        series = {}
        for (name, labels), v in family.samples.items():
            rest = frozenset(kv for kv in labels if kv[0] != "le")
            entry = series.setdefault(rest, {"buckets": [], "count": None})
            if name.endswith("_bucket"):
                entry["buckets"].append((_value(dict(labels)["le"]), v))
            elif name.endswith("_count"):
                entry["count"] = v
        for rest, entry in series.items():
            buckets = sorted(entry["buckets"])
            counts = [c for _, c in buckets]
            if counts != sorted(counts):
                raise ValueError(f"{family.name}{dict(rest)}: not cumulative")
            if not buckets or buckets[-1][0] != math.inf or \
                    buckets[-1][1] != entry["count"]:
                raise ValueError(f"{family.name}{dict(rest)}: +Inf != _count")
