"""`kg add`: take a press release as published and file it in the curation folder, drafted.

    added = add("page.html", Path("data"))   # or a text file, or "-" for standard input

A saved HTML page goes through trafilatura, which parses it (lxml) and keeps the article:
navigation, menus, share buttons, related links and footers go. (Chosen by measurement against
jusText and readability-lxml: it kept every body paragraph, title and contact sentence of real
IOM releases set in a news-site page, where jusText dropped every contact and readability one,
and had the best word-level F1 on 60 real pages of three documentation sites.) A text file is
filed as it is, as the seeds were: the ingest (`kg.build.ingest`) removes the site's debris when it
reads it.

What is filed, all or nothing (the manifest last, and what was written before it is removed
again when a later step fails):

- `sources/NNN_<hash>.txt`, NNN the next free document id, hash the first 16 hex digits of the
  text's SHA-256; for a page, the cleaned text: its title, a blank line, and its paragraphs
  separated by blank lines;
- its entry in `sources/manifest.yaml`: id, file, title, url (the page's canonical address, or
  `url=`), publisher, language, retrieved (today, or `retrieved=`) and `published` when the
  page states its date (its metadata, or a dateline such as "Geneva, 3 May 2019 –"; a date it
  does not state is not guessed);
- the draft `documents/NNN.yaml` and, when it proposes any, the reference additions
  `reference/proposed/NNN.yaml`, as `kg extract` writes them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import tempfile
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import yaml

from kg import atomic
from kg.build import curation, ingest
from kg.errors import KgError
from kg.extraction.pages import (
    MAX_INPUT_BYTES,
    MAX_WORDS,
    Page,
    dateline_date,
    page_from_html,
    read_page,
)

__all__ = [
    "MAX_INPUT_BYTES",
    "MAX_PARAGRAPHS",
    "MAX_WORDS",
    "Added",
    "Page",
    "add",
    "dateline_date",
    "page_from_html",
    "read_page",
]

# A release is some hundreds of words in some tens of paragraphs. Drafting reads the text once
# per paragraph (15,000 paragraphs, 2.4 MB: six minutes), so a text over either limit is
# refused before it is drafted (over MAX_WORDS, before it is read: pages.read_page).
MAX_PARAGRAPHS = 1000


@dataclass
class Added:
    """What `add` filed."""

    doc_id: str
    source_path: Path
    draft_path: Path
    additions_path: Path | None
    entry: dict
    page: Page
    draft: object  # kg.extraction.draft.Draft
    document: ingest.CleanDocument
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- filing


def check_url(url: str, where: str) -> str:
    """`url` if it is an absolute http(s) address an IRI can be made of: split by urllib, its
    characters checked by Oxigraph's IRI parser (RFC 3987: no space, no control character, no
    noncharacter), and no invisible formatting character (a bidi override) in it."""
    try:
        parts = urllib.parse.urlsplit(url)
        ox.NamedNode(url)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not parts.netloc
        or any(unicodedata.category(c) == "Cf" for c in url)
    ):
        raise KgError(where, None, f"{url!r} is not an http:// or https:// address")
    return url


def language_tag(text: str | None) -> str | None:
    """`text` if it is a well-formed language tag (BCP 47, as Oxigraph reads one), else None."""
    if not text:
        return None
    try:
        ox.Literal("", language=text)
    except ValueError:
        return None
    return text


def detected_language(text: str) -> str:
    """The language `text` is written in, as py3langid identifies it (an ISO 639-1 code: a
    release saved as text says none of its own; "en" is not assumed)."""
    import py3langid  # (its model loads in about a second: only when the page names none)

    return py3langid.classify(text)[0]


def check_date(text: str, option: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise KgError(option, None, f"{text!r} is not a date (YYYY-MM-DD)") from None


def next_id(data_dir: Path, manifest: list[dict]) -> str:
    """The next free document id: one more than the highest of the manifest, the sources, the
    curation files and the proposed additions, as wide as the widest (at least 3 digits)."""
    taken = [str(entry.get("id", "")) for entry in manifest]
    for folder, pattern in (
        ("sources", "*.txt"),
        ("documents", "*.yaml"),
        ("reference/proposed", "*.yaml"),
    ):
        for path in (data_dir / folder).glob(pattern):
            taken.append(ingest.document_id(path) or path.stem)
    # ASCII digits only: str.isdigit() is true of "²" and "٣", which int() reads otherwise
    numbers = [t for t in taken if t.isascii() and t.isdigit()]
    width = max([3, *(len(t) for t in numbers)])
    return f"{max([int(t) for t in numbers], default=-1) + 1:0{width}d}"


def _manifest_entry_text(entry: dict, where: Path) -> str:
    """The manifest entry as YAML: every value a double-quoted string on one line, written by
    PyYAML's emitter (which escapes what YAML may not hold as it is: control characters, C1
    controls, noncharacters, line separators), then read back by the curation files' parser
    (`kg.build.curation`, with its limits) to be sure that it gives the same text."""
    lines = []
    for i, (key, value) in enumerate(entry.items()):
        lead = "- " if i == 0 else "  "
        scalar = yaml.safe_dump(
            str(value), default_style='"', allow_unicode=True, width=float("inf")
        ).rstrip("\n")
        lines.append(f"{lead}{key}: {scalar}")
    text = "\n".join(lines) + "\n"
    try:  # read back as every later command reads the manifest, with its limits
        back = curation.loads(text, where)
    except KgError as exc:
        message = f"the manifest entry would not read back: {exc.message}"
        raise KgError(where, None, message) from None
    if back != [{key: str(value) for key, value in entry.items()}]:
        raise KgError(where, None, "the manifest entry would not read back as written")
    return text


def _publisher(given: str | None, page: Page, manifest: list[dict], knowledge, where) -> str:
    """The publisher: given, else the page's site name when it names a known organization,
    else the one publisher every manifest entry has."""
    if given is not None:
        entity = knowledge.entity_by_name("organization", given)
        if entity is None:
            raise KgError(
                "--publisher",
                None,
                f"{given!r} is not an organization of data/reference/organizations.yaml",
            )
        return entity.name
    if page.site_name:
        entity = knowledge.entity_by_name("organization", page.site_name)
        if entity is not None:
            return entity.name
    publishers = {str(entry.get("publisher")) for entry in manifest if entry.get("publisher")}
    if len(publishers) == 1:
        return publishers.pop()
    raise KgError(where, None, "the publisher is not known: give --publisher ORGANIZATION")


def add(
    source: str | Path,
    data_dir: Path = Path("data"),
    *,
    url: str | None = None,
    retrieved: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    language: str | None = None,
    fmt: str | None = None,
    stdin=None,
) -> Added:
    """File the release in `source` (a path, or "-" for standard input) in `data_dir`, with
    its manifest entry and draft. Raises KgError, having written nothing, when it cannot."""
    from kg.extraction import filing
    from kg.extraction.extract import extract, load_knowledge, proposes_additions
    from kg.extraction.knowledge import plain

    data_dir = Path(data_dir)
    manifest_path = data_dir / "sources" / "manifest.yaml"
    if not manifest_path.is_file():
        raise KgError(manifest_path, None, "no such file: --data is not a curation folder")
    page, where = read_page(source, fmt=fmt, title=title, stdin=stdin)
    shown = str(where)
    address = url if url is not None else page.url
    if address is None:
        raise KgError(
            where,
            None,
            "no original address (no <link rel=canonical> or og:url): give it with --url",
        )
    address = check_url(address, "--url" if url is not None else shown)
    retrieved = check_date(retrieved, "--retrieved") if retrieved else dt.date.today().isoformat()
    if language is not None and language_tag(language) is None:
        raise KgError("--language", None, f"{language!r} is not a language tag (en, es, pt-BR)")
    text = page.text if page.text.endswith("\n") else page.text + "\n"

    with atomic.lock(data_dir / "sources", who="kg add"):
        manifest = plain(curation.load(manifest_path, max_bytes=curation.MAX_MANIFEST_BYTES))
        manifest = manifest or []
        for entry in manifest:
            if str(entry.get("url", "")).rstrip("/") == address.rstrip("/"):
                raise KgError(
                    manifest_path,
                    None,
                    f"{address} is already document {entry.get('id')!s} ({entry.get('file')})",
                )
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        same = next((data_dir / "sources").glob(f"*_{digest}.txt"), None)
        if same is not None:
            raise KgError(same, None, "the same text is already filed here")
        doc_id = next_id(data_dir, manifest)
        source_path = data_dir / "sources" / f"{doc_id}_{digest}.txt"
        draft_path = data_dir / "documents" / f"{doc_id}.yaml"
        additions_path = data_dir / "reference" / "proposed" / f"{doc_id}.yaml"
        document = ingest.parse_source(where, text, doc_id)
        if len(document.paragraphs) > MAX_PARAGRAPHS or len(text.split()) > MAX_WORDS:
            raise KgError(
                where,
                None,
                f"{len(document.paragraphs):,} paragraphs, {len(text.split()):,} words: not one "
                f"press release (kg add drafts at most {MAX_PARAGRAPHS:,} paragraphs and "
                f"{MAX_WORDS:,} words)",
            )

        knowledge = load_knowledge(data_dir)
        entry = {
            "id": doc_id,
            "file": source_path.name,
            "title": document.title.text,
            "url": address,
            "publisher": _publisher(publisher, page, manifest, knowledge, where),
            "language": language or language_tag(page.language) or detected_language(text),
            "retrieved": retrieved,
        }
        if page.published:
            entry["published"] = page.published
        knowledge.manifest[doc_id] = entry  # the draft is of a source the manifest lists

        with tempfile.TemporaryDirectory(prefix="kg-add.") as tmp:
            staged = Path(tmp) / source_path.name
            staged.write_bytes(text.encode("utf-8"))
            draft = extract(
                staged, data_dir, knowledge, additions_path=additions_path, doc_id=doc_id
            )
        draft.source_path = source_path

        manifest_text = manifest_path.read_text(encoding="utf-8")
        if manifest_text and not manifest_text.endswith("\n"):
            manifest_text += "\n"
        manifest_text += _manifest_entry_text(entry, manifest_path)
        files = [(source_path, text), (draft_path, draft.yaml())]
        if proposes_additions(draft):
            files.append((additions_path, draft.additions_yaml()))
        else:
            additions_path = None
        # the draft's confident proposals, filed in the reference files beside it
        replaced = list(filing.filed_texts(draft).items())
        _write_all(files, (manifest_path, manifest_text), replaced)
    return Added(
        doc_id=doc_id,
        source_path=source_path,
        draft_path=draft_path,
        additions_path=additions_path,
        entry=entry,
        page=page,
        draft=draft,
        document=document,
    )


def _write_all(
    new_files: list[tuple[Path, str]],
    last: tuple[Path, str],
    replaced: list[tuple[Path, str]] = (),
) -> None:
    """Write the new files, then replace the `replaced` ones (the reference files the draft's
    proposals are filed in) and `last` (the manifest): each file whole (written beside, then
    renamed), and the new ones removed and the replaced ones put back if any step fails, so
    that the folder is left as it was."""
    for path, _ in new_files:
        if path.exists():
            raise KgError(path, None, "already exists: kg add does not replace files")
    written: list[Path] = []
    made: list[Path] = []  # folders made for the new files (reference/proposed/)
    before = {path: path.read_bytes() for path, _ in replaced}
    done: list[Path] = []
    try:
        for path, text in new_files:
            missing = [f for f in (path.parent, *path.parent.parents) if not f.exists()]
            path.parent.mkdir(parents=True, exist_ok=True)
            made += missing
            atomic.write_bytes(path, text.encode("utf-8"))
            written.append(path)
        for path, text in replaced:
            atomic.write_bytes(path, text.encode("utf-8"))
            done.append(path)
        atomic.write_bytes(last[0], last[1].encode("utf-8"))
    except BaseException:
        for path in done:
            with contextlib.suppress(OSError):
                atomic.write_bytes(path, before[path])
        for path in written:
            with contextlib.suppress(OSError):
                os.unlink(path)
        for folder in made:  # innermost first
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
