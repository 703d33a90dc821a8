"""Flat tables of results: documents, sentences, entities, amounts.

The same columns as `gleaner run --format=csv` (README, "CSV tables"), so a
frame built here and a CSV file read with pandas line up:

    frames = gleaner.to_pandas(documents)          # dict of DataFrames
    frames["entities"].groupby("canonical").size()
    gleaner.to_pandas(documents, "amounts")        # one DataFrame

Offsets appear twice: `start`/`end` in characters (slice Python strings
with them) and `byte_start`/`byte_end` in UTF-8 bytes (the server's).
"""

import csv
from typing import Dict, Iterable, List

SPAN_COLUMNS = ["document_id", "index", "start", "end", "byte_start", "byte_end", "text"]

COLUMNS = {
    "documents": ["document_id", "source", "content_type", "source_encoding",
                  "characters", "bytes", "sentences", "entities", "amounts",
                  "duplicate_kind", "duplicate_of", "cluster_id", "similarity",
                  "failed", "failed_stages", "error"],
    "sentences": SPAN_COLUMNS,
    "entities": SPAN_COLUMNS + ["type", "canonical", "method", "flagged"],
    "amounts": SPAN_COLUMNS + ["kind", "value", "value_max", "currency", "unit",
                               "canonical_unit", "approximate", "bound", "vague",
                               "magnitude", "per_unit", "range_partner",
                               "conversion_of", "qualifiers"],
}
TABLES = list(COLUMNS)


def _document_row(doc) -> dict:
    verdict = doc.duplicate
    return {
        "document_id": doc.id, "source": doc.source, "content_type": doc.content_type,
        "source_encoding": doc.source_encoding, "characters": len(doc.text),
        "bytes": len(doc.text.encode("utf-8")), "sentences": len(doc.sentences),
        "entities": len(doc.entities), "amounts": len(doc.amounts),
        "duplicate_kind": verdict.kind if verdict else "UNSPECIFIED",
        "duplicate_of": verdict.duplicate_of if verdict else "",
        "cluster_id": verdict.cluster_id if verdict else "",
        "similarity": verdict.similarity if verdict else 0.0,
        "failed": doc.failed,
        "failed_stages": ";".join(e.stage for e in doc.errors),
        "error": doc.errors[0].message if doc.errors else "",
    }


def _span_rows(doc, spans, columns) -> List[dict]:
    rows = []
    for index, span in enumerate(spans):
        row = {"document_id": doc.id, "index": index}
        for column in columns[2:]:
            value = getattr(span, column)
            if column == "qualifiers":
                value = ";".join(value)
            elif value is None:
                value = ""
            row[column] = value if not hasattr(value, "as_tuple") else str(value)
        rows.append(row)
    return rows


def rows(documents: Iterable, table: str) -> List[dict]:
    """The rows of one table ("documents", "sentences", "entities", "amounts")."""
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    out = []
    for doc in documents:
        if table == "documents":
            out.append(_document_row(doc))
        else:
            out.extend(_span_rows(doc, getattr(doc, table), COLUMNS[table]))
    return out


def to_pandas(documents: Iterable, table: str = None):
    """One DataFrame (`table` given) or a dict of all four, by table name."""
    import pandas  # python3-pandas; only needed here
    documents = list(documents)
    if table is not None:
        return pandas.DataFrame(rows(documents, table), columns=COLUMNS[table])
    return {name: pandas.DataFrame(rows(documents, name), columns=COLUMNS[name])
            for name in TABLES}


def write_csv(documents: Iterable, prefix: str) -> Dict[str, str]:
    """Writes PREFIX.documents.csv ... PREFIX.amounts.csv; returns the paths."""
    documents = list(documents)
    paths = {}
    for table in TABLES:
        path = f"{prefix}.{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=COLUMNS[table])
            writer.writeheader()
            for row in rows(documents, table):
                # Lower-case booleans, as the C++ writer prints them.
                writer.writerow({k: (str(v).lower() if isinstance(v, bool) else v)
                                 for k, v in row.items()})
        paths[table] = path
    return paths
