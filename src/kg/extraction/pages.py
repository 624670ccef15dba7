"""Reading a press release as published: the input (a file or standard input, bounded), a saved
HTML page through trafilatura (the article kept, the site's debris gone; its title, canonical
address, language and date from its metadata), or a text file as it is, and the date of a
dateline ("Geneva, 3 May 2019 -").
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from kg.build import ingest
from kg.errors import KgError
from kg.extraction.number_words import FULL_DATE, MONTH, MONTH_SHORT

# A press release page is some tens of kilobytes; an input larger than this is refused before
# it is parsed, so that a hostile or mistaken input cannot take the machine's memory.
MAX_INPUT_BYTES = 5 * 1024 * 1024
# The words of a release (some hundreds): a text of more is refused before its paragraphs are
# read (5 MiB of one-word paragraphs took 20 s and 580 MB to reach kg add's paragraph limit)
MAX_WORDS = 50_000
# The characters of a release's text, and its tokens (words and each sign, as drafting reads
# them): a release has some thousands (the seeds' longest, 3,937 characters); these leave room
# for MAX_WORDS words of text, and for a text of signs (50,001 "<br>" are 150,003 tokens).
MAX_CHARACTERS = 1_000_000
MAX_TOKENS = 200_000


HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
# Characters no XML tree holds (XML 1.0's Char leaves them out).
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Page:
    """What a published release gives: the text to file and what is known about it."""

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date, only when the page states it
    published_from: str | None = None  # "page metadata" or "dateline"
    language: str | None = None
    site_name: str | None = None
    kind: str = "text"


# --------------------------------------------------------------------------- reading input


def read_input(source: str | Path, stdin=None) -> tuple[bytes, Path]:
    """The bytes of `source` (a path, or "-" for standard input), at most MAX_INPUT_BYTES."""
    if str(source) == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(MAX_INPUT_BYTES + 1)
        where = Path("-")
    else:
        where = Path(source)
        if where.is_dir():
            raise KgError(where, None, "is a directory, not a page or text file")
        try:
            data = _read_file(where)
        except FileNotFoundError:
            raise KgError(where, None, "no such file") from None
        except OSError as exc:
            raise KgError(where, None, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        raise KgError(
            where,
            None,
            f"larger than {MAX_INPUT_BYTES // 2**20} MiB: not one press release (kg add reads "
            "no more)",
        )
    if not data.strip():
        raise KgError(where, 1, "empty input")
    return data, where


def _read_file(where: Path) -> bytes:
    """The first MAX_INPUT_BYTES + 1 bytes of the regular file `where`. It is opened without
    waiting (opening a named pipe that no program writes to waited for ever) and what was
    opened is checked, not the name (which could be replaced in between): a pipe, a device
    (/dev/zero, a terminal) or a socket is no release; standard input is `-`."""
    descriptor = os.open(where, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise KgError(
                where,
                None,
                "not a regular file (a pipe, a device or a socket): give a file, or - to read "
                "standard input",
            )
        return f.read(MAX_INPUT_BYTES + 1)


def looks_like_html(data: bytes, where: Path) -> bool:
    """Whether `data` is an HTML page: by its name, else by how it begins."""
    if where.suffix.lower() in HTML_SUFFIXES:
        return True
    if where.suffix.lower() == ".txt":
        return False
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml")) or (
        b"<body" in head or b"<head" in head
    )


def read_page(
    source: str | Path, *, fmt: str | None = None, title: str | None = None, stdin=None
) -> tuple[Page, Path]:
    """The release in `source` (`fmt` "html" or "text", by default as it looks), and where it
    came from."""
    from kg.extraction.page_shape import check_page, decode_page

    data, where = read_input(source, stdin)
    html = looks_like_html(data, where) if fmt is None else fmt == "html"
    if html:
        markup = decode_page(data)  # one text for the count and both readers
        check_page(markup, where)  # (a page past a release's size is refused unread)
        page = page_from_html(markup, where, title)
        check_length(page.text, where)
    else:
        text = ingest.decode_source(where, data)
        if (words := len(text.split())) > MAX_WORDS:
            raise KgError(
                where,
                None,
                f"{words:,} words: not one press release (kg add drafts at most "
                f"{MAX_WORDS:,} words)",
            )
        check_length(text, where)
        page = page_from_text(text, where, title)
    return page, where


def check_length(text: str, where: Path) -> None:
    """KgError for a text longer than a release, in characters or in the tokens drafting
    reads (`kg.extraction.text.WORD`: words and each sign). Words are counted between spaces,
    but drafting's work grows with its tokens: 900,000 `&amp;` of a page (4.5 MB), one word,
    took kg add 137 s and 600 MB; one word of 4.9 million letters, 14 s and 500 MB."""
    from kg.extraction.text import WORD

    if len(text) > MAX_CHARACTERS:
        raise KgError(
            where,
            None,
            f"{len(text):,} characters of text: not one press release (kg add drafts at most "
            f"{MAX_CHARACTERS:,})",
        )
    tokens = sum(1 for _ in WORD.finditer(text))
    if tokens > MAX_TOKENS:
        raise KgError(
            where,
            None,
            f"{tokens:,} words and signs: not one press release (kg add drafts at most "
            f"{MAX_TOKENS:,})",
        )


# --------------------------------------------------------------------------- HTML pages


def page_from_html(data: bytes | str, where: Path, title: str | None = None) -> Page:
    """The article of a saved HTML page (its text, `page_shape.decode_page`; bytes are decoded
    so): trafilatura keeps its title and paragraphs, lxml (an HTML parser, never a regular
    expression) reads the page's address, language and date from its markup."""
    import lxml.html
    import trafilatura
    from lxml import etree

    from kg.extraction.page_shape import decode_page

    if isinstance(data, bytes):
        data = decode_page(data)

    try:
        tree = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        raise KgError(where, None, f"not an HTML page the parser can read: {exc}") from None
    extracted = trafilatura.bare_extraction(
        data,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        output_format="python",
    )
    body = getattr(extracted, "body", None)
    if extracted is None and (control := _NOT_XML_TEXT.search(tree.text_content())):
        # trafilatura builds an XML tree, which cannot hold such a character (`&#1;`): it read
        # nothing, and the page was said to have no article.
        raise KgError(
            where,
            None,
            f"the page holds U+{ord(control[0]):04X}, a control character the reading of its "
            "article cannot take: remove it from the page",
        )
    paragraphs = _paragraphs(body) if body is not None else []
    title = _one_line(title or getattr(extracted, "title", None) or _first_h1(tree) or "")
    if not title:
        raise KgError(where, None, "no title found in the page (give one with --title)")
    if paragraphs and _fold(paragraphs[0]) == _fold(title):
        paragraphs.pop(0)
    # A page without an article makes trafilatura fall back on the page's whole text: menus
    # and links, short lines all. A release has sentences.
    lines = [line for block in paragraphs for line in block.split("\n")]
    if not any(len(line.split()) >= 8 and _fold(line) != _fold(title) for line in lines):
        raise KgError(where, None, "no article text found in the page")
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    published, published_from = _metadata_date(tree), "page metadata"
    if published is None:
        published, published_from = dateline_date(paragraphs[:4]), "dateline"
    return Page(
        text=text,
        title=title,
        url=_canonical_url(tree),
        published=published,
        published_from=published_from if published else None,
        language=_language(tree),
        site_name=_meta(tree, "og:site_name"),
        kind="html",
    )


def _paragraphs(body) -> list[str]:
    """The text of each block of trafilatura's body (a paragraph, heading, list item, quote or
    table row), its line breaks kept, its other whitespace collapsed."""
    texts: list[str] = []
    for element in body.iterchildren():
        if element.tag == "list":
            texts += [_flat(item) for item in element.iterfind(".//item")]
        elif element.tag == "table":
            for row in element.iterfind(".//row"):
                texts.append(" | ".join(_flat(cell) for cell in row.iterfind("cell")))
        else:
            texts.append(_flat(element))
    blocks = []
    for text in texts:
        lines = [" ".join(line.split()) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        if block:
            blocks.append(block)
    return blocks


def _flat(element) -> str:
    """An element's text, a line break (`<lb/>`) as "\\n"."""
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else _flat(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _first_h1(tree) -> str | None:
    found = tree.xpath("//h1")
    return found[0].text_content() if found else None


def _meta(tree, name: str) -> str | None:
    for attribute in ("property", "name"):
        found = tree.xpath(f"//meta[@{attribute}=$name]/@content", name=name)
        if found and found[0].strip():
            return found[0].strip()
    return None


def _canonical_url(tree) -> str | None:
    found = tree.xpath("//link[@rel='canonical']/@href")
    url = found[0].strip() if found else None
    return url or _meta(tree, "og:url")


def _language(tree) -> str | None:
    found = tree.xpath("/html/@lang")
    if not found or not found[0].strip():
        return None
    return found[0].strip().split("-")[0].lower() or None


def _metadata_date(tree) -> str | None:
    """The publication date the page's metadata states (meta tags, JSON-LD), read by htmldate
    on the page's head and JSON-LD only: a date in the body (a related article's, a
    comment's) is not the release's."""
    import htmldate
    import lxml.html

    parts = []
    head = tree.find("head")
    if head is not None:
        parts.append(lxml.html.tostring(head, encoding="unicode"))
    for script in tree.xpath("//body//script[@type='application/ld+json']"):
        parts.append(lxml.html.tostring(script, encoding="unicode"))
    if not parts:
        return None
    document = "<html>" + "".join(parts) + "<body></body></html>"
    try:
        found = htmldate.find_date(
            document, extensive_search=False, original_date=True, outputformat="%Y-%m-%d"
        )
    except Exception:  # noqa: BLE001 - a date the library cannot read is a date not stated
        return None
    return found or None


# --------------------------------------------------------------------------- text files


def page_from_text(raw: str, where: Path, title: str | None = None) -> Page:
    """A release saved as text: filed as it is. With `title`, what precedes the line that
    reads as the title (a site's banner, "Press centre", ...) is left out."""
    if title is not None:
        wanted = _fold(title)
        offset = 0
        for line in raw.splitlines(keepends=True):
            if _fold(line) == wanted:
                raw = raw[offset:]
                break
            offset += len(line)
        else:
            raise KgError(where, None, f"--title: no line of the text reads {title!r}")
    document = ingest.parse_source(where, raw, "000")
    after_title = raw[document.title.end :].splitlines()
    published = dateline_date([line for line in after_title if line.strip()][:4])
    return Page(
        text=raw,
        title=document.title.text,
        published=published,
        published_from="dateline" if published else None,
    )


# --------------------------------------------------------------------------- datelines

_DATE_LABEL = re.compile(
    r"^(?:posted|published|date(?:\s+publish(?:ed)?)?|release\s+date|issued)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
# a day as datelines write it: "3 May 2019", "30 November, 2018", "Feb. 10, 2017"
_A_DAY = r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
_ISO = r"(?:19|20)\d\d-\d\d-\d\d"  # "2023-09-18"
# "Geneva, 3 May 2019 –", "PELMARK CITY, 9 March 2011-", "Vienna (Austria), 11 June 2021 –"
_DATELINE = re.compile(
    rf"""^[A-ZÀ-Ý][\w .’'()/-]{{1,50}}?,\s*
        (?P<date>{_A_DAY})
        \s*(?:\([^)]{{0,40}}\)\s*)?[–—-]""",
    re.VERBOSE,
)
# "UNHCR, 22 Nov 2016", "News | 07 May 2014": a publisher's acronym or a release's kind,
# then the day (not any label: "Last updated, 3 June 2025", "Deadline for applications, ...")
_HEADED_DATE = re.compile(
    rf"""(?:[A-Z]{{2,10}}(?:\s+News)?|(?:Press|Media|News)\s+[Rr]elease|News|Statement|Story)
        \s*[,|\u00b7\u2022]\s*
        (?P<date>{_A_DAY})""",
    re.VERBOSE,
)
# "date 2023-09-18 Interpol announced ...": a labelled ISO day opening a line of text
_ISO_DAY = re.compile(rf"{_ISO}\b")
_CALENDAR_WORD = (  # (a month's or a weekday's name, in full or cut: no one's name)
    rf"(?:{MONTH}|{MONTH_SHORT}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|"
    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?"
)
_NAME_WORD = rf"(?!(?:{_CALENDAR_WORD})\b)(?-i:[A-Z])[\w.’'-]*"  # (not "By Friday 12 March")
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
# A page's stamp of when it was written, with more words on its line:
_STAMPED = re.compile(
    rf"""(?:
        # a byline: "By Ana Ruiz 25 April 2015", "By Dialogo August 15, 2013", "By: July 8, 2016"
        # (a name before the day, or a colon: not "By 30 June 2024, 400 had returned")
        ^By(?::\s*|\s+{_NAME}\s*[|,]?\s*)
        # a label opening it or after a bar: "Released on 28 August 2018 Press Release ...",
        # "Tyler Cheese | CBC News | Posted: December 15, 2021 8:20 PM | Last Updated: ..."
        | (?:^|\|\s*)(?:posted|published|released|issued)(?:\s+on)?\s*:?\s*
        # a dateline set off by a slash or a spaced dash, ending in a colon or the line: a
        # place and its country or region, "Colombo, Sri Lanka/06 July 2023: ...", "Alexandria,
        # Egypt - 19 January 2021" (not "Regional Workshop on Trafficking – 12 March 2025")
        | ^{_NAME}(?:,\s*{_NAME}(?:\s+and\s+{_NAME})?){{1,3}}(?:/|\s[–—-]\s)\s*
          (?={_A_DAY}\s*(?::|$))
        # a line of places, then the day: "Costa Rica, El Salvador, Panama 30 November, 2018"
        # (one name to each comma, the last one's none: not "Born, 4 July 1990")
        | ^(?:{_NAME},\s+){{1,11}}{_NAME}\s+(?={_A_DAY}$)
    )(?P<date>{_A_DAY}|{_ISO})""",
    re.VERBOSE | re.IGNORECASE,
)
# a day and the time of day a page was posted: "08 December 2023, 7:29am Media Release",
# "Source: Xinhua| 2019-02-28 17:09:31|Editor" (not a span of hours: "10:00 - 12:00")
# (not the day and time of something else: "Updated: 14 March 2023 10:15", "Deadline: 30 June
# 2024, 23:59", "Photo: ... port, 12 May 2019, 14:30", "Event | 12 March 2025, 10:00")
NOT_WRITTEN = re.compile(
    r"\b(?:updated?|modified|edited|deadline|due|photo|caption|credit|event|opens?|closes?|"
    r"starts?|ends?|until|from|next)\b",
    re.I,
)
_DAY_AT_A_TIME = re.compile(
    rf"(?<![\w-])(?P<date>{FULL_DATE}|{_ISO})"
    r",?\s+\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?(?!\s*[–—-]\s*\d)",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(rf"(?<!\d){FULL_DATE}(?!\d)")
_AMBIGUOUS = re.compile(r"\D*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b.*")


def dateline_date(lines: list[str], latest: dt.date | None = None) -> str | None:
    """The date a release's first lines state: a line that is a date ("4 June, 2018",
    "Posted: Tuesday, March 21, 2017"), a labelled ISO day opening one ("date 2024-06-24
    Interpol said ...") or a dateline opening a paragraph ("Geneva, 3 May 2019 –"), read by
    dateparser with day, month and year all required. A date with no year, an ambiguous one
    (03/04/2017) or one after `latest` (default today) gives None."""
    latest = latest or dt.date.today()
    candidates, in_a_heading = [], []
    # (a page's list marks between its date and its byline: "• 2018-03-03 • LETA/TBT Staff")
    parts = [part for line in lines for part in re.split(r"\s*[•·▪◦‣]\s*", line) if part.strip()]
    for line in parts:
        line = " ".join(line.split())
        # "News article27 October 2021Directorate-General for ...": a page's heading lines
        # (no sentence) with one date in them, its words glued on; the last resort
        dates = list(_DAY_MONTH_YEAR.finditer(line))
        glued = [
            m.group() for m in dates
            if line[m.start() - 1 : m.start()].isalpha() or line[m.end() : m.end() + 1].isalpha()
        ]  # fmt: skip
        if len(dates) == 1 and glued and len(line) <= 200 and not re.search(r"\.(?:\s|$)", line):
            in_a_heading.append(glued[0])
        m = _DATELINE.match(line)
        if m:
            candidates.append(m.group("date"))
            continue
        headed = _HEADED_DATE.fullmatch(line)  # "UNHCR, 22 Nov 2016"
        if headed:
            candidates.append(headed.group("date"))
            continue
        labelled = _DATE_LABEL.match(line)
        if labelled and labelled.end() and (iso := _ISO_DAY.match(line, labelled.end())):
            candidates.append(iso.group())
            continue
        stamped = _STAMPED.search(line)
        if stamped:
            candidates.append(stamped.group("date"))
            continue
        timed = _DAY_AT_A_TIME.search(line)
        if (
            timed
            and not re.search(  # (a heading's line, no sentence: "7:29 a.m." is none)
                r"[.!?](?:\s|$)", line[: timed.start()] + line[timed.end() :]
            )
            and not NOT_WRITTEN.search(line)
        ):
            in_a_heading.append(timed.group("date"))  # (the last resort, as a heading's day)
            continue
        stated = _DATE_LABEL.sub("", line)
        if stated and len(stated) <= 40 and any(c.isdigit() for c in stated):
            candidates.append(stated)
    for text in candidates + in_a_heading:
        day = _parse_date(text)
        if day is not None and day <= latest:
            return day.isoformat()
    return None


def _parse_date(text: str) -> dt.date | None:
    ambiguous = _AMBIGUOUS.fullmatch(text)
    if ambiguous and ambiguous[1] != ambiguous[2] and max(map(int, ambiguous.groups())) <= 12:
        return None  # 03/04/2017: March or April, the page does not say
    import dateparser

    parsed = dateparser.parse(
        text,
        languages=["en", "es", "fr", "pt"],  # (the languages kg drafts: "18 de agosto de 2021")
        settings={
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    return parsed.date() if parsed is not None else None


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()
