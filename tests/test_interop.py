"""The published files in other people's tools: independent, strict implementations read every
dump with the counts kg reports, answer the named queries with kg's rows and validate with kg's
shapes as kg does (docs/interop.md).

The tools are Debian's: Apache Jena 4.5 (libapache-jena-java: `riot`, `sparql`, `shacl`, run
from the jars on a headless JRE), serd's `serdi` and Raptor's `rapper`. `make interop` installs
them; without one, its tests skip in one line.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from kg.build.validate import load_shapes, validate
from kg.cli import main
from kg.publish import export
from kg.store.query import named_queries
from test_portable_queries import concatenated
from test_shapes import ALLOWED, CASES, FIXTURES, fixture_graph

ROOT = Path(__file__).resolve().parents[1]
JARS = Path("/usr/share/java")
# What libapache-jena-java depends on in Debian 12, by the packages' unversioned jar names;
# slf4j-simple prints Jena's warnings and errors (on stderr), which the tests read.
JENA_DEPENDENCIES = (
    "commons-cli",
    "commons-codec",
    "commons-compress",
    "commons-csv",
    "commons-io",
    "commons-lang3",
    "dexx.collection",
    "gson",
    "guava",
    "httpclient",
    "httpclient-cache",
    "httpcore",
    "jackson-annotations",
    "jackson-core",
    "jackson-databind",
    "jakarta.json-api",
    "jsonld-java",
    "protobuf",
    "slf4j-api",
    "slf4j-simple",
    "thrift",
    "titanium-json-ld",
)
SERDI = shutil.which("serdi")
RAPPER = shutil.which("rapper")
VOID = "http://rdfs.org/ns/void#"
KG = "https://kg.example.org/def/kg#"

# Each dump: what it holds, and the syntax name riot, serdi and rapper give its format (None:
# the tool does not read it). Jena 4.5's JSON-LD 1.1 reader (Titanium) needs a JSON-P provider
# that Debian 12 does not package, so kg.jsonld is read by its JSON-LD 1.0 reader (jsonld-java):
# kg.jsonld uses nothing JSON-LD 1.1 added. rapper's `json` is RDF/JSON, not JSON-LD.
DUMPS = {
    "kg.ttl": ("triples", "turtle", "turtle", "turtle"),
    "kg-inferred.ttl": ("triples", "turtle", "turtle", "turtle"),
    "kg.trig": ("quads", "trig", "trig", "trig"),
    "kg.nt": ("triples", "ntriples", "ntriples", "ntriples"),
    "kg.nq": ("quads", "nquads", "nquads", "nquads"),
    "kg.jsonld": ("triples", "jsonld10", None, None),
}
# The other RDF files of dist/, all Turtle (the shapes: one file per shape family).
SHAPES = ROOT / "src" / "kg" / "shapes"
DESCRIPTIONS = (
    "void.ttl",
    "shacl-report.ttl",
    "ontology/kg.ttl",
    "ontology/imports.ttl",
    *(f"shapes/{path.name}" for path in sorted(SHAPES.glob("*.ttl"))),
)


# --------------------------------------------------------------------------------------------
# The tools
# --------------------------------------------------------------------------------------------


def xerces_messages(core: Path, folder: Path) -> None:
    """Debian 12's jena-core.jar holds Jena's copy of Xerces (XSD datatypes and their regular
    expressions) in the package `xerces` but its message files under org/apache/jena/ext/xerces,
    where those classes do not look: the first XSD datatype then fails ("Couldn't load
    messages: Can't find bundle for base name xerces.impl.xpath.regex.message") and no Jena
    command starts. Copy them to where the classes look; a jar that has them needs nothing."""
    moved = "org/apache/jena/ext/xerces/"
    with zipfile.ZipFile(core) as jar:
        names = set(jar.namelist())
        if "xerces/impl/xpath/regex/RegularExpression.class" not in names:
            return
        for name in names:
            if name.startswith(moved) and name.endswith(".properties"):
                target = folder / "xerces" / name[len(moved) :]
                if f"xerces/{name[len(moved) :]}" not in names:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(jar.read(name))


@pytest.fixture(scope="module")
def jena(tmp_path_factory):
    """Apache Jena's commands from Debian's jars, or a skip saying what is missing."""
    java = shutil.which("java")
    jars = sorted(p for p in JARS.glob("jena-*.jar") if not re.search(r"-\d[\d.]*\.jar$", p.name))
    if java is None or not (JARS / "jena-cmds.jar").exists():
        pytest.skip("Apache Jena is not installed (make interop: libapache-jena-java, a JRE)")
    missing = [name for name in JENA_DEPENDENCIES if not (JARS / f"{name}.jar").exists()]
    if missing:
        pytest.skip(f"Jena's dependencies are missing from {JARS}: {', '.join(missing)}")
    messages = tmp_path_factory.mktemp("jena-xerces")
    xerces_messages(JARS / "jena-core.jar", messages)
    classpath = ":".join(
        [*map(str, jars), *(str(JARS / f"{name}.jar") for name in JENA_DEPENDENCIES), str(messages)]
    )

    return Jena(java, classpath)


class Jena:
    """Jena's commands (riotcmd.riot, arq.sparql, shacl.shacl) run as the scripts of Jena's own
    distribution run them, on Debian's jars."""

    def __init__(self, java: str, classpath: str):
        self.java, self.classpath = java, classpath

    def __call__(self, main_class: str, *arguments) -> subprocess.CompletedProcess:
        """One command in its own JVM."""
        return self._java([main_class, *map(str, arguments)])

    def batch(self, commands: list[tuple[Path, str, list]]) -> subprocess.CompletedProcess:
        """(output file, main class, arguments) commands one after the other in one JVM
        (tests/interop/JenaCommands.java, run from source): Java and Jena start once."""
        lines = "".join(
            "\t".join([str(output), main_class, *map(str, arguments)]) + "\n"
            for output, main_class, arguments in commands
        )
        return self._java([str(ROOT / "tests" / "interop" / "JenaCommands.java")], lines)

    def _java(self, arguments: list[str], given: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.java, "-cp", self.classpath, *arguments],
            input=given,
            capture_output=True,
            text=True,
            timeout=600,
        )


def complaints(stderr: str) -> list[str]:
    """Jena's warnings and errors (slf4j-simple: `[main] WARN org.apache.jena.riot - ...`)."""
    return [line for line in stderr.splitlines() if re.search(r"\] (WARN|ERROR) ", line)]


# What riot says on stderr beside warnings and errors: the file it reads, and with --count what
# it read (`file:///.../kg.ttl : Triples = 9,217`, then a total).
_INFORMATION = re.compile(r"\[\w+\] INFO |\S+ : (Triples|Quads) = [\d,]+$|Total +: ")


def ran(process: subprocess.CompletedProcess) -> str:
    """The output of a Jena command that must succeed: exit 0, and nothing on stderr but
    information."""
    problems = [
        line for line in process.stderr.splitlines() if line and not _INFORMATION.match(line)
    ]
    said = problems or process.stdout.splitlines()  # ARQ writes its exceptions to stdout
    assert process.returncode == 0 and not problems, "\n".join(
        [f"{' '.join(map(str, process.args[3:]))}: exit {process.returncode}", *said[:20]]
    )
    return process.stdout


def serdi():
    if SERDI is None:
        pytest.skip("serdi is not installed (make interop: Debian's serdi)")
    return SERDI


def rapper():
    if RAPPER is None:
        pytest.skip("rapper is not installed (make interop: Debian's raptor2-utils)")
    return RAPPER


# N-Triples and N-Quads may write any character as \uXXXX or \UXXXXXXXX
# (https://www.w3.org/TR/n-triples/#grammar-production-UCHAR); serdi and rapper write every
# non-ASCII one so, kg and riot write the character itself.
_ESCAPE = re.compile(r"\\(\\|u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")


def unescaped(line: str) -> str:
    return _ESCAPE.sub(
        lambda m: m[0] if m[1] == "\\" else chr(int(m[2] or m[3], 16)),
        line,
    )


def statements(text: str) -> list[str]:
    """N-Triples or N-Quads output as sorted lines, every character written as itself."""
    return sorted(unescaped(line) for line in text.splitlines() if line.strip())


# --------------------------------------------------------------------------------------------
# What kg says it published
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reported(built, published_dist) -> dict[str, int]:
    """The count of each dump as void.ttl gives it: its kg:quads where it has named graphs,
    else its void:triples; checked against the figures `kg publish` prints."""
    void = ox.Store()
    void.load(path=str(published_dist / "void.ttl"), format=ox.RdfFormat.TURTLE)
    counts = {}
    for row in void.query(
        f"""SELECT ?title ?triples ?quads WHERE {{
            ?dump a <http://www.w3.org/ns/dcat#Distribution> ;
                <http://purl.org/dc/terms/title> ?title ; <{VOID}triples> ?triples .
            OPTIONAL {{ ?dump <{KG}quads> ?quads }} }}"""
    ):
        counts[row["title"].value] = int((row["quads"] or row["triples"]).value)
    # What `kg publish` prints for these dumps: counted anew, since a test that writes the
    # session's build in parts leaves their sums in it.
    figures = export.summary(dataclasses.replace(built, stats=None))
    assert (
        counts["kg.nt"] == figures["triples"] and counts["kg-inferred.ttl"] == figures["inferred"]
    )
    assert set(DUMPS) <= set(counts), sorted(counts)
    return counts


def lines(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines())


def expected_statements(dist: Path, dump: str) -> list[str] | None:
    """The sorted lines of kg.nt (the asserted triples) or kg.nq (the quads) that a tool's
    N-Triples or N-Quads of `dump` must give; None for kg-inferred.ttl (counted only)."""
    if dump == "kg-inferred.ttl":
        return None
    return lines(dist / ("kg.nq" if DUMPS[dump][0] == "quads" else "kg.nt"))


# --------------------------------------------------------------------------------------------
# Parsing: riot, serdi, rapper
# --------------------------------------------------------------------------------------------

_RIOT_COUNT = re.compile(r"^file://\S*?/dist/(\S+) : (Triples|Quads) = ([\d,]+)$", re.MULTILINE)


def test_riot_validates_every_file_strictly_with_kgs_counts(jena, published_dist, reported):
    """`riot --validate --strict --count` over every Turtle, TriG, N-Triples and N-Quads file of
    dist/ in one run: no warning (riot warns of bad IRIs, language tags and lexical forms such
    as "x"^^xsd:integer), and the counts of void.ttl; the other files as many triples as kg
    reads in them."""
    files = [name for name, row in DUMPS.items() if row[1] != "jsonld10"] + list(DESCRIPTIONS)
    paths = [published_dist / name for name in files]
    process = jena("riotcmd.riot", "--validate", "--strict", "--count", *paths)
    ran(process)
    output = process.stderr  # where riot writes its counts
    counted = {name: int(n.replace(",", "")) for name, _, n in _RIOT_COUNT.findall(output)}
    assert sorted(counted) == sorted(files), output
    for name in files:
        expected = reported.get(name)
        if expected is None:  # not a dump: as many triples as kg's own parser reads
            expected = sum(1 for _ in ox.parse(path=str(published_dist / name)))
        assert counted[name] == expected, name


@pytest.mark.parametrize("dump", ["kg.ttl", "kg.trig", "kg.jsonld"])
def test_riot_reads_the_statements_kg_wrote(jena, published_dist, reported, dump):
    """riot's N-Triples (N-Quads) of kg.ttl and kg.jsonld (kg.trig) are kg.nt's (kg.nq's)
    lines, each once."""
    kind, riot, _, _ = DUMPS[dump]
    output = ran(
        jena(
            "riotcmd.riot",
            "--strict",
            f"--syntax={riot}",
            f"--output={'nq' if kind == 'quads' else 'nt'}",
            published_dist / dump,
        )
    )
    theirs = statements(output)
    assert len(theirs) == reported[dump]
    assert theirs == expected_statements(published_dist, dump)


def _by(tool: int) -> list:
    return [
        pytest.param(name, row[tool], id=name)
        for name, row in DUMPS.items()
        if row[tool] is not None
    ] + [pytest.param(name, "turtle", id=name) for name in DESCRIPTIONS]


def _read(command: list[str], name: str) -> list[str]:
    """The statements serdi or rapper writes: exit 0 and nothing on stderr."""
    process = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert process.returncode == 0 and not process.stderr.strip(), (
        f"{name}: exit {process.returncode}: {process.stderr[:2000]}"
    )
    return statements(process.stdout)


def _check(theirs: list[str], dist: Path, reported: dict, name: str) -> None:
    if name in DUMPS:
        assert len(theirs) == reported[name], name
        expected = expected_statements(dist, name)
        assert expected is None or theirs == expected, name
    else:
        assert len(theirs) == sum(1 for _ in ox.parse(path=str(dist / name))), name


@pytest.mark.parametrize("dump, syntax", _by(2))
def test_serdi_reads_every_file_strictly(published_dist, reported, dump, syntax):
    """serdi (strict unless -l) reads each Turtle, TriG, N-Triples and N-Quads file with the
    statements kg wrote."""
    out = "nquads" if syntax in ("trig", "nquads") else "ntriples"
    command = [serdi(), "-i", syntax, "-o", out, str(published_dist / dump)]
    _check(_read(command, dump), published_dist, reported, dump)


@pytest.mark.parametrize("dump, syntax", _by(3))
def test_rapper_reads_every_file_strictly(published_dist, reported, dump, syntax):
    """rapper in its strict mode reads each Turtle, TriG, N-Triples and N-Quads file with the
    statements kg wrote."""
    out = "nquads" if syntax in ("trig", "nquads") else "ntriples"
    command = [rapper(), "-q", "-f", "strict", "-i", syntax, "-o", out, str(published_dist / dump)]
    _check(_read(command, dump), published_dist, reported, dump)


NOT_TURTLE = "@prefix ex: <http://example.org/> .\nex:a ex:b undeclared:c .\n"


@pytest.mark.parametrize("tool", ["riot", "serdi", "rapper"])
def test_each_parser_refuses_what_is_not_turtle(request, tmp_path, tool):
    """The checks above can fail: each tool exits non-zero on an undeclared prefix, saying so."""
    broken = tmp_path / "broken.ttl"
    broken.write_text(NOT_TURTLE, encoding="utf-8")
    if tool == "riot":
        jena = request.getfixturevalue("jena")
        process = jena("riotcmd.riot", "--validate", "--strict", broken)
        assert complaints(process.stderr)
    else:
        command = [serdi(), "-i", "turtle"] if tool == "serdi" else [rapper(), "-i", "turtle"]
        process = subprocess.run([*command, str(broken)], capture_output=True, text=True)
        assert "undeclared" in process.stderr or "prefix" in process.stderr.lower()
    assert process.returncode != 0


@pytest.fixture(scope="module")
def republished(built, tmp_path_factory) -> Path:
    """The seeds published, one statistic of document 002 edited and published again over
    them: dist/ then holds changes/VERSION.rdfp."""
    from kg.build.run import build
    from kg.vocab import Minter

    folder = tmp_path_factory.mktemp("republished")
    data = folder / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("devset"))
    document = data / "documents" / "002.yaml"
    text = document.read_text(encoding="utf-8")
    assert "    value: 185\n" in text
    document.write_text(text.replace("    value: 185\n", "    value: 186\n", 1), "utf-8")
    out = folder / "dist"
    export.write(built, out, ROOT / "data")
    export.write(build(data, Minter()), out, data)
    return out


@pytest.mark.parametrize("tool", ["riot", "serdi", "rapper"])
def test_the_change_sets_rows_are_n_quads(request, republished, tmp_path, tool):
    """No tool here reads RDF Patch, but each of its A and D rows is an N-Quads line after its
    letter (docs/publishing.md): those lines, strictly parsed, are the rows, each once."""
    (patch,) = (republished / "changes").glob("*.rdfp")
    rows = [
        line for line in patch.read_text(encoding="utf-8").splitlines() if line[:2] in ("A ", "D ")
    ]
    assert {row[0] for row in rows} == {"A", "D"}
    quads = tmp_path / "rows.nq"
    quads.write_text("".join(row[2:] + "\n" for row in rows), encoding="utf-8")
    if tool == "riot":
        jena = request.getfixturevalue("jena")
        output = ran(jena("riotcmd.riot", "--strict", "--syntax=nquads", "--output=nq", quads))
    else:
        command = (
            [serdi(), "-i", "nquads", "-o", "nquads"]
            if tool == "serdi"
            else [rapper(), "-q", "-f", "strict", "-i", "nquads", "-o", "nquads"]
        )
        output = "\n".join(_read([*command, str(quads)], "the change set's rows"))
    assert statements(output) == sorted(row[2:] for row in rows)


# --------------------------------------------------------------------------------------------
# The named queries in Jena's ARQ
# --------------------------------------------------------------------------------------------


def csv_rows(data: str, separators: dict[str, str]) -> tuple[list[str], Counter]:
    """W3C SPARQL CSV results as (header, multiset of rows).

    One normalisation, where SPARQL lets engines differ: a GROUP_CONCAT column (`separators`)
    is the multiset of its parts, since the order of the values an aggregate joins is the
    engine's (https://www.w3.org/TR/sparql11-query/#defn_aggGroupConcat; docs/stores.md).
    Numbers and other literals are compared as written: CSV gives lexical forms, and on these
    queries the two engines write the same ones."""
    header, *body = csv.reader(io.StringIO(data, newline=""))
    joined = {i: separators[v] for i, v in enumerate(header) if v in separators}
    return header, Counter(
        tuple(
            tuple(sorted(value.split(joined[i]))) if i in joined else value
            for i, value in enumerate(row)
        )
        for row in body
    )


def test_arq_answers_every_named_query_with_the_rows_of_kg_query(
    jena, published_dist, reported, capsysbinary, tmp_path
):
    """`sparql --syntax=SPARQL_11` (standard SPARQL: ARQ's extensions are syntax errors) runs
    each dist/queries/NAME.rq unchanged over the dataset of docs/stores.md (the default graph
    kg.nt and kg-inferred.ttl, a set; the named graphs of kg.nq) and gives the rows of
    `kg query NAME --format csv`. The store's two check counts of stores.md hold too.

    Not `--strict`: it switches ARQ's REGEX to Jena's copy of Xerces' regular expressions,
    which in Jena 4.5 throw on a REGEX without flags (NullPointerException in
    RegexXerces.<init>; events.rq's REGEX(?duration, "^P[0-9]+D$")). Jena's default engine,
    the one Fuseki runs, is Java's."""
    dist = published_dist
    names = sorted(p.stem for p in (dist / "queries").glob("*.rq"))
    assert names == sorted(named_queries()) and len(names) == 18
    queries = {name: dist / "queries" / f"{name}.rq" for name in names}
    for name, text in {
        "count-triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "count-quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    }.items():
        queries[name] = tmp_path / f"{name}.rq"
        queries[name].write_text(text, encoding="utf-8")
    dataset = [f"--data={dist / name}" for name in ("kg.nt", "kg-inferred.ttl", "kg.nq")]
    commands = [
        (
            tmp_path / f"{name}.csv",
            "arq.sparql",
            ["--syntax=SPARQL_11", *dataset, "--results=CSV", f"--query={query}"],
        )
        for name, query in queries.items()
    ]
    with ThreadPoolExecutor(max_workers=1) as pool:
        arq = pool.submit(jena.batch, commands)
        ours = {}
        for name in names:  # kg, in this thread while Jena runs in another
            assert main(["query", name, "--dist", str(dist), "--format", "csv"]) == 0
            ours[name] = capsysbinary.readouterr().out.decode("utf-8")
        ran(arq.result())
    theirs = {
        name: output.read_text(encoding="utf-8")
        for output, _, _ in commands
        for name in [output.stem]
    }
    differ = []
    for name in names:
        separators = concatenated(queries[name].read_text(encoding="utf-8"))
        expected = csv_rows(ours[name], separators)
        assert expected[1], f"{name} gives no rows in kg"
        answer = csv_rows(theirs[name], separators)
        if answer != expected:
            differ.append(
                f"{name}: kg only {dict(expected[1] - answer[1])}, "
                f"Jena only {dict(answer[1] - expected[1])}"
                if answer[0] == expected[0]
                else f"{name}: columns {answer[0]} instead of {expected[0]}"
            )
    assert differ == []
    assert theirs["count-triples"].split() == [
        "n",
        str(reported["kg.nt"] + reported["kg-inferred.ttl"]),
    ]
    assert theirs["count-quads"].split() == ["n", str(reported["kg.nq"])]


# --------------------------------------------------------------------------------------------
# SHACL in Jena
# --------------------------------------------------------------------------------------------


def path_of(report: Graph, node):
    """A SHACL property path as a comparable value. (a|b)|c and a|(b|c) are one path (SPARQL
    1.1 alternatives: https://www.w3.org/TR/sparql11-query/#pp-language), and Jena writes a
    list of three alternatives as nested pairs: alternatives are flattened."""
    if node is None or not isinstance(node, BNode):
        return None if node is None else str(node)
    if report.value(node, RDF.first) is not None:
        return ("sequence", *(path_of(report, step) for step in Collection(report, node)))
    for kind in ("inversePath", "zeroOrMorePath", "oneOrMorePath", "zeroOrOnePath"):
        inner = report.value(node, SH[kind])
        if inner is not None:
            return (kind, path_of(report, inner))
    options = report.value(node, SH.alternativePath)
    flat = []
    for option in Collection(report, options):
        step = path_of(report, option)
        flat.extend(step[1:] if isinstance(step, tuple) and step[0] == "alternatives" else [step])
    return ("alternatives", *flat)


def term(node) -> str | None:
    """A focus node or value as compared: blank nodes by kind only (each report names them
    anew)."""
    if node is None:
        return None
    return "_:blank" if isinstance(node, BNode) else node.n3()


def message(literal) -> str:
    """A result's message. SHACL does not say how a value is written into an sh:message
    template ({?var}: https://www.w3.org/TR/shacl/#sparql-constraints-variables): kg (as
    pySHACL) writes an IRI bare, Jena as in N-Triples, <IRI>; the brackets are dropped."""
    return re.sub(r"<([^<>\s]*)>", r"\1", str(literal)) if literal is not None else ""


def results(report: Graph) -> Counter:
    """The results of a W3C validation report: (focus node, path, constraint component,
    severity, value, message), as a multiset."""
    return Counter(
        (
            term(report.value(r, SH.focusNode)),
            path_of(report, report.value(r, SH.resultPath)),
            str(report.value(r, SH.sourceConstraintComponent)),
            str(report.value(r, SH.resultSeverity)),
            term(report.value(r, SH.value)),
            message(report.value(r, SH.resultMessage)),
        )
        for r in report.objects(None, SH.result)
    )


def conforms(report: Graph) -> bool:
    (value,) = report.objects(None, SH.conforms)
    return value.toPython()


def jena_shacl(jena, shapes: Path, data: Path) -> Graph:
    """`shacl validate --shapes SHAPES --data DATA`: Jena's W3C validation report. `shacl`
    reads one shapes file: the Turtle files of the folder `shapes` are given as their union."""
    union = Graph()
    for path in sorted(shapes.glob("*.ttl")):
        union.parse(path, format="turtle")
    union_file = data.with_name("shapes.ttl")
    union.serialize(union_file, format="turtle", encoding="utf-8")
    output = ran(jena("shacl.shacl", "validate", "--shapes", union_file, "--data", data))
    return Graph().parse(data=output, format="turtle")


@pytest.fixture(scope="module")
def jena_report(jena, published_dist, tmp_path_factory) -> Graph:
    """Jena's report on the published graph, kg.ttl and kg-inferred.ttl, with dist/shapes/.
    `shacl validate` reads one data file: the two Turtle files one after the other are their
    merge (neither has a @base or a blank node, and Turtle lets a file declare a prefix again)."""
    data = tmp_path_factory.mktemp("jena-shacl") / "graph.ttl"
    data.write_bytes(
        (published_dist / "kg.ttl").read_bytes() + (published_dist / "kg-inferred.ttl").read_bytes()
    )
    return jena_shacl(jena, published_dist / "shapes", data)


def test_jena_parses_the_shacl_report_and_finds_its_results(jena, published_dist, jena_report):
    """riot reads shacl-report.ttl (above); Jena's SHACL finds on the published graph exactly
    the results kg's report lists (the two warnings about Congo), and says it conforms only if
    there are none."""
    ours = Graph().parse(published_dist / "shacl-report.ttl")
    assert results(ours), "the seed corpus has two warnings"
    assert results(jena_report) == results(ours)
    assert conforms(jena_report) == (not results(ours))


def test_the_published_report_says_conforms_as_shacl_defines_it(published_dist, jena_report):
    ours = Graph().parse(published_dist / "shacl-report.ttl")
    assert conforms(ours) == (not results(ours)) == conforms(jena_report)


def _chosen_variants() -> dict[str, tuple[str, str]]:
    """Broken and valid variants of tests/test_shapes.py: every valid fixture and allowed
    change, every case of a SPARQL-based constraint, and the first case of every node shape."""
    shapes = load_shapes()
    templates = [str(shapes.value(c, SH.message)) for _, c in shapes.subject_objects(SH.sparql)]
    first = {}
    for name, case in CASES.items():
        first.setdefault(case.shape, name)
    chosen = {
        name
        for name, case in CASES.items()
        if any(case.message in template for template in templates)
    } | set(first.values())
    return {
        **{f"fixture-{p.stem}": (p.stem, "") for p in sorted(FIXTURES.glob("*.ttl"))},
        **{f"allowed-{name}": variant for name, variant in ALLOWED.items()},
        **{name: (CASES[name].fixture, CASES[name].update) for name in sorted(chosen)},
    }


def test_jena_and_kg_report_the_same_results_on_broken_graphs(jena, tmp_path):
    """The shapes mean the same in Jena as in kg: variants of the shapes tests' fixtures, each
    with its IRIs moved under its own path ({base}vN/id/..., which the shapes read as they read
    {base}id/...) so that they do not meet, in one graph validated by both; the same results,
    those of every SPARQL-based constraint among them."""
    base = "https://kg.example.org/id/"
    merged = Graph()
    variants = _chosen_variants()
    for i, (fixture, update) in enumerate(variants.values()):

        def moved(node, i=i):
            if isinstance(node, URIRef) and str(node).startswith(base):
                return URIRef(f"https://kg.example.org/v{i}/id/{str(node)[len(base) :]}")
            return BNode(f"v{i}{node}") if isinstance(node, BNode) else node

        for s, p, o in fixture_graph(fixture, update):
            merged.add((moved(s), p, moved(o)))
    data = tmp_path / "variants.nt"
    merged.serialize(data, format="nt", encoding="utf-8")

    ours = validate(merged).report
    theirs = jena_shacl(jena, SHAPES, data)
    expected = results(ours)
    assert results(theirs) == expected
    assert not conforms(theirs) and not conforms(ours)
    # Every SPARQL-based constraint gave results, so the comparison covers them.
    shapes = load_shapes()
    sparql = [r for r in expected.elements() if r[2] == str(SH.SPARQLConstraintComponent)]
    for _, constraint in shapes.subject_objects(SH.sparql):
        template = str(shapes.value(constraint, SH.message))
        filled = ".*".join(map(re.escape, re.split(r"\{[?$]\w+\}", template)))
        assert any(re.fullmatch(filled, r[5], re.DOTALL) for r in sparql), template
