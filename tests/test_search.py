"""Full-text search (`kg.publish.search`): the index `kg publish` writes over the real corpus, what
its queries find (stems in English and Spanish, phrases), the search page over real HTTP
(groups, marked words, links to the facts, paging), hostile queries, `kg search`, and an
index that is the same bytes for the same inputs."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import cli
from kg.publish import search

BASE = "https://kg.example.org/"
CAMPAIGN = BASE + "id/campaign/no-mas-trata-de-personas"


@pytest.fixture(scope="module")
def index(published_dist: Path) -> search.Index:
    return search.Index(published_dist / search.INDEX)


@pytest.fixture(scope="module")
def http(kg_server):
    with httpx.Client(base_url=kg_server, timeout=30) as client:
        yield client


def words(pieces) -> str:
    return search.plain(pieces, lambda text: f"[{text}]")


def everything(index: search.Index, text: str) -> search.Results:
    return index.search(text, size=10_000)


# -- what the index finds --------------------------------------------------------------------


def test_the_index_holds_every_kind_of_text(index):
    db = index._db()
    counts = dict(db.execute("SELECT kind, count(*) FROM entries GROUP BY kind"))
    assert set(counts) == {"passage", "quote", "name", "description"}
    quotes = db.execute("SELECT count(DISTINCT iri) FROM entries WHERE kind = 'quote'")
    annotations = quotes.fetchone()[0]
    assert annotations > 300  # every annotation of the five documents has its quote
    assert dict(db.execute("SELECT document, label FROM documents"))["003"].startswith(
        "IOM Co-organizer"
    )


def test_trata_finds_the_campaign_and_its_passages(index):
    found = everything(index, "trata")
    assert found.things[0].iri == CAMPAIGN
    assert words(found.things[0].pieces) == "No más [Trata] de Personas"
    passage = next(p for p in found.passages if p.document == "003")
    assert "information campaign No más [Trata] de Personas, or No More Human Trafficking" in (
        words(passage.pieces)
    )
    assert CAMPAIGN in [fact.iri for fact in passage.facts]
    assert {p.document for p in found.passages} == {"003", "004"}


def test_stems_find_other_forms_of_the_words(index):
    found = everything(index, "victims assisted")
    texts = [words(p.pieces) for p in found.passages]
    # victims ... assisting: the same stems
    assert any("number of [victims] detected" in t and "[assisting] them" in t for t in texts)
    assert "[victims assisted]" in words(found.things[0].pieces)
    assert everything(index, "victim assisting").passages_total == found.passages_total


def test_a_spanish_stem_finds_a_spanish_name(index):
    plural = everything(index, "explotaciones")  # explotación sexual, explotación laboral
    iris = {t.iri for t in plural.things}
    assert BASE + "id/concept/exploitation-types/sexual-exploitation" in iris
    assert words(plural.things[0].pieces).startswith("[explotación]")
    # Comisiones: Comisión Nacional de los Derechos Humanos
    assert BASE + "id/organization/cndh" in {t.iri for t in everything(index, "comisiones").things}
    # accents and case ignored: mas, MÁS and más are one word
    assert everything(index, "no MAS trata").passages_total == 2


def test_a_phrase_is_found_as_it_is(index):
    phrase = everything(index, '"No más Trata de Personas"')
    assert {p.document for p in phrase.passages} == {"003", "004"}
    assert "[No más Trata de Personas]" in words(phrase.passages[0].pieces)
    assert everything(index, '"Trata más"').passages_total == 0
    assert everything(index, "trata más").passages_total == 2  # words, in any order
    # the words together: "54 victims assisted", not "assistance to 176 victims ... assisted"
    together = everything(index, '"victims assisted"')
    texts = [words(p.pieces) for p in together.passages]
    assert any("Of the 54 [victims assisted] through January 2008" in t for t in texts)
    assert not any("176 victims" in t.replace("[", "").replace("]", "") for t in texts)


def test_every_word_is_required(index):
    assert everything(index, "trata zzzzzz").passages_total == 0
    assert everything(index, "trata AND Juarez").passages_total == 1


def test_names_come_best_first(index):
    assert everything(index, "cndh").things[0].iri == BASE + "id/organization/cndh"
    assert everything(index, "juarez").things[0].label == "Ciudad Juárez"


# -- hostile queries -------------------------------------------------------------------------

HOSTILE = ['"', "*", "NEAR(", "a OR", ")", "^", ":", "en : x", "NOT", '"unclosed', "\x00", "'", "-"]


@pytest.mark.parametrize("text", HOSTILE)
def test_operators_are_never_read_as_fts5_syntax(index, text):
    query = search.parse(text)
    found = index.search(query)  # no sqlite3.OperationalError
    assert all(f'"{stem}"' in query.match() for group in query.stems("en") for stem in group)
    assert found.things_total >= 0


def test_a_long_query_is_refused(index):
    with pytest.raises(search.QueryError, match="at most 200 characters"):
        search.parse("a" * 10_000)
    with pytest.raises(search.QueryError, match="at most 200 characters"):
        search.parse("a" * (search.MAX_QUERY_LENGTH + 1))
    search.parse("a" * search.MAX_QUERY_LENGTH)
    with pytest.raises(search.QueryError, match="at most 20 words"):
        search.parse(" ".join(["trata"] * (search.MAX_WORDS + 1)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=search.MAX_QUERY_LENGTH))
def test_any_text_is_a_safe_query(index, text):
    try:
        query = search.parse(text)
    except search.QueryError:
        return
    index.search(query)


def test_a_long_paragraph_is_indexed_in_pieces_of_bounded_size(tmp_path):
    """A hostile page may be one paragraph of 5 MiB (`kg add` takes it): every hit on it
    made the server mark the words of the whole paragraph, seconds a request. It is indexed
    as passages of at most MAX_PASSAGE_WORDS words, which together hold all its words, each
    at its offsets in the source."""
    from kg.build.ingest import parse_source

    words_ = [f"w{i}" for i in range(5 * search.MAX_PASSAGE_WORDS + 7)]
    raw = "A title\n\n" + " \n ".join(words_) + "\n\nA short paragraph.\n"
    source = parse_source(tmp_path / "005_x.txt", raw, "005")
    rows = list(search._passage_rows(source, "https://x.org/s", "005", "en"))
    long = [r for r in rows if r.text.startswith("w")]
    assert len(long) == 6
    assert all(len(search.words(r.text)) <= search.MAX_PASSAGE_WORDS for r in long)
    assert " ".join(r.text for r in long) == " ".join(words_)
    assert all(r.text == " ".join(raw[r.start : r.end].split()) for r in rows)
    assert [r.text for r in rows if not r.text.startswith("w")] == ["A title", "A short paragraph."]


def _brute_snippet(text, language, query, size):
    """`search.snippet` as it was first written: each window counted afresh."""
    spans, found = search._marked(text, language, query)
    if len(found) <= size:
        return search._pieces(text, spans)
    best, best_key = 0, (-1, -1)
    for first in range(len(found) - size + 1):
        window = found[first : first + size]
        groups = 0
        for _, _, bits in window:
            groups |= bits
        key = (bin(groups).count("1"), sum(1 for _, m, _ in window if m))
        if key > best_key:
            best, best_key = first, key
    if best_key[1] > 0 and best > 0:
        best = max(0, best - 3)
    window = found[best : best + size]
    start = 0 if best == 0 else window[0][0][0]
    end = len(text) if best + size >= len(found) else window[-1][0][1]
    inside = [(s - start, e - start) for s, e in spans if start <= s and e <= end]
    pieces = search._pieces(text[start:end], inside)
    if start > 0:
        pieces.insert(0, ("…", False))
    if end < len(text):
        pieces.append(("…", False))
    return pieces


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["victim", "victims", "trata", "de", "the", "of", "IOM", "x"])),
    st.sampled_from(["victim", '"trata de" IOM', "the of x", '"of of" victims', "zzz"]),
    st.integers(min_value=2, max_value=12),
)
def test_the_sliding_window_picks_the_window_each_window_counted_picks(words_, text, size):
    """The snippet's window is found in one pass (counts kept as it slides): the same pieces
    as counting every window afresh, which took seconds on a long passage."""
    query = search.parse(text)
    passage = " ".join(words_)
    assert search.snippet(passage, "en", query, size) == _brute_snippet(passage, "en", query, size)


# -- the search page -------------------------------------------------------------------------


def test_search_page_groups_things_and_passages(http):
    response = http.get("/search", params={"q": "trata"})
    assert response.status_code == 200
    page = response.text
    things, passages = page.index('id="things"'), page.index('id="passages"')
    assert things < passages
    assert 'href="/id/campaign/no-mas-trata-de-personas"' in page[things:passages]
    texts = page[passages:]
    # the words found marked, the text escaped (the quotes of "No más Trata de Personas")
    assert "campaign – &#34;No más <mark>Trata</mark> de Personas&#34;, No More" in texts
    # each passage links to its document, its source text, and the facts it states
    assert 'href="/id/document/003"' in texts
    assert 'href="/source/003_c78386829e442b27.txt"' in texts
    assert re.search(r'States: .*href="/id/campaign/no-mas-trata-de-personas"', texts)


def test_search_json_lists_things_then_passages(http):
    hits = http.get("/search", params={"q": "trata", "format": "json"}).json()
    assert hits[0]["iri"] == CAMPAIGN and hits[0]["kind"] == "name"
    passage = next(hit for hit in hits if hit["kind"] == "passage")
    assert passage["document"] == "003" and passage["href"].startswith("/source/")
    assert CAMPAIGN in [fact["iri"] for fact in passage["facts"]]


def links(response: httpx.Response) -> dict[str, str]:
    header = response.headers.get("link", "")
    return {rel: href for href, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', header)}


def test_search_pages_follow_one_another(http, index):
    everything_found = everything(index, "victims")
    assert everything_found.passages_total > 2 * search.PAGE_SIZE
    seen, things, page, address = [], [], 0, "/search?q=victims&format=json"
    while address:
        response = http.get(address)
        assert response.status_code == 200
        page += 1
        hits = response.json()
        seen += [(h["document"], h["start"]) for h in hits if h["kind"] == "passage"]
        things += [h["iri"] for h in hits if h["kind"] != "passage"]
        rels = links(response)
        assert ("prev" in rels) == (page > 1)
        address = rels.get("next")
    most = max(everything_found.things_total, everything_found.passages_total)
    assert page == -(-most // search.PAGE_SIZE) > 2
    # every thing and every passage once, in one stable order
    assert seen == [(p.document, p.start) for p in everything_found.passages]
    assert things == [t.iri for t in everything_found.things]
    html = http.get("/search", params={"q": "victims", "page": "2"})
    assert links(html) == {"prev": "/search?q=victims&page=1", "next": "/search?q=victims&page=3"}
    assert 'rel="next"' in html.text and 'rel="prev"' in html.text
    assert http.get("/search", params={"q": "victims", "page": "2"}).text == html.text


@pytest.mark.parametrize("text", [*HOSTILE, "a" * 200, "%s", "{{7*7}}", "<script>"])
def test_hostile_queries_answer_cleanly(http, text):
    for fmt in ("html", "json"):
        response = http.get("/search", params={"q": text, "format": fmt})
        assert response.status_code == 200, (text, fmt)
    assert "<script>" not in http.get("/search", params={"q": "<script>"}).text


def test_a_page_is_a_whole_number_given_once(http):
    assert http.get("/search", params={"q": "trata", "page": "2"}).status_code == 200
    twice = http.get("/search?q=trata&page=1&page=2&format=json")
    assert twice.status_code == 400 and "once" in twice.json()["error"]


def test_refused_queries_are_400(http):
    for params in (
        {"q": "a" * 10_000},
        {"q": "trata " * (search.MAX_WORDS + 1)},
        {"q": "trata", "page": "0"},
        {"q": "trata", "page": "x"},
        {"q": "trata", "page": str(search.MAX_PAGE + 1)},
        # what int() takes and the listings refuse: the search page reads pages as they do
        {"q": "trata", "page": "1_0"},
        {"q": "trata", "page": " 2"},
        {"q": "trata", "page": "\u0662"},  # ARABIC-INDIC DIGIT TWO
        {"q": "trata", "page": "02"},
    ):
        response = http.get("/search", params=params)
        assert response.status_code == 400, params
        assert 'class="error"' in response.text
        data = http.get("/search", params={**params, "format": "json"})
        assert data.status_code == 400 and "error" in data.json()


# -- kg search -------------------------------------------------------------------------------


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_kg_search_in_a_pipe_is_csv(published_dist):
    result = kg("search", "trata", "--dist", str(published_dist))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(search.RECORD_FIELDS)
    assert rows[0]["iri"] == CAMPAIGN and rows[0]["kind"] == "name"
    passage = next(r for r in rows if r["kind"] == "passage")
    assert passage["document"] == "003" and CAMPAIGN in passage["facts"].split()


def test_kg_search_json_and_kinds(published_dist):
    result = kg("search", '"victims assisted"', "--dist", str(published_dist), "--format",
                "json", "--kind", "passages", "--limit", "1")  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["things"] == [] and len(data["passages"]) == 1
    assert any(piece["found"] for piece in data["passages"][0]["text"])


def test_kg_search_on_a_terminal_is_a_table(published_dist, monkeypatch, capsys):
    from rich.console import Console

    screen = io.StringIO()
    monkeypatch.setattr("kg.cli.output.out", Console(file=screen, force_terminal=True, width=100,
                                            color_system=None))  # fmt: skip
    assert cli.main(["search", "trata", "--dist", str(published_dist)]) == 0
    shown = screen.getvalue()
    assert "Things found by a name or description" in shown
    assert "Passages of the texts" in shown
    assert "3 things and 2 passages found (page 1 of 1)" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["*"], 1, "no words to search for"),
        (["a" * 10_000], 1, "at most 200 characters"),
        (["trata", "--page", "0"], 2, "--page"),
    ],
)
def test_kg_search_errors(published_dist, args, status, message):
    result = kg("search", *args, "--dist", str(published_dist))
    assert result.returncode == status
    assert message in result.stderr and "Traceback" not in result.stderr


def test_kg_search_without_an_index(tmp_path):
    result = kg("search", "trata", "--dist", str(tmp_path))
    assert result.returncode == 1
    assert "no search index here" in result.stderr


def test_kg_search_of_a_file_that_is_no_index(tmp_path):
    (tmp_path / search.INDEX).write_bytes(b"not a database at all" * 100)
    result = kg("search", "trata", "--dist", str(tmp_path))
    assert result.returncode == 1
    assert "not a search index" in result.stderr and "Traceback" not in result.stderr


# -- the same bytes for the same inputs ------------------------------------------------------


def test_the_index_is_the_same_bytes_for_the_same_build(built, published_dist, tmp_path):
    published = (published_dist / search.INDEX).read_bytes()
    again = tmp_path / "again.sqlite"
    search.write_index(built, again)
    assert again.read_bytes() == published
    # with the cache of each document's rows: stemmed once, the same bytes
    cache = tmp_path / "cache"
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    search.write_index(built, first, cache)
    records = sorted(p.name for p in (cache / "search").iterdir())
    assert len(records) == len(built.documents) + 1  # and the reference data
    search.write_index(built, second, cache)
    assert sorted(p.name for p in (cache / "search").iterdir()) == records
    assert first.read_bytes() == second.read_bytes() == published


def test_the_index_is_in_the_checksums(published_dist):
    sums = (published_dist / "SHA256SUMS").read_text(encoding="utf-8")
    assert re.search(r"^[0-9a-f]{64}  search\.sqlite$", sums, re.MULTILINE)


# -- in a browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from test_browser import chromium

    yield from chromium(tmp_path_factory)


def test_search_in_a_browser(browser, kg_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from test_browser import wait_for, wait_for_heading

    browser.get(kg_server + "/")
    box = browser.find_element(By.CSS_SELECTOR, "header input[type=search]")
    box.send_keys("victims assisted", Keys.ENTER)
    passages = wait_for(browser, "#passages + ol.evidence")
    marked = [m.text for m in passages.find_elements(By.CSS_SELECTOR, "blockquote mark")]
    assert {"victims", "assisted", "assistance"} <= {m.casefold() for m in marked}
    browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    WebDriverWait(browser, 15).until(lambda d: "page=2" in d.current_url)
    assert browser.find_element(By.CSS_SELECTOR, "nav.pager a[rel=prev]")
    browser.get(kg_server + "/search?q=%22No+m%C3%A1s+Trata%22&kind=passages")
    facts = wait_for(browser, "p.facts")
    facts.find_element(By.LINK_TEXT, "No More Human Trafficking").click()
    wait_for_heading(browser, "No More Human Trafficking")


def test_the_words_clients_search_for_do_not_fill_the_corpus_stem_cache():
    """A client may search for any number of made-up words: they are stemmed in a small cache
    of their own, and the corpus's stems (kept for every word of the vocabulary) stay as they
    were; the made-up words are still found where a text holds them."""
    from kg.publish import search_text

    search_text.stem("trafficking", "en")
    before = search_text.stem.cache_info().currsize
    for n in range(6000):
        query = search_text.parse(f"zq{n:05d}wordy{'x' * 150}")
        assert query.match()
    assert search_text.stem.cache_info().currsize == before
    assert search_text.query_stem.cache_info().currsize <= 4096
    pieces = search_text.mark("The zq00001 shelter", "en", search_text.parse("zq00001"))
    assert ("zq00001", True) in pieces
