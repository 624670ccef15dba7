"""The ingest stage, checked against the five real sources (never edited) and small fakes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.build.ingest import (
    CleanDocument,
    QuoteNotFound,
    Span,
    count_quote,
    line_of,
    locate_quote,
    normalize_whitespace,
    parse_source,
    read_source,
)
from kg.errors import KgError

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
MANIFEST = yaml.safe_load((SOURCES / "manifest.yaml").read_text(encoding="utf-8"))
IDS = [entry["id"] for entry in MANIFEST]

# Paragraph counts checked by eye: 000/002/003 follow their blank lines, 001/004 (no blank
# lines) are split at a sentence end at a line end followed by a capitalised line.
PARAGRAPH_COUNTS = {"000": 7, "001": 5, "002": 11, "003": 12, "004": 10}

# (name, office, telephone, email) per contact, as written in the source.
CONTACTS = {
    "000": [("Mariana Rendon", "IOM Mexico", "+ 5255.5536.3954", "mrendon@iom.int")],
    "001": [("Juan Artola", "IOM Mexico", "52.55) 55.36.39.22.", "jartola@iom.int")],
    "002": [
        ("Hélène Le Goff", "IOM Mexico", "+52 55 5536 3922", "hlegoff@iom.int"),
        ("Niurka Pineiro", "IOM Washington", "+ 1 202 862 1826, Ext. 225", "npineiro@iom.int"),
    ],
    "003": [("Hélène Le Goff", "IOM México", "+52 55 55 36 39 22", "hlegoff@iom.int")],
    "004": [("Hélène Le Goff", "IOM México", "+52 55 55 36 39 22", "hlegoff@iom.int")],
}

DEBRIS = ("mailto", "target=", "href", '">', "Who we are", "WHO WE ARE", "2030 Agenda")


@pytest.fixture(scope="module")
def docs() -> dict[str, CleanDocument]:
    return {entry["id"]: read_source(SOURCES / entry["file"]) for entry in MANIFEST}


def all_spans(doc: CleanDocument) -> list[Span]:
    spans = [doc.title, *doc.paragraphs, *doc.trailer]
    for contact in doc.contacts:
        spans += [s for s in (contact.name, contact.office, contact.telephone, contact.email) if s]
    return spans


def test_manifest_lists_every_source() -> None:
    assert IDS == ["000", "001", "002", "003", "004"]
    assert sorted(e["file"] for e in MANIFEST) == sorted(p.name for p in SOURCES.glob("*.txt"))
    for entry in MANIFEST:
        assert entry["file"].startswith(entry["id"] + "_")
        assert entry["url"].startswith("https://")
        assert entry["publisher"] == "International Organization for Migration"
        assert entry["language"] == "en"


@pytest.mark.parametrize("entry", MANIFEST, ids=IDS)
def test_title_is_the_manifest_title(docs: dict[str, CleanDocument], entry: dict) -> None:
    doc = docs[entry["id"]]
    assert doc.id == entry["id"]
    assert doc.path.name == entry["file"]
    assert doc.title.text == entry["title"]
    assert doc.raw[doc.title.start : doc.title.end] == entry["title"]


@pytest.mark.parametrize("doc_id", IDS)
def test_paragraph_count(docs: dict[str, CleanDocument], doc_id: str) -> None:
    assert len(docs[doc_id].paragraphs) == PARAGRAPH_COUNTS[doc_id]


@pytest.mark.parametrize("doc_id", IDS)
def test_no_navigation_or_html_in_text(docs: dict[str, CleanDocument], doc_id: str) -> None:
    doc = docs[doc_id]
    for span in [doc.title, *doc.paragraphs, *doc.trailer]:
        for bad in DEBRIS:
            assert bad not in span.text, (bad, span.text)
    for para in doc.paragraphs:
        assert "please contact" not in para.text
        assert "@" not in para.text
        assert "\xa0" not in para.text and "\n" not in para.text and "  " not in para.text
    assert "\n\n" in doc.body_text or len(doc.paragraphs) == 1
    assert doc.body_text.split("\n\n") == [p.text for p in doc.paragraphs]


@pytest.mark.parametrize("doc_id", IDS)
def test_spans_point_into_the_raw_text(docs: dict[str, CleanDocument], doc_id: str) -> None:
    doc = docs[doc_id]
    for span in all_spans(doc):
        assert 0 <= span.start < span.end <= len(doc.raw)
        assert normalize_whitespace(doc.raw[span.start : span.end]) == span.text
        assert not doc.raw[span.start].isspace() and not doc.raw[span.end - 1].isspace()
    starts = [p.start for p in doc.paragraphs]
    assert starts == sorted(starts)
    assert doc.title.end < doc.paragraphs[0].start
    for before, after in zip(doc.paragraphs, doc.paragraphs[1:], strict=False):
        assert before.end < after.start


@pytest.mark.parametrize("doc_id", IDS)
def test_contacts(docs: dict[str, CleanDocument], doc_id: str) -> None:
    got = [
        tuple(s.text if s else None for s in (c.name, c.office, c.telephone, c.email))
        for c in docs[doc_id].contacts
    ]
    assert got == CONTACTS[doc_id]


def test_paragraph_boundaries(docs: dict[str, CleanDocument]) -> None:
    # Blank-line sources: a sentence ending at a line end inside a paragraph is not a break.
    para = docs["003"].paragraphs[4]
    assert para.text.startswith("IOM Mexico, as a member of the Latin-American Committee")
    assert para.text.endswith("the human rights of all migrants.")
    assert (
        docs["002"]
        .paragraphs[4]
        .text.startswith(
            'Thomas Lothar Weiss, IOM Chief of Mission in Mexico, explains: "This project'
        )
    )
    # Sources without blank lines: broken at sentence end + capitalised next line only.
    first = [p.text.split()[:3] for p in docs["001"].paragraphs]
    assert first == [
        ["The", "large", "and"],
        ["More", "than", "150"],
        ["During", "the", "two-day"],
        ["As", "a", "country"],
        ["In", "2005,", "Mexico’s"],
    ]
    assert docs["001"].paragraphs[-1].text.endswith("Of this total, 531 cases went to trial.")
    assert docs["004"].paragraphs[2].text.startswith('"This cooperation agreement is vital')
    assert docs["004"].paragraphs[2].text.endswith("IOM Chief of Mission in Mexico.")
    assert docs["004"].paragraphs[-1].text.endswith("The vast majority are from Central America.")
    # Non-breaking spaces in 000 are whitespace.
    assert "reintegration. The project is funded" in docs["000"].paragraphs[1].text


def test_trailer(docs: dict[str, CleanDocument]) -> None:
    assert docs["001"].trailer_text == (
        "A detailed report (in Spanish) on the recent counter trafficking workshop"
        " can be found on the IOM Website www.iom.int"
    )
    assert [s.text for s in docs["001"].trailer][-1] == "www.iom.int"
    for doc_id in ("000", "002", "003", "004"):
        assert docs[doc_id].trailer == ()
        assert docs[doc_id].trailer_text == ""


def test_email_is_the_visible_address_after_the_debris(docs: dict[str, CleanDocument]) -> None:
    doc = docs["001"]
    email = doc.contacts[0].email
    assert email is not None
    assert doc.raw[email.start : email.end] == "jartola@iom.int"
    assert doc.raw[email.start - 3 : email.start] == '"">'


# --------------------------------------------------------------------------- locate_quote


def test_locate_quote_across_a_line_break(docs: dict[str, CleanDocument]) -> None:
    doc = docs["000"]
    # "54 victims of trafficking" sits on one raw line (line 7) ...
    span = locate_quote(doc, "54 victims of trafficking")
    assert doc.raw[span.start : span.end] == "54 victims of trafficking"
    assert line_of(doc.raw, span.start) == line_of(doc.raw, span.end) == 7
    # ... and the quote that states it crosses the break after "office in".
    span = locate_quote(doc, "the IOM office in Mexico has provided assistance to 54 victims")
    assert doc.raw[span.start : span.end] == (
        "the IOM office in\nMexico has provided assistance to 54 victims"
    )
    assert span.text == "the IOM office in Mexico has provided assistance to 54 victims"
    assert (line_of(doc.raw, span.start), line_of(doc.raw, span.end)) == (6, 7)


def test_locate_quote_spanning_several_lines_and_nbsp(docs: dict[str, CleanDocument]) -> None:
    doc = docs["000"]
    quote = "return and reintegration. The project is funded by the United States Government"
    span = locate_quote(doc, quote)
    assert "\xa0" in doc.raw[span.start : span.end]
    assert doc.raw[span.start : span.end].count("\n") == 2
    # whitespace in the quote itself is free too
    assert locate_quote(doc, "  return and\n reintegration.\tThe  project ") == locate_quote(
        doc, "return and reintegration. The project"
    )
    doc4 = docs["004"]
    span = locate_quote(doc4, "No más Trata de Personas")
    assert doc4.raw[span.start : span.end] == "No m\u00e1s Trata de Personas"


def test_locate_quote_is_exact_otherwise(docs: dict[str, CleanDocument]) -> None:
    doc = docs["001"]
    assert locate_quote(doc, "UN’s Economic Commission").text == "UN’s Economic Commission"
    with pytest.raises(QuoteNotFound):
        locate_quote(doc, "UN's Economic Commission")  # straight apostrophe
    with pytest.raises(QuoteNotFound):
        locate_quote(doc, "un’s economic commission")  # case
    with pytest.raises(QuoteNotFound):
        locate_quote(doc, "54victims")


def test_locate_quote_occurrences(docs: dict[str, CleanDocument]) -> None:
    doc = docs["000"]
    assert count_quote(doc, "54 victims") == 2
    first = locate_quote(doc, "54 victims")
    second = locate_quote(doc, "54 victims", occurrence=2)
    assert first.start < second.start
    assert doc.raw[second.start - 7 : second.end] == "Of the 54 victims"
    with pytest.raises(QuoteNotFound, match="occurrence 3"):
        locate_quote(doc, "54 victims", occurrence=3)
    with pytest.raises(ValueError):
        locate_quote(doc, "54 victims", occurrence=0)


def test_locate_quote_missing_raises_kg_error(docs: dict[str, CleanDocument]) -> None:
    doc = docs["002"]
    with pytest.raises(KgError) as info:
        locate_quote(doc, "this sentence is not in the press release")
    assert isinstance(info.value, QuoteNotFound)
    assert info.value.path == doc.path
    assert str(info.value).startswith(f"{doc.path}: quote not found: ")
    with pytest.raises(QuoteNotFound, match="empty quote"):
        locate_quote(doc, " \n ")


def test_locate_quote_on_a_plain_string() -> None:
    raw = "alpha\xa0 beta\r\n  gamma alpha beta"
    span = locate_quote(raw, "alpha beta gamma")
    assert (span.start, span.end) == (0, len("alpha\xa0 beta\r\n  gamma"))
    assert locate_quote(raw, "alpha beta", 2).start == raw.rindex("alpha")
    with pytest.raises(QuoteNotFound, match="^<text>: "):
        locate_quote(raw, "delta")
    with pytest.raises(QuoteNotFound, match="^notes.yaml: "):
        locate_quote(raw, "delta", path="notes.yaml")


def test_normalize_whitespace_and_line_of() -> None:
    assert normalize_whitespace("  a\n\xa0b\t\r\n c  ") == "a b c"
    assert normalize_whitespace("") == ""
    raw = "one\ntwo\n\nfour"
    assert [line_of(raw, i) for i in (0, 3, 4, 8, 9, len(raw))] == [1, 1, 2, 3, 4, 4]
    with pytest.raises(ValueError):
        line_of(raw, len(raw) + 1)


# --------------------------------------------------------------------------- synthetic sources

GOOD = (
    "News\nGlobal\n\nA Title\n\nFirst paragraph,\nwrapped.\n\nSecond one.\n\n"
    "For more information please contact:\n\nJane Doe\n\nIOM Somewhere\n\nTel: +1 2\n\n"
    'E-mail: "mailto:jdoe@iom.int">jdoe@iom.int'
)


def write(tmp_path: Path, content: str | bytes, name: str = "042_abc.txt") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def test_synthetic_source(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, GOOD))
    assert doc.id == "042"
    assert doc.title.text == "A Title"
    assert [p.text for p in doc.paragraphs] == ["First paragraph, wrapped.", "Second one."]
    assert doc.contacts[0].email is not None and doc.contacts[0].email.text == "jdoe@iom.int"


@pytest.mark.parametrize(
    ("line", "address"),
    [
        ("Email: a@b.org.", "a@b.org"),  # the sentence's full stop is not the address's
        ("E-mail: a@b.org", "a@b.org"),
        ("E-mail: jdoe@iom.int;", "jdoe@iom.int"),
        ("E-mail: (jdoe@iom.int).", "jdoe@iom.int"),
        ('E-mail: "mailto:jdoe@iom.int.">jdoe@iom.int.', "jdoe@iom.int"),
        ('E-mail: "mailto:jdoe@iom.int.">', "jdoe@iom.int"),  # the link's address alone
    ],
)
def test_email_address_ends_before_trailing_punctuation(
    tmp_path: Path, line: str, address: str
) -> None:
    text = GOOD.rpartition("E-mail:")[0] + line + "\n"
    doc = read_source(write(tmp_path, text))
    email = doc.contacts[0].email
    assert email is not None and email.text == address
    assert doc.raw[email.start : email.end] == address


def test_crlf_offsets_are_raw(tmp_path: Path) -> None:
    doc = read_source(write(tmp_path, GOOD.replace("\n", "\r\n")))
    assert doc.raw.count("\r\n") == GOOD.count("\n")
    assert [p.text for p in doc.paragraphs] == ["First paragraph, wrapped.", "Second one."]
    assert doc.contacts[0].office is not None and doc.contacts[0].office.text == "IOM Somewhere"
    for span in all_spans(doc):
        assert normalize_whitespace(doc.raw[span.start : span.end]) == span.text


def test_menu_and_paragraphs_without_blank_lines(tmp_path: Path) -> None:
    text = (
        "-\nWho we are\nWHO WE AREThe blurb.\n-\nOur Work\nOur WorkAs the blurb.\n"
        "What We Do\nWhat We Do\n- Where we work\n-\n- 2030 Agenda\n"
        "The Title\n"
        "Dr. Smith said the U.S.\nGovernment agrees and\n"  # abbreviations: no break
        "explains:\n"  # a colon is no break
        '"We will act."\n'
        "A new paragraph starts\nhere. and this one\ncontinues.\n"
        "12 is not a capital.\n"
        "Last one.\n"
        "For further information, please contact:\n"
        "Ann Lee\nTel: 1\nE-mail:\n"
        '"mailto:alee@iom.int" target="_blank" title=\n"">alee@iom.int\n'
        'See\n"paragraph-link-underlined" href="http://x.org" target=\n"_blank" title="">x.org\n'
    )
    doc = read_source(write(tmp_path, text))
    assert doc.title.text == "The Title"
    assert [p.text for p in doc.paragraphs] == [
        'Dr. Smith said the U.S. Government agrees and explains: "We will act."',
        "A new paragraph starts here. and this one continues. 12 is not a capital.",
        "Last one.",
    ]
    (contact,) = doc.contacts
    assert contact.office is None
    assert contact.email is not None and contact.email.text == "alee@iom.int"
    assert [s.text for s in doc.trailer] == ["See", "x.org"]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"", 1, "empty"),
        (b" \n\xc2\xa0\n", 1, "empty"),
        (b"News\nGlobal\n\xff\xfe\x00garbage", 3, "not valid UTF-8"),
        (b"Title\n\x00\x01\x02", 2, "NUL"),
        (b"News\nGlobal\n\n", 4, "no title"),
        (b"Title\nFor more information please contact:\nX\n", 2, "no paragraphs"),
        (b"T\n\nText.\n\nFor more information please contact:\nTel: 1\n", 6, "telephone"),
    ],
)
def test_malformed_source_raises_kg_error(
    tmp_path: Path, content: bytes, line: int, message: str
) -> None:
    path = write(tmp_path, content)
    with pytest.raises(KgError, match=message) as info:
        read_source(path)
    err = info.value
    assert err.path == path
    assert err.line == line
    assert str(err).startswith(f"{path}:{line}: ")
    assert "\n" not in str(err)


@pytest.mark.parametrize(
    ("content", "contacts"),
    [
        # no contact at all: a release may have none
        (b"Title\n\nText.\n", []),
        # a header with nothing under it
        (b"Title\n\nText.\n\nFor more information please contact:\n\n", []),
        # "E-mail:" without an address: the contact has none
        (b"T\n\nText.\n\nFor more information please contact:\nA\nE-mail: none\n", [("A",)]),
    ],
)
def test_releases_without_a_full_contact_block_are_read(
    tmp_path: Path, content: bytes, contacts: list
) -> None:
    doc = read_source(write(tmp_path, content))
    assert [p.text for p in doc.paragraphs] == ["Text."]
    assert [(c.name.text,) for c in doc.contacts] == contacts
    assert all(c.email is None for c in doc.contacts)


def inline(sentence: str, after: str = "") -> CleanDocument:
    """A release whose last paragraph is ``sentence``, read from a file in a fresh folder."""
    import tempfile

    text = f"A Title\n\nThe body says something.\n\n{sentence}\n" + (
        f"\n{after}\n" if after else ""
    )
    folder = Path(tempfile.mkdtemp())
    return read_source(write(folder, text))


def fields(doc: CleanDocument) -> list[tuple]:
    return [
        tuple(s.text if s else None for s in (c.name, c.office, c.telephone, c.email))
        for c in doc.contacts
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "For more information please contact Ana Ruiz at IOM Mexico, Tel: +52 55 1234 5678, "
            "Email: aruiz@iom.int",
            [("Ana Ruiz", "IOM Mexico", "+52 55 1234 5678", "aruiz@iom.int")],
        ),
        (
            "For further information, please contact Dr. Omar Haddad at IOM Jordan. "
            "Tel: +962-6-5000000, Email: ohaddad@iom.int.",
            [("Omar Haddad", "IOM Jordan", "+962-6-5000000", "ohaddad@iom.int")],
        ),
        (  # the colon after "contact", a missing address
            "For More information please contact:  Lea Brun at IOM Geneva, Tel: +41 22 000 0000. "
            "Email: ",
            [("Lea Brun", "IOM Geneva", "+41 22 000 0000", None)],
        ),
        (  # two people joined by "or"
            "For more information, please contact Ana Ruiz at IOM Mexico, Tel: +52 55 1, "
            "Email: aruiz@iom.int or Ben Cole at IOM Washington, Tel: +1 202 555 0100, "
            "Email: bcole@iom.int",
            [
                ("Ana Ruiz", "IOM Mexico", "+52 55 1", "aruiz@iom.int"),
                ("Ben Cole", "IOM Washington", "+1 202 555 0100", "bcole@iom.int"),
            ],
        ),
        (  # joined by "and", no telephone, the office after a comma
            "For further information please contact Ana Ruiz, IOM Mexico, Email: aruiz@iom.int "
            "and Ben Cole, IOM Washington, Email: bcole@iom.int.",
            [
                ("Ana Ruiz", "IOM Mexico", None, "aruiz@iom.int"),
                ("Ben Cole", "IOM Washington", None, "bcole@iom.int"),
            ],
        ),
        (  # a name alone
            "For more information, please contact Ana Ruiz.",
            [("Ana Ruiz", None, None, None)],
        ),
        (  # an address in brackets, no label
            "For more information please contact Ana Ruiz (aruiz@iom.int).",
            [("Ana Ruiz", None, None, "aruiz@iom.int")],
        ),
        (  # the office in brackets, "Phone" and "E-mail" labels
            "Media contact: Ana Ruiz (IOM Mexico), Phone: +52 55 9, E-mail: aruiz@iom.int",
            [("Ana Ruiz", "IOM Mexico", "+52 55 9", "aruiz@iom.int")],
        ),
        (  # a role between the name and the office: the office is the last part
            "For more information please contact Ana Ruiz, Press Officer, IOM Mexico, "
            "Tel: +52 55 9",
            [("Ana Ruiz", "IOM Mexico", "+52 55 9", None)],
        ),
        (  # "Tel" in a place's name is no label
            "For more information please contact Dana Levi at IOM Tel Aviv, Tel +972 3 000 0000",
            [("Dana Levi", "IOM Tel Aviv", "+972 3 000 0000", None)],
        ),
        (  # a mailto link's debris after the label
            "For more information please contact Ana Ruiz at IOM Mexico, E-mail: "
            '"mailto:aruiz@iom.int">aruiz@iom.int',
            [("Ana Ruiz", "IOM Mexico", None, "aruiz@iom.int")],
        ),
    ],
)
def test_inline_contact_sentence(sentence: str, expected: list[tuple]) -> None:
    doc = inline(sentence)
    assert fields(doc) == expected
    assert [p.text for p in doc.paragraphs] == ["The body says something."]
    assert doc.trailer == ()
    for contact in doc.contacts:
        for span in (contact.name, contact.office, contact.telephone, contact.email):
            if span is not None:
                assert normalize_whitespace(doc.raw[span.start : span.end]) == span.text


def test_inline_contact_then_trailer() -> None:
    doc = inline(
        "For more information please contact Ana Ruiz at IOM Mexico, Email: aruiz@iom.int. "
        "Posted: Tuesday, 4 May 2021",
        after="Themes: Counter-trafficking",
    )
    assert fields(doc) == [("Ana Ruiz", "IOM Mexico", None, "aruiz@iom.int")]
    assert doc.trailer_text == "Posted: Tuesday, 4 May 2021 Themes: Counter-trafficking"


def test_a_sentence_that_names_no_one_is_not_a_contact() -> None:
    doc = inline("For more information please contact the office nearest to you.")
    assert doc.contacts == ()
    assert doc.trailer_text == "For more information please contact the office nearest to you."
    # "For more information, visit ..." is no contact sentence: it stays a paragraph
    doc = inline("For more information, visit the campaign's site.")
    assert [p.text for p in doc.paragraphs][
        -1
    ] == "For more information, visit the campaign's site."


def test_block_contact_variants(tmp_path: Path) -> None:
    # "E-mail" without its colon before a link's debris; a contact written inline in a block
    text = (
        "T\n\nText.\n\nFor more information please contact:\n\nAna Ruiz\n\nIOM San Jose\n\n"
        'Tel: + 506-000 0000 ext. 119\n\nE-mail "mailto:aruiz@iom.int">aruiz@iom.int\n\nor\n\n'
        "Ben Cole at IOM Geneva, Tel: +41 22 000 0000, Email: bcole@iom.int\n"
    )
    doc = read_source(write(tmp_path, text))
    assert fields(doc) == [
        ("Ana Ruiz", "IOM San Jose", "+ 506-000 0000 ext. 119", "aruiz@iom.int"),
        ("Ben Cole", "IOM Geneva", "+41 22 000 0000", "bcole@iom.int"),
    ]
    assert doc.trailer == ()


def test_document_id_from_the_file_name(tmp_path: Path) -> None:
    from kg.build.ingest import document_id

    assert document_id(Path("data/sources/007_abc.txt")) == "007"
    assert document_id(Path("release.txt")) is None
    assert document_id(Path("abc_007.txt")) is None
    doc = read_source(write(tmp_path, GOOD, name="release.txt"), doc_id="123")
    assert doc.id == "123"


def test_a_folder_is_a_directory_not_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="is a directory"):
        read_source(tmp_path)


def test_missing_file_raises_kg_error(tmp_path: Path) -> None:
    with pytest.raises(KgError) as info:
        read_source(tmp_path / "999_missing.txt")
    assert "999_missing.txt" in str(info.value)


def test_kg_error_formatting() -> None:
    assert str(KgError("a.txt", 3, "bad")) == "a.txt:3: bad"
    assert str(KgError("a.txt", None, "bad")) == "a.txt: bad"
    assert str(KgError(Path("a.txt"), message="bad")) == "a.txt: bad"
    assert str(KgError("a.txt", "bad")) == "a.txt: bad"
    err = KgError("a.txt", 3, "bad")
    assert (err.path, err.line, err.message) == ("a.txt", 3, "bad")


def test_a_heading_line_without_blank_lines_is_a_paragraph_of_its_own(tmp_path: Path) -> None:
    """A text without blank lines (a page's text as a stored copy gives it): a headline in
    title case or a menu's line after a sentence's end or after another heading ends its
    paragraph, so the release's first sentence is not read with the menu's debris before it
    (a year in the debris dated its numbers); a line wrapped in mid-sentence that looks like
    a heading ("... while / the National Institute for Geographical and IT / Statistics")
    does not."""
    text = (
        "Release\n"
        "Our WorkAs the leading organization, promoting since 1951 humane migration.\n"
        "- Data and Resources\n-\nTake Action\nwork with us\n- 2030 Agenda\n"
        "Stranded Migrants Return Home from Ruritania\n"
        "Zorva City – A group of 28 migrants will return home on Saturday.\n"
        "Children are victims of exploitation while\n"
        "the National Institute for Geographical and IT\n"
        "Statistics (INEGI) confirms that 99 per cent of workers are girls.\n"
    )
    paragraphs = [p.text for p in read_source(write(tmp_path, text)).paragraphs]
    assert paragraphs[-2] == "Zorva City – A group of 28 migrants will return home on Saturday."
    assert paragraphs[-3].endswith("Stranded Migrants Return Home from Ruritania")
    assert paragraphs[-1] == (
        "Children are victims of exploitation while the National Institute for Geographical "
        "and IT Statistics (INEGI) confirms that 99 per cent of workers are girls."
    )


ONE_LINE = (
    "Zorvan police detained a man suspected of trafficking 22 children in the province of "
    "Zorva, north of Zorvania, a police source said on Thursday.The suspect, aged 46, was "
    "detained at the station of Zorvapol as he got off the train with the children, said "
    "Jane Doe, a police spokesperson.\n"
)


def test_a_release_saved_as_one_line_is_headed_by_its_first_sentence() -> None:
    """A text of one line of more words than a headline (a page saved without its line
    breaks, its sentences glued: "...on Thursday.The suspect, ..."): its first sentence is its
    title, the rest its paragraph, not "no paragraphs between the title and the contacts"."""
    doc = parse_source(Path("951_one_line.txt"), ONE_LINE, "951")
    assert doc.title.text.endswith("a police source said on Thursday.")
    assert [p.text for p in doc.paragraphs] == [ONE_LINE[ONE_LINE.index("The suspect") :].strip()]
    assert ONE_LINE[doc.title.start : doc.title.end] == doc.title.text


@pytest.mark.parametrize(
    "text",
    [
        "Zorvan police detain a trafficking suspect\n",  # a headline alone
        "Zorvan police detained a man suspected of trafficking 22 children in the province of "
        "Zorva, north of Zorvania, said a source of the police of the province on Thursday\n",
    ],
)
def test_a_headline_or_one_sentence_alone_is_still_refused(text: str) -> None:
    with pytest.raises(KgError, match="no paragraphs between the title and the contacts"):
        parse_source(Path("951_one_line.txt"), text, "951")


def test_a_one_line_release_is_not_headed_at_an_abbreviation() -> None:
    """ "... found near St. Mary's Church in Zorvapol, ...": the first sentence ends at a
    sentence's end, not after "St." or "Dr."."""
    line = (
        "Zorvan Aid said on Monday that 40 victims of trafficking had been found near St. "
        "Mary's Church in Zorvapol, where the director of Zorvan Aid, Dr. Jane Doe, met them. "
        "The victims were taken to a shelter run by the city.\n"
    )
    doc = parse_source(Path("951_one_line.txt"), line, "951")
    assert doc.title.text.endswith("Dr. Jane Doe, met them.")
    assert doc.paragraphs[0].text == "The victims were taken to a shelter run by the city."


def test_a_line_the_text_did_not_wrap_ends_its_paragraph(tmp_path: Path) -> None:
    """A text without blank lines whose lines are not wrapped (a page's list of headlines, then
    the story): a line that ends without a full stop ends its paragraph before a capital, so
    the last headline's name is not read with the story's first words ("... afirma Ebrard" /
    "El Instituto ..." was one body, "Ebrard El Instituto Nacional de Migración")."""
    text = (
        "Release\n"
        "Diputados avalan la reforma; la secretaría investigará delitos a nivel nacional\n"
        "México hablará sobre el tratado en febrero; no es obligación del país, afirma Ebrard\n"
        "El Instituto Nacional de Migración (INM) informó que rescató a 160 personas víctimas "
        "del delito de trata entre 2018 y julio de este año, según un comunicado.\n"
        "Por nacionalidad, 48 víctimas provenían de Venezuela y 35 de Honduras, y la mayoría "
        "recibió asistencia en albergues.\n"
    )
    paragraphs = [p.text for p in read_source(write(tmp_path, text)).paragraphs]
    assert paragraphs[1].endswith("afirma Ebrard")
    assert paragraphs[2].startswith("El Instituto Nacional de Migración (INM) informó")


@pytest.mark.parametrize(
    "lines",
    [
        # a wrapped text whose next word would not have fit on the line: one sentence
        (
            "IOM yesterday completed a two-day training for Zorvan Border Police",
            "officers designed to raise their awareness of human trafficking,",
            "particularly across borders, and trained them in the law.",
            "The training, the first of its kind, was held at the Border",
            "Police Training Centre in Zorva, in close coordination with EUPOL,",
            "which plays the central role in assisting the Zorvan government",
            "with police reform.",
        ),
        # a line that ends in a word that runs on ("and", "de", a comma), whatever its length
        (
            "The project will open offices in Zorva, Tarvia and",
            "Lorvan Province, where it will train 200 officials in the law.",
        ),
    ],
)
def test_a_wrapped_line_still_runs_on_into_the_next(tmp_path: Path, lines) -> None:
    text = "Zorvan Border Police Trained\n" + "\n".join(lines) + "\n"
    last_sentence = [i for i, line in enumerate(lines) if line.endswith(".")][-2:]
    start = last_sentence[0] + 1 if len(last_sentence) == 2 else 0
    paragraphs = [p.text for p in read_source(write(tmp_path, text)).paragraphs]
    assert paragraphs[-1] == " ".join(lines[start:])


@pytest.mark.parametrize(
    "lines",
    [
        # a short wrapped text with no line running on into lower case
        (
            "The coast guard rescued 40 migrants off the coast of Velmar",
            "Island on Monday and took them to the port, officials said.",
        ),
        # a colon before a quote, a quote's comma before its speaker
        ("Ana Ruiz of IOM explained:", "“Last year we assisted 1,200 victims in the region.”"),
        ("“We rescued 40 people this week,”", "Ana Ruiz of IOM told reporters in Velmar."),
    ],
)
def test_a_wrapped_short_text_a_colon_or_a_quote_runs_on(tmp_path: Path, lines) -> None:
    text = "Zorvan Border Police Trained\n" + "\n".join(lines) + "\n"
    paragraphs = [p.text for p in read_source(write(tmp_path, text)).paragraphs]
    assert paragraphs == [" ".join(lines)]
