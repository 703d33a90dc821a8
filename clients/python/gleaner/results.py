"""Results as typed dataclasses, with character offsets.

The servers report every span as UTF-8 *byte* offsets (`begin`, `end`) into
`DocumentResult.text`. Python strings index by character, so each span here
carries both: `start`/`end` are character offsets (`doc.text[s.start:s.end]`
is the span's text) and `byte_start`/`byte_end` are the server's.

Conversion is driven by the proto descriptors, not by a hand-kept list of
fields: every field of a message is present (defaults included, proto3
`optional` fields unset are None), enums are their short names
("ORGANIZATION", "MONEY"), and any message with `begin`/`end` fields becomes
a Span. A field added to the protos after this module was written still
appears, as an attribute of the same name (and a message type it does not
know becomes a dataclass generated from its descriptor).

    doc = gleaner.from_json(line)          # a line of `gleaner run` output
    for e in doc.entities:
        assert doc.text[e.start:e.end] == e.text
"""

import dataclasses
import decimal
import json
import re
from array import array
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from google.protobuf import json_format
from google.protobuf.descriptor import FieldDescriptor

from gleaner._stubs import document_pb2


class Offsets:
    """Maps UTF-8 byte offsets into one text to character offsets."""

    def __init__(self, text: str):
        self.text = text
        table = array("I")
        for index, char in enumerate(text):
            code = ord(char)
            width = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
            table.extend([index] * width)
        table.append(len(text))
        self._char_of_byte = table

    def char(self, byte_offset: int) -> Optional[int]:
        """The character holding `byte_offset` (len(text) at the end); None
        past the end, as for an exact duplicate, whose text is not sent."""
        if not 0 <= byte_offset < len(self._char_of_byte):
            return None
        return self._char_of_byte[byte_offset]


@dataclass
class Span:
    """A half-open range of Document.text."""
    #: Character offset of the first character; None only when the byte
    #: offsets do not fall inside the text on character boundaries (never
    #: for results of this Gleaner, whose duplicates keep their text).
    start: Optional[int] = None
    #: Character offset one past the last character.
    end: Optional[int] = None
    #: UTF-8 byte offset of the first byte (the proto's `begin`).
    byte_start: int = 0
    #: UTF-8 byte offset one past the last byte (the proto's `end`).
    byte_end: int = 0
    #: The spanned text.
    text: str = ""


@dataclass
class Sentence(Span):
    """One sentence."""


@dataclass
class TextBlock(Span):
    """A line or paragraph; `source_*` are byte offsets into the raw content."""
    boilerplate: bool = False
    source_begin: int = 0
    source_end: int = 0


@dataclass
class Entity(Span):
    """One entity mention."""
    #: ORGANIZATION, PERSON, LOCATION or PRODUCT.
    type: str = "UNSPECIFIED"
    #: One name for all mentions of the entity.
    canonical: str = ""
    #: GAZETTEER, PATTERN, ALIAS or COREFERENCE.
    method: str = "UNSPECIFIED"
    #: Inside boilerplate or a repeated block (left out of counts).
    flagged: bool = False
    metadata: Dict[str, str] = field(default_factory=dict)


@dataclass
class Amount(Span):
    """Money, a percentage, a percentage-point change or a quantity."""
    _decimals = ("value", "value_max")

    #: MONEY, PERCENT, PERCENT_POINT or QUANTITY.
    kind: str = "UNSPECIFIED"
    #: Exact value in base units; None when vague.
    value: Optional[decimal.Decimal] = None
    #: Upper end of a range amount (5~20%), else None.
    value_max: Optional[decimal.Decimal] = None
    #: ISO 4217 code for money.
    currency: str = ""
    unit: str = ""
    canonical_unit: str = ""
    approximate: bool = False
    #: UNSPECIFIED, LOWER_INCLUSIVE, LOWER_EXCLUSIVE, UPPER_INCLUSIVE, UPPER_EXCLUSIVE.
    bound: str = "UNSPECIFIED"
    vague: bool = False
    magnitude: int = 0
    per_unit: bool = False
    #: Index in Document.amounts of the other end of a range.
    range_partner: Optional[int] = None
    #: Index in Document.amounts of the amount this one converts.
    conversion_of: Optional[int] = None
    qualifiers: List[str] = field(default_factory=list)


@dataclass
class AmountAttribution:
    """The entity a money amount belongs to (one per amount that is not a
    conversion; a conversion is listed in its original's `conversions`)."""
    #: Index in Document.amounts.
    amount_index: int = 0
    #: Index in Document.entities of the owner (investor, acquirer, the
    #: company whose revenue it is); None when the sentence names none.
    entity_index: Optional[int] = None
    #: The owner's canonical name ("" when None).
    canonical: str = ""
    #: Index in Document.entities of the investee, target or deal partner.
    counterparty_index: Optional[int] = None
    counterparty: str = ""
    #: INVEST, ACQUIRE, CONTRACT, REVENUE, PROFIT_LOSS, VALUATION, FUND,
    #: MARKET_VALUE, PRICE or OTHER.
    relation: str = "UNSPECIFIED"
    #: The rule that chose the entity ("subject_particle", "possessive", ...).
    rule: str = ""
    confidence: float = 0.0
    #: UTF-8 byte offsets of the cue word in Document.text.
    cue_begin: int = 0
    cue_end: int = 0
    #: Indexes in Document.amounts of this amount's conversions.
    conversions: List[int] = field(default_factory=list)


@dataclass
class RepeatedBlock(Span):
    """A block seen before, in this document or an earlier one."""
    first_begin: int = 0
    cross_document: bool = False
    first_document_id: str = ""


@dataclass
class DuplicateVerdict:
    """The dedup stage's verdict."""
    #: UNSPECIFIED (not checked), UNIQUE, EXACT or NEAR.
    kind: str = "UNSPECIFIED"
    duplicate_of: str = ""
    cluster_id: str = ""
    similarity: float = 0.0
    repeated_blocks: List[RepeatedBlock] = field(default_factory=list)
    sequence: Optional[int] = None
    duplicate_of_sequence: Optional[int] = None


@dataclass
class StageError:
    """A stage that failed on one document."""
    stage: str = "UNSPECIFIED"
    code: str = ""
    message: str = ""


@dataclass
class Document:
    """Everything Gleaner found in one document (gleaner.v1.DocumentResult)."""
    id: str = ""
    source: str = ""
    #: The cleaned text every span points into.
    text: str = ""
    content_type: str = "UNSPECIFIED"
    source_encoding: str = ""
    replaced_bytes: int = 0
    blocks: List[TextBlock] = field(default_factory=list)
    sentences: List[Sentence] = field(default_factory=list)
    entities: List[Entity] = field(default_factory=list)
    amounts: List[Amount] = field(default_factory=list)
    duplicate: Optional[DuplicateVerdict] = None
    completed_stages: List[str] = field(default_factory=list)
    errors: List[StageError] = field(default_factory=list)
    skipped_as_duplicate: bool = False
    metadata: Dict[str, str] = field(default_factory=dict)
    #: The entity and relation of each money amount (issue 16).
    attributions: List[AmountAttribution] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        """True when any stage failed on this document."""
        return bool(self.errors)

    def spans(self):
        """Every Span of the document, nested ones included, in field order."""
        return list(_walk_spans(self))


_CLASSES = {
    "gleaner.v1.DocumentResult": Document,
    "gleaner.v1.SentenceSpan": Sentence,
    "gleaner.v1.TextBlock": TextBlock,
    "gleaner.v1.Entity": Entity,
    "gleaner.v1.Amount": Amount,
    "gleaner.v1.AmountAttribution": AmountAttribution,
    "gleaner.v1.RepeatedBlock": RepeatedBlock,
    "gleaner.v1.DuplicateVerdict": DuplicateVerdict,
    "gleaner.v1.StageError": StageError,
}
_GENERATED = {}
# The proto's byte offsets, renamed so that start/end can be characters.
_RENAMED = {"begin": "byte_start", "end": "byte_end"}


def _is_span(descriptor) -> bool:
    names = descriptor.fields_by_name
    return "begin" in names and "end" in names


def _class_for(descriptor):
    """The dataclass for a message type; generated from the descriptor when
    this module does not declare one (a message added to the protos later)."""
    cls = _CLASSES.get(descriptor.full_name) or _GENERATED.get(descriptor.full_name)
    if cls is None:
        fields = [(_RENAMED.get(f.name, f.name) if _is_span(descriptor) else f.name,
                   Any, field(default=None))
                  for f in descriptor.fields]
        if _is_span(descriptor):
            declared = {f.name for f in dataclasses.fields(Span)}
            fields = [f for f in fields if f[0] not in declared]
        cls = dataclasses.make_dataclass(
            descriptor.name, fields, bases=(Span,) if _is_span(descriptor) else ())
        _GENERATED[descriptor.full_name] = cls
    return cls


def _enum_prefix(enum_descriptor) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", enum_descriptor.name).upper() + "_"


def _enum_name(enum_descriptor, number: int):
    value = enum_descriptor.values_by_number.get(number)
    if value is None:  # a value newer than the stubs
        return number
    prefix = _enum_prefix(enum_descriptor)
    return value.name[len(prefix):] if value.name.startswith(prefix) else value.name


def _scalar(fd, value, offsets):
    if fd.type == FieldDescriptor.TYPE_MESSAGE:
        return convert(value, offsets)
    if fd.type == FieldDescriptor.TYPE_ENUM:
        return _enum_name(fd.enum_type, value)
    return value


def _field_value(message, fd, offsets):
    value = getattr(message, fd.name)
    if fd.label == FieldDescriptor.LABEL_REPEATED:
        if fd.message_type is not None and fd.message_type.GetOptions().map_entry:
            value_fd = fd.message_type.fields_by_name["value"]
            return {k: _scalar(value_fd, v, offsets) for k, v in value.items()}
        return [_scalar(fd, v, offsets) for v in value]
    if fd.has_presence and not message.HasField(fd.name):
        return None
    return _scalar(fd, value, offsets)


def convert(message, offsets: Optional[Offsets] = None):
    """Converts any gleaner.v1 message to its dataclass.

    `offsets` maps byte offsets of the document's text to characters; a
    DocumentResult makes its own. Without it spans keep start/end None.
    """
    descriptor = message.DESCRIPTOR
    if descriptor.full_name == "gleaner.v1.DocumentResult":
        offsets = Offsets(message.text)
    cls = _class_for(descriptor)
    declared = {f.name for f in dataclasses.fields(cls)}
    values, newer = {}, {}
    span = _is_span(descriptor)
    for fd in descriptor.fields:
        name = _RENAMED.get(fd.name, fd.name) if span else fd.name
        (values if name in declared else newer)[name] = _field_value(message, fd, offsets)
    for name in getattr(cls, "_decimals", ()):
        values[name] = decimal.Decimal(values[name]) if values.get(name) else None
    if span and offsets is not None:
        values["start"] = offsets.char(values["byte_start"])
        values["end"] = offsets.char(values["byte_end"])
        if values["start"] is None or values["end"] is None:
            values["start"] = values["end"] = None
        elif "text" not in descriptor.fields_by_name:
            values["text"] = offsets.text[values["start"]:values["end"]]
    obj = cls(**values)
    for name, value in newer.items():  # fields newer than this module
        setattr(obj, name, value)
    return obj


def _walk_spans(obj):
    if isinstance(obj, Span):
        yield obj
    if dataclasses.is_dataclass(obj):
        children = [getattr(obj, f.name) for f in dataclasses.fields(obj)]
        children += [v for k, v in vars(obj).items()
                     if k not in {f.name for f in dataclasses.fields(obj)}]
        for child in children:
            yield from _walk_spans(child)
    elif isinstance(obj, (list, tuple)):
        for child in obj:
            yield from _walk_spans(child)
    elif isinstance(obj, dict):
        for child in obj.values():
            yield from _walk_spans(child)


def from_json(record) -> Document:
    """A Document from one line (or parsed object) of `gleaner run` JSON."""
    if isinstance(record, (str, bytes)):
        record = json.loads(record)
    message = json_format.ParseDict(record, document_pb2.DocumentResult(),
                                    ignore_unknown_fields=True)
    return convert(message)


def read_jsonl(path) -> List[Document]:
    """Every Document of a JSON Lines file written by `gleaner run/submit`."""
    with open(path, encoding="utf-8") as f:
        return [from_json(line) for line in f if line.strip()]
