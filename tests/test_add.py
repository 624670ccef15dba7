"""`kg add`: releases as published (HTML pages, text, standard input) filed in a copy of data/,
with their manifest entry and draft; what it refuses, in one line, leaving data/ as it was.

Every page here is made up for the test, in our own words."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
import yaml

from kg.build import curation
from kg.build.ingest import read_source
from kg.cli import main
from kg.errors import KgError
from kg.extraction import add as add_module
from kg.extraction.add import MAX_INPUT_BYTES, add, dateline_date

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

NAV = """<header class="site"><a href="/">UN Migration</a>
<nav><ul><li><a href="/who">Who we are</a><ul><li><a href="/states">Member states</a></li>
<li><a href="/structure">Organizational structure</a></li></ul></li>
<li><a href="/work">Our work</a></li><li><a href="/jobs">Work with us</a></li></ul></nav>
<form class="search"><input type="text" placeholder="Search the site"></form></header>
<div class="breadcrumb"><a href="/">Home</a> / <a href="/news">Newsroom</a></div>"""

FOOTER = """<aside class="related"><h2>More stories</h2><ul>
<li><a href="/n/1">Floods displace families along the river delta</a>
<time datetime="2019-03-12">12 March 2019</time></li>
<li><a href="/n/2">New survey maps seasonal work in the valley</a>
<time datetime="2020-01-20">20 January 2020</time></li></ul></aside>
<footer><div class="newsletter">Sign up for our weekly newsletter</div>
<ul><li><a href="/privacy">Privacy notice</a></li><li><a href="/terms">Terms of use</a></li></ul>
<p>Copyright the publisher. All rights reserved.</p></footer>
<script>window.tracker = window.tracker || []; tracker.push("page");</script>"""

BODY = [
    "The migration office in Tapachula this week opened a desk where people in transit can "
    "ask about their rights and about the shelters of the city.",
    "Two advisers staff the desk five days a week, and a hotline answers at night. The desk "
    "was set up with the National Migration Institute.",
    "Officials said the desk had answered questions from more than 300 people in its first "
    "days, most of them travelling with children.",
]
TITLE = "A Help Desk for People in Transit Opens in Tapachula"


def page(
    contact_html: str = "",
    *,
    title: str = TITLE,
    head: str = '<link rel="canonical" href="https://news.example.org/help-desk-tapachula">',
    body: list[str] | None = None,
    before_body: str = "",
) -> str:
    paragraphs = "\n".join(f"<p>{p}</p>" for p in (BODY if body is None else body))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Newsroom</title>
{head}
</head><body>
{NAV}
<main><article><h1>{title}</h1>
{before_body}
<div class="body">
{paragraphs}
{contact_html}
</div>
<div class="share">Share this story: <a href="#">Mastodon</a> <a href="#">Email</a></div>
</article></main>
{FOOTER}
</body></html>
"""


INLINE = (
    "<p>For more information please contact Hélène Le Goff at IOM Mexico, "
    "Tel: +52 55 5536 3922, Email: hlegoff@iom.int</p>"
)
BLOCK = (
    "<p>For more information, please contact:</p>"
    "<p>Hélène Le Goff<br>IOM Mexico<br>Tel: +52 55 5536 3922<br>"
    'E-mail: <a href="mailto:hlegoff@iom.int">hlegoff@iom.int</a></p>'
)
TWO = (
    "<p>For further information, please contact Hélène Le Goff at IOM Mexico, "
    "Tel: +52 55 5536 3922, Email: hlegoff@iom.int or Niurka Pineiro at IOM Washington, "
    "Email: npineiro@iom.int</p>"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def write_page(tmp_path: Path, html: str, name: str = "release.html") -> Path:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return path


def manifest(data: Path) -> list[dict]:
    return yaml.safe_load((data / "sources" / "manifest.yaml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- HTML pages


def test_an_html_page_is_filed_without_its_boilerplate(tmp_path: Path, data: Path) -> None:
    added = add(write_page(tmp_path, page(INLINE)), data, retrieved="2026-01-15")
    assert added.doc_id == "005"
    text = added.source_path.read_text(encoding="utf-8")
    assert added.source_path.name == (
        f"005_{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.txt"
    )
    assert text.startswith(TITLE + "\n\n")
    for paragraph in BODY:
        assert paragraph in text
    for boilerplate in (
        "Member states", "Organizational structure", "Search the site", "Newsroom",
        "Share this story", "More stories", "Floods displace", "newsletter", "Privacy notice",
        "All rights reserved", "tracker", "<", ">",
    ):  # fmt: skip
        assert boilerplate not in text, boilerplate
    # the filed text reads back as the same release
    document = read_source(added.source_path)
    assert document.id == "005"
    assert document.title.text == TITLE
    assert [p.text for p in document.paragraphs] == BODY
    entry = manifest(data)[-1]
    assert entry == {
        "id": "005",
        "file": added.source_path.name,
        "title": TITLE,
        "url": "https://news.example.org/help-desk-tapachula",
        "publisher": "International Organization for Migration",
        "language": "en",
        "retrieved": "2026-01-15",
    }
    # the draft and the proposed additions, as `kg extract` writes them
    draft = (data / "documents" / "005.yaml").read_text(encoding="utf-8")
    assert 'document: "005"' in draft
    assert "{ref: tapachula, quote: Tapachula}" in draft


@pytest.mark.parametrize(
    ("contact_html", "expected"),
    [
        (INLINE, [("Hélène Le Goff", "IOM Mexico", "+52 55 5536 3922", "hlegoff@iom.int")]),
        (BLOCK, [("Hélène Le Goff", "IOM Mexico", "+52 55 5536 3922", "hlegoff@iom.int")]),
        (
            TWO,
            [
                ("Hélène Le Goff", "IOM Mexico", "+52 55 5536 3922", "hlegoff@iom.int"),
                ("Niurka Pineiro", "IOM Washington", None, "npineiro@iom.int"),
            ],
        ),
        ("", []),
    ],
    ids=["inline", "block", "two-joined-by-or", "none"],
)
def test_each_contact_style(tmp_path: Path, data: Path, contact_html: str, expected) -> None:
    added = add(write_page(tmp_path, page(contact_html)), data)
    contacts = [
        tuple(s.text if s else None for s in (c.name, c.office, c.telephone, c.email))
        for c in read_source(added.source_path).contacts
    ]
    assert contacts == expected
    assert [p.text for p in added.document.paragraphs] == BODY


def test_the_date_of_the_page_metadata_is_kept(tmp_path: Path, data: Path) -> None:
    head = (
        '<link rel="canonical" href="https://news.example.org/dated">'
        '<meta property="article:published_time" content="2011-05-04T09:30:00+00:00">'
    )
    added = add(write_page(tmp_path, page(INLINE, head=head)), data)
    assert manifest(data)[-1]["published"] == "2011-05-04"
    assert (added.page.published, added.page.published_from) == ("2011-05-04", "page metadata")


def test_a_date_the_page_does_not_state_is_not_invented(tmp_path: Path, data: Path) -> None:
    # the related stories carry dates (2019, 2020), the release itself none
    added = add(write_page(tmp_path, page(INLINE)), data)
    assert added.page.published is None
    assert "published" not in manifest(data)[-1]


def test_a_dateline_states_the_date(tmp_path: Path, data: Path) -> None:
    body = ["Geneva, 3 May 2019 – " + BODY[0], *BODY[1:]]
    add(write_page(tmp_path, page(body=body)), data)
    assert manifest(data)[-1]["published"] == "2019-05-03"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["4 June, 2018", "The text."], "2018-06-04"),
        (["Posted: Tuesday, March 21, 2017", "The text."], "2017-03-21"),
        (["MEXICO CITY, 19 March 2010- The office said."], "2010-03-19"),
        (["Vienna (Austria), 16 May 2022 – The office said."], "2022-05-16"),
        (["VIENNA, 30 July (News Service) - no year is stated."], None),
        (["03/04/2017"], None),  # March or April: not stated
        (["Date Publish:", "The text."], None),
        (["The office assisted 1,200 people in 2019."], None),
        (["1 March 2999"], None),  # after the retrieval
    ],
)
def test_dateline_date(lines: list[str], expected: str | None) -> None:
    assert dateline_date(lines) == expected


# --------------------------------------------------------------------------- text and stdin


def test_a_text_file_is_filed_as_it_is(tmp_path: Path, data: Path) -> None:
    text = (
        f"{TITLE}\n\n{BODY[0]}\n\n{BODY[1]}\n\n"
        "For more information please contact Hélène Le Goff at IOM Mexico, "
        "Email: hlegoff@iom.int\n"
    )
    source = tmp_path / "release.txt"
    source.write_text(text, encoding="utf-8")
    added = add(source, data, url="https://news.example.org/text")
    assert added.source_path.read_text(encoding="utf-8") == text
    assert [c.name.text for c in added.document.contacts] == ["Hélène Le Goff"]


FRENCH = (
    "L'OIM soutient le retour de 243 migrants zorvaniens\n\n"
    "Zorvapol – L'Organisation internationale pour les migrations a aidé 243 migrants à "
    "rentrer chez eux depuis la Libye. Ils ont été accueillis à l'aéroport par les autorités, "
    "qui leur ont remis des vivres et une somme d'argent pour les premiers jours.\n"
)


@pytest.mark.parametrize(
    ("text", "language", "given"),
    [
        (FRENCH, "fr", None),
        (f"{TITLE}\n\n{BODY[0]}\n\n{BODY[1]}\n", "en", None),
        (FRENCH, "fr-CA", "fr-CA"),  # what the curator says wins
    ],
)
def test_a_text_file_s_language_is_the_one_it_is_written_in(
    tmp_path: Path, data: Path, text: str, language: str, given: str | None
) -> None:
    """A text file says no language of its own: the manifest records the one the text is
    written in (a release in French was recorded as English), or the one --language gives;
    the draft of a release in French says which of its words the rules read."""
    source = tmp_path / "release.txt"
    source.write_text(text, encoding="utf-8")
    added = add(source, data, url="https://news.example.org/lang", language=given)
    assert manifest(data)[-1]["language"] == language
    draft = (data / "documents" / f"{added.doc_id}.yaml").read_text(encoding="utf-8")
    assert ("by the words of that language it knows" in draft) == (language != "en")


def test_a_title_given_drops_what_precedes_it(tmp_path: Path, data: Path) -> None:
    text = f"Site banner\nPress centre\n\n{TITLE}\n\n{BODY[0]}\n"
    source = tmp_path / "release.txt"
    source.write_text(text, encoding="utf-8")
    added = add(source, data, url="https://news.example.org/t", title=TITLE)
    assert added.source_path.read_text(encoding="utf-8") == f"{TITLE}\n\n{BODY[0]}\n"
    with pytest.raises(KgError, match="no line of the text reads"):
        add(source, data, url="https://news.example.org/u", title="Another title")


def test_standard_input(data: Path) -> None:
    html = page(INLINE).encode("utf-8")
    added = add("-", data, stdin=io.BytesIO(html))
    assert added.entry["title"] == TITLE
    text = f"{TITLE}\n\n{BODY[0]}\n".encode()
    added = add("-", data, stdin=io.BytesIO(text), url="https://news.example.org/stdin")
    assert added.doc_id == "006"
    assert added.source_path.read_bytes() == text


def test_standard_input_from_the_command(data: Path, monkeypatch, capsys) -> None:
    stream = io.TextIOWrapper(io.BytesIO(page(INLINE).encode("utf-8")))
    monkeypatch.setattr("sys.stdin", stream)
    assert main(["add", "-", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert "added document 005" in out
    assert "contacts: Hélène Le Goff" in out


def test_ids_follow_on(tmp_path: Path, data: Path) -> None:
    first = add(write_page(tmp_path, page(INLINE)), data)
    other = page(INLINE, head='<link rel="canonical" href="https://news.example.org/other">')
    second = add(write_page(tmp_path, other.replace("Two advisers", "Three advisers")), data)
    assert (first.doc_id, second.doc_id) == ("005", "006")
    assert [e["id"] for e in manifest(data)] == ["000", "001", "002", "003", "004", "005", "006"]


def test_a_title_with_yaml_characters_reads_back(tmp_path: Path, data: Path) -> None:
    title = 'Desk opens: "help" for #people in transit - at last'
    add(write_page(tmp_path, page(INLINE, title=title)), data)
    assert manifest(data)[-1]["title"] == title


@pytest.mark.parametrize(
    "head, language",
    [
        # characters YAML may not hold as they are, in the page's address and language
        ('<link rel="canonical" href="https://news.example.org/a\x9fb\x80">', None),
        ('<link rel="canonical" href="https://news.example.org/a\ufffeb">', None),
        ('<link rel="canonical" href="https://news.example.org/a\u202eb">', None),
        (None, "e\x9fn\ufffe"),
        (None, "es\nfile: ../../etc/passwd"),
    ],
)
def test_a_hostile_address_or_language_leaves_the_manifest_readable(
    tmp_path: Path, data: Path, head: str | None, language: str | None
) -> None:
    """What a page says of itself is checked by parsers (an IRI's, a language tag's) before it
    reaches the manifest, which stays YAML that reads back: a C1 control or a noncharacter
    once made the whole manifest unreadable (PyYAML refuses them), and every later command
    with it."""
    html = page(INLINE, **({"head": head} if head else {}))
    if language:
        html = html.replace('lang="en"', f'lang="{language}"')
    path = tmp_path / "release.html"
    path.write_bytes(html.encode("utf-8"))
    if head:
        with pytest.raises(KgError, match="not an http"):
            add(path, data)
    else:
        add(path, data)
        assert manifest(data)[-1]["language"] == "en"  # not a language tag: the default
    entries = curation.load(data / "sources" / "manifest.yaml", curation.MAX_MANIFEST_BYTES)
    assert len(entries) == len(manifest(data))


def test_any_title_reads_back_from_the_manifest(tmp_path: Path, data: Path) -> None:
    """Every character is written so that YAML reads it back as it was: controls, C1
    controls, noncharacters and line separators escaped, the rest as it is."""
    title = 'Desk\x9f opens\x80 "here" \\ #1: \ufffe\U0001f600 é'
    added = add(write_page(tmp_path, page(INLINE)), data, title=title)
    entry = manifest(data)[-1]
    assert entry["title"] == added.entry["title"] and entry["id"] == added.doc_id
    text = (data / "sources" / "manifest.yaml").read_text(encoding="utf-8")
    assert "\x9f" not in text and "\ufffe" not in text  # escaped, not as they are
    curation.load(data / "sources" / "manifest.yaml", curation.MAX_MANIFEST_BYTES)
    with pytest.raises(KgError, match="language tag"):
        add(write_page(tmp_path, page(INLINE, title="Another")), data, language="en\x9f")


# --------------------------------------------------------------------------- refused, unchanged


def refused(data: Path, argv: list[str], capsys, stdin: bytes | None = None) -> str:
    """Run `kg add ARGV`; assert it fails with one error line and leaves data/ as it was."""
    before = snapshot(data)
    status = main(["add", *argv, "--data", str(data)])
    err = capsys.readouterr().err
    assert status != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and "internal error" not in err
    assert snapshot(data) == before
    return lines[0]


def test_a_text_holding_controls_gives_a_draft_that_reads_back(tmp_path: Path, data: Path) -> None:
    """A text file is filed as it is, C1 controls, noncharacters and line separators
    included; the draft and the proposed additions quote it, escaped, so that the curation
    files' parser (which refuses those characters as they are) reads them back."""
    seed = next((DATA / "sources").glob("000_*.txt")).read_text(encoding="utf-8")
    hostile = seed.replace(" the ", " the\x9f ").replace("IOM", "IO\x80M\ufffe")
    path = tmp_path / "release.txt"
    path.write_text(hostile.replace(" of ", " of\u2028"), encoding="utf-8")
    added = add(path, data, url="https://x.org/controls")
    assert added.additions_path is not None
    for written in (added.draft_path, added.additions_path, data / "sources" / "manifest.yaml"):
        curation.load(written, curation.MAX_MANIFEST_BYTES)
    assert "\x9f" in added.source_path.read_text(encoding="utf-8")  # the text as it was


def test_a_title_over_the_manifests_value_limit_is_refused(tmp_path: Path, data: Path, capsys):
    """A text file's first line is its title, however long: one of more characters than a
    curation file's value may hold is refused, not filed in a manifest that no later command
    could read."""
    text = tmp_path / "release.txt"
    title = "Word " * (curation.MAX_VALUE_CHARS // 5 + 10)
    text.write_text(f"{title}\n\n{BODY[0]}\n", encoding="utf-8")
    line = refused(data, [str(text), "--url", "https://x.org/long"], capsys)
    assert "would not read back" in line and "65,536" in line


def test_refusals_leave_data_unchanged(tmp_path: Path, data: Path, capsys) -> None:
    missing = tmp_path / "missing.html"
    assert f"{missing}: no such file" in refused(data, [str(missing)], capsys)
    assert "is a directory" in refused(data, [str(tmp_path)], capsys)
    text = tmp_path / "release.txt"
    text.write_text(f"{TITLE}\n\n{BODY[0]}\n", encoding="utf-8")
    assert "--url" in refused(data, [str(text)], capsys)
    assert "not an http" in refused(data, [str(text), "--url", "ftp://x.org/a"], capsys)
    line = refused(data, [str(text), "--url", "https://x.org/a", "--retrieved", "May"], capsys)
    assert "--retrieved" in line and "YYYY-MM-DD" in line
    binary = tmp_path / "release.bin"
    binary.write_bytes(b"Title\n\n\xff\xfe text\n")
    line = refused(data, [str(binary), "--url", "https://x.org/b"], capsys)
    assert line.startswith(f"error: {binary}:3: not valid UTF-8")
    empty_page = write_page(tmp_path, page(body=[]), "empty.html")
    assert "no article text" in refused(data, [str(empty_page)], capsys)
    seed = manifest(data)[0]
    known = page(INLINE, head=f'<link rel="canonical" href="{seed["url"]}">')
    line = refused(data, [str(write_page(tmp_path, known, "known.html"))], capsys)
    assert "is already document 000" in line
    line = refused(data, [str(text), "--url", "https://x.org/c", "--publisher", "Nobody"], capsys)
    assert "Nobody" in line


def test_an_input_over_the_size_limit_is_refused(tmp_path: Path, data: Path, capsys) -> None:
    big = tmp_path / "big.html"
    filler = "<p>" + "padding " * 1000 + "</p>\n"
    html = page(INLINE, before_body=filler * (MAX_INPUT_BYTES // len(filler) + 1))
    big.write_text(html, encoding="utf-8")
    assert big.stat().st_size > MAX_INPUT_BYTES
    assert "larger than 5 MiB" in refused(data, [str(big)], capsys)
    # the same limit on standard input
    with pytest.raises(KgError, match="larger than 5 MiB"):
        add("-", data, stdin=io.BytesIO(html.encode("utf-8")))


def test_a_page_over_the_paragraph_or_word_limit_is_refused(tmp_path: Path, data: Path, capsys):
    """Drafting reads the text once a paragraph: 15,000 paragraphs (2.4 MB, under the size
    limit) took six minutes. One paragraph more than MAX_PARAGRAPHS, or one word more than
    MAX_WORDS in one paragraph, is refused before drafting."""
    many = page(INLINE, body=[f"{BODY[0]} {i}" for i in range(add_module.MAX_PARAGRAPHS + 1)])
    line = refused(data, [str(write_page(tmp_path, many, "many.html"))], capsys)
    assert "1,001 paragraphs" in line and "at most 1,000 paragraphs" in line
    long = page(INLINE, body=["word " * add_module.MAX_WORDS, BODY[0]])
    line = refused(data, [str(write_page(tmp_path, long, "long.html"))], capsys)
    assert "50,000 words" in line


def test_a_failure_while_writing_leaves_data_unchanged(
    tmp_path: Path, data: Path, monkeypatch
) -> None:
    before = snapshot(data)
    real = add_module.atomic.write_bytes

    def failing(path: Path, payload: bytes) -> None:
        if path.name == "manifest.yaml":
            raise OSError(28, "No space left on device", str(path))
        real(path, payload)

    monkeypatch.setattr(add_module.atomic, "write_bytes", failing)
    with pytest.raises(OSError, match="No space left"):
        add(write_page(tmp_path, page(INLINE)), data)
    assert snapshot(data) == before
    assert not list(data.rglob("*.tmp"))
    assert not (data / "reference" / "proposed").exists()  # the folder made for it, gone


def test_hostile_html_is_parsed_not_stripped(tmp_path: Path, data: Path) -> None:
    hostile = page(
        INLINE,
        body=[
            BODY[0] + "<script>alert('x')</script><!-- <p>hidden</p> -->",
            BODY[1] + '<img src="x" onerror="alert(1)">',
            "&lt;b&gt;not a tag&lt;/b&gt; " + BODY[2],
        ],
    )
    added = add(write_page(tmp_path, hostile), data)
    text = added.source_path.read_text(encoding="utf-8")
    assert "alert" not in text and "hidden" not in text and "onerror" not in text
    assert "<b>not a tag</b> " + BODY[2] in text  # an escaped "<" is text


# --------------------------------------------------------------------------- --publish


def test_publish_when_the_draft_conforms(tmp_path: Path, data: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # the publish cache
    head = (
        '<link rel="canonical" href="https://news.example.org/p">'
        '<meta property="article:published_time" content="2011-05-04">'
    )
    source = write_page(tmp_path, page(INLINE, head=head))
    out = tmp_path / "dist"
    assert main(["add", str(source), "--data", str(data), "--publish", "--out", str(out)]) == 0
    assert "6 documents" in capsys.readouterr().out
    nt = (out / "kg.nt").read_text(encoding="utf-8")
    assert (
        "<https://kg.example.org/id/document/005> <https://schema.org/datePublished> "
        '"2011-05-04"^^<http://www.w3.org/2001/XMLSchema#date> .'
    ) in nt


def test_publish_refused_lists_each_item_to_fix(tmp_path: Path, data: Path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    contact = (
        "<p>For more information please contact Ana Ruiz at IOM Mexico, Email: aruiz@iom.int "
        "or Ben Cole at the Harbour Office, Email: bcole@iom.int</p>"
    )
    source = write_page(tmp_path, page(contact))
    out = tmp_path / "dist"
    assert main(["add", str(source), "--data", str(data), "--publish", "--out", str(out)]) == 1
    errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(errors) == 3  # two people and one office the reference data lacks
    assert all("sources/005_" in e and "press contact" in e for e in errors)
    assert {e.split("'")[1] for e in errors} == {"Ana Ruiz", "Ben Cole", "the Harbour Office"}
    assert not out.exists()
    assert (data / "documents" / "005.yaml").is_file()  # filed, for review


# --------------------------------------------------------------------------- kg extract


def test_extract_needs_an_id_for_a_source_not_named_nnn(tmp_path: Path, capsys) -> None:
    source = tmp_path / "release.txt"
    source.write_text(f"{TITLE}\n\n{BODY[0]}\n", encoding="utf-8")
    status = main(["extract", str(source), "--data", str(DATA), "--out", "-"])
    assert status == 1
    assert "--id" in capsys.readouterr().err
    assert main(["extract", str(source), "--data", str(DATA), "--out", "-", "--id", "077"]) == 0
    assert 'document: "077"' in capsys.readouterr().out


def test_extract_to_standard_output_writes_no_additions(data: Path, capsys) -> None:
    source = data / "sources" / "004_549da26f68b06d7e.txt"
    before = snapshot(data)
    assert main(["extract", str(source), "--data", str(data), "--out", "-", "--force"]) == 0
    assert snapshot(data) == before
    assert not (data / "reference" / "proposed").exists()


def test_extract_of_a_folder_says_it_is_a_directory(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path), "--data", str(DATA), "--out", "-"]) == 1
    assert "is a directory" in capsys.readouterr().err


def test_the_next_id_counts_ascii_digits_only(tmp_path):
    """An id of other digits (superscript, Arabic-Indic) in a hand-edited manifest is not a
    number to count from; it neither crashes nor pushes the next id."""
    manifest = [{"id": "004"}, {"id": "²"}, {"id": "٣٣٣"}, {"id": "x12"}]
    assert add_module.next_id(tmp_path, manifest) == "005"
    assert add_module.next_id(tmp_path, []) == "000"
    assert add_module.next_id(tmp_path, [{"id": "0999"}]) == "1000"


def test_a_text_of_more_words_than_a_release_is_refused_before_it_is_read(
    tmp_path: Path, data: Path, monkeypatch
) -> None:
    """A text file of one-word paragraphs within the size limit (5 MiB of them took 20 s and
    580 MB to reach the paragraph limit): its words are counted first, and it is refused
    before its paragraphs are read."""
    from kg.extraction import pages

    def parse_source(*args, **kwargs):
        raise AssertionError("the text was read")

    monkeypatch.setattr(pages.ingest, "parse_source", parse_source)
    text = tmp_path / "words.txt"
    text.write_text("Title\n\n" + "w\n\n" * add_module.MAX_WORDS, encoding="utf-8")
    before = snapshot(data)
    with pytest.raises(KgError, match="50,001 words: not one press release"):
        add(text, data, url="https://news.example.org/words")
    assert snapshot(data) == before
