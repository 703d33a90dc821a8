"""Gleaner's Python client: Korean news extraction results as dataclasses.

    import gleaner
    with gleaner.Client("localhost:7000") as client:
        doc = client.analyze("삼성전자는 3조 원을 투자했다.")
        print([(e.text, e.type) for e in doc.entities])
        assert all(doc.text[s.start:s.end] == s.text for s in doc.spans())

See README.md beside this package for submit(), AsyncClient, to_pandas()
and the `python3 -m gleaner` command.
"""

__version__ = "0.1.0"

from gleaner.client import AsyncClient, Client, Submission, read_file, to_raw_document
from gleaner.results import (Amount, AmountAttribution, Document, DuplicateVerdict, Entity, Offsets,
                             RepeatedBlock, Sentence, Span, StageError, TextBlock,
                             convert, from_json, read_jsonl)
from gleaner.tables import COLUMNS, TABLES, to_pandas, write_csv

__all__ = [
    "Amount", "AmountAttribution", "AsyncClient", "COLUMNS", "Client", "Document", "DuplicateVerdict",
    "Entity", "Offsets", "RepeatedBlock", "Sentence", "Span", "StageError",
    "Submission", "TABLES", "TextBlock", "convert", "from_json", "read_file",
    "read_jsonl", "to_pandas", "to_raw_document", "write_csv",
]
