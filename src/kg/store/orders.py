"""The orders of the longest listings, written beside a store when `kg load` makes it.

`kg serve` cuts a class's members into pages in the code point order of their IRIs
(`kg.server.listings`). Ordering a long listing takes its whole list from the store and a sort:
14 s the first time for the 670,924 annotations of 10,000 synthetic documents, on a store just
opened. A store changes only when it is loaded (each load is a new generation,
`kg.store.generations`), so the load orders the members of every class with at least
`FROM_MEMBERS` of them, once, into `orders/` inside the generation, and the server reads an
order from there instead of computing it (mapped into memory: the page cache holds it once for
every process).

An order is a `SortedTerms`: the listing's terms (IRIs, then blank nodes as `_:id`), sorted by
their UTF-8 bytes (which is code point order), packed into one string with the offsets of its
items. Its file: `MAGIC`, the class IRI's length and UTF-8 bytes, the number of items, the
offsets (little-endian, 8 bytes each, from the start of the file) and the packed terms. A file
that does not read as one (cut short, another class, another format) is not used: the order is
computed as it would have been without it.
"""

from __future__ import annotations

import hashlib
import itertools
import mmap
import os
import struct
import sys
from array import array
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

ORDERS = "orders"
# A class with this many members or more has its order written (the server keeps the orders
# of listings this long once computed: shorter ones cost less to order again than to keep).
FROM_MEMBERS = 1000
MAGIC = b"kg-order-1\n"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TSV = ox.QueryResultsFormat.TSV
_HEADER = struct.Struct("<Q")


class SortedTerms:
    """The terms of a listing, IRIs in code point order then blank nodes (as `_:id`), packed
    into one UTF-8 string with the offsets of its items: about 60 bytes an item where a list
    of str costs about 110. UTF-8 keeps code point order, so the bytes sort as the text does;
    an absolute IRI never starts with `_:`."""

    def __init__(self, items: Iterable[bytes] = ()) -> None:
        ordered = sorted(set(items), key=lambda item: (item.startswith(b"_:"), item))
        self.blob: bytes | mmap.mmap = b"".join(ordered)
        self.offsets = array("Q", itertools.accumulate(map(len, ordered), initial=0))

    @classmethod
    def packed(cls, blob: bytes | mmap.mmap, offsets: array) -> SortedTerms:
        """Terms already sorted and packed: `blob`, cut at `offsets`."""
        terms = cls.__new__(cls)
        terms.blob, terms.offsets = blob, offsets
        return terms

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> str:
        return self.blob[self.offsets[index] : self.offsets[index + 1]].decode("utf-8")

    def items(self, start: int, end: int) -> list[str]:
        return [self[i] for i in range(max(0, start), min(end, len(self)))]


def tsv_rows(tsv: bytes):
    """The rows of a SPARQL TSV result of IRIs and blank nodes, each a list of its fields as
    UTF-8 bytes: an IRI without its brackets, a blank node as `_:id`. The store writes TSV in
    Rust, several times faster than it hands Python an object a row; in TSV an IRI is
    `<...>` and a blank node `_:id`, and neither may hold a tab or a line break, so the
    fields are exact."""
    for line in tsv.split(b"\n")[1:]:
        if line:
            yield [f[1:-1] if f.startswith(b"<") else f for f in line.split(b"\t")]


def members(store: ox.Store, class_iri: str) -> SortedTerms:
    """The members of a class in the default graph, in order."""
    solutions = store.query(f"SELECT ?s WHERE {{ ?s a {ox.NamedNode(class_iri)} }}")
    return SortedTerms(row[0] for row in tsv_rows(solutions.serialize(format=TSV)))


def order_path(folder: Path, class_iri: str) -> Path:
    """The file of the order of a class's members in a store's folder."""
    digest = hashlib.sha256(class_iri.encode("utf-8")).hexdigest()[:32]
    return Path(folder) / ORDERS / f"members-{digest}.order"


def write_member_orders(
    store: ox.Store, folder: Path, classes: Mapping[str, int], minimum: int | None = None
) -> int:
    """Write the order of the members of every class of `classes` (IRI -> members) with at
    least `minimum` (FROM_MEMBERS) members into `folder/orders/`: how many were written."""
    minimum = FROM_MEMBERS if minimum is None else minimum
    written = 0
    for class_iri, count in sorted(classes.items()):
        if count < minimum:
            continue
        order = members(store, class_iri)
        path = order_path(folder, class_iri)
        path.parent.mkdir(parents=True, exist_ok=True)
        iri = class_iri.encode("utf-8")
        head = MAGIC + _HEADER.pack(len(iri)) + iri + _HEADER.pack(len(order))
        start = len(head) + 8 * len(order.offsets)
        offsets = array("Q", (start + o for o in order.offsets))
        if sys.byteorder != "little":
            offsets.byteswap()
        temporary = path.with_suffix(".tmp")
        with open(temporary, "wb") as out:
            out.write(head)
            out.write(offsets.tobytes())
            out.write(order.blob)
        os.replace(temporary, path)
        written += 1
    return written


def read_member_order(folder: Path, class_iri: str) -> SortedTerms | None:
    """The order `write_member_orders` wrote of a class's members in `folder`, mapped into
    memory; None when there is none, or a file that does not read as the order of this class."""
    mapped = map_file(order_path(folder, class_iri))
    if mapped is None:
        return None
    iri = class_iri.encode("utf-8")
    at = len(MAGIC)
    try:
        if mapped[:at] != MAGIC:
            raise ValueError
        (length,) = _HEADER.unpack_from(mapped, at)
        at += _HEADER.size
        if mapped[at : at + length] != iri:
            raise ValueError
        at += length
        offsets = read_offsets(mapped, at)
        if any(b < a for a, b in itertools.pairwise(offsets)):
            raise ValueError
    except (ValueError, struct.error):
        mapped.close()
        return None
    return SortedTerms.packed(mapped, offsets)


def map_file(path: Path) -> mmap.mmap | None:
    """A file mapped into memory, read-only; None for no file or an empty one (which cannot
    be mapped)."""
    try:
        with open(path, "rb") as opened:
            return mmap.mmap(opened.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None


def read_offsets(mapped: mmap.mmap, at: int) -> array:
    """The offsets index at `at` of a mapped file: a count (8 bytes, little-endian), then
    count + 1 offsets from the file's start, the first just past the index and the last the
    file's end; ValueError (or struct.error) when it does not read as one."""
    (count,) = _HEADER.unpack_from(mapped, at)
    at += _HEADER.size
    offsets = array("Q", mapped[at : at + 8 * (count + 1)])
    if sys.byteorder != "little":
        offsets.byteswap()
    start = at + 8 * (count + 1)
    if len(offsets) != count + 1 or offsets[0] != start or offsets[-1] != len(mapped):
        raise ValueError
    return offsets
