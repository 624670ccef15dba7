"""Mutation score of the modules that decide what users get (`make mutate`; not a test, not CI).

`make mutate` has mutmut (pyproject.toml, [tool.mutmut]) mutate those modules in its own copy
(mutants/), run each mutant against the tests that called the mutated function, and keep each
mutant's outcome next to its copy (mutants/src/kg/**/*.py.meta). This script reads those
outcomes and writes the score of each module to benchmarks/mutation.md (and prints it):

    python benchmarks/mutation.py [--out benchmarks/mutation.md] [--run "eighth run"]
    python benchmarks/mutation.py --glob conneg   # kg.server.conneg.*, for `mutmut run`
    python benchmarks/mutation.py --sample 40 --names model ingest   # 40 of each, for `mutmut run`
    python benchmarks/mutation.py --sample 40 --modules model ingest # their rows, as samples

A module too large to run whole in a session is measured by a sample (`make mutate SAMPLE=40`):
its mutants ordered by the SHA-256 of their names, the first N of that order (the same N for
the same code, whatever the run). Its row then counts the sample's mutants only, gives the
module's total beside the sample's size, and the score with its 95 % (Wilson score) interval.

mutants/ holds only the last run's outcomes (mutmut drops them all when the test selection or
a file other than Python changes), so each module's last measured outcome is kept in
benchmarks/mutation.json (committed): a module is updated there, with the date (and `--run`),
when some of its mutants have an outcome in mutants/; the others keep their rows.

A mutant is killed when a test failed with it (or it ran past the time limit, or crashed the
interpreter); it survived when every test it ran passed, or when no test calls its function.
The score is killed / (mutants - equivalent): an equivalent mutant (EQUIVALENT below, each with
the reason) changes nothing any caller can observe, so no test can kill it.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
RESULTS = ROOT / "benchmarks" / "mutation.json"

# Short name (as `make mutate MODULES=...` takes it) -> the source files of that stage (a module
# and those split from it), smallest first.
MODULES = {
    "conneg": ("src/kg/server/conneg.py",),
    "cache": ("src/kg/build/cache.py",),
    "curation": ("src/kg/build/curation.py",),
    "query": ("src/kg/store/query.py", "src/kg/queries/__init__.py", "src/kg/store/results.py"),
    "numbers": (
        "src/kg/extraction/numbers.py",
        "src/kg/extraction/figures.py",
        "src/kg/extraction/not_counts.py",
        "src/kg/extraction/number_words.py",
        "src/kg/extraction/units.py",
        "src/kg/extraction/periods.py",
        "src/kg/extraction/event_times.py",
        "src/kg/extraction/relative_times.py",
        "src/kg/extraction/attributions.py",
    ),
    "validate": ("src/kg/build/validate.py",),
    "reason": ("src/kg/build/reason.py",),
    "store": (
        "src/kg/store/embedded.py",
        "src/kg/store/generations.py",
        "src/kg/store/bulk_load.py",
    ),
    "crossdocument": ("src/kg/build/crossdocument.py",),
    "export": (
        "src/kg/publish/export.py",
        "src/kg/publish/contents.py",
        "src/kg/publish/dumps.py",
        "src/kg/publish/jsonld.py",
        "src/kg/publish/parts.py",
        "src/kg/publish/description.py",
        "src/kg/publish/checksums.py",
        "src/kg/publish/layout.py",
    ),
    "ingest": (
        "src/kg/build/ingest.py",
        "src/kg/build/sourcetext.py",
        "src/kg/build/contacts.py",
    ),
    "model": tuple(
        f"src/kg/build/model/{name}.py"
        for name in (
            "__init__",
            "values",
            "sections",
            "reference",
            "reference_graph",
            "statistics",
            "document_model",
            "documents",
        )
    ),
    "sparql": (
        "src/kg/server/sparql.py",
        "src/kg/server/execution.py",
        "src/kg/server/querypool.py",
    ),
}

# mutmut's exit codes (mutmut/stats.py): which count as a kill.
KILLED = {1, 3, 24, -24, 152, 255, 36, 37, -9, -11}
SURVIVED = {0, 5, 33}  # passed, or no test reached the mutated function

# Mutants that no test can kill, because the program cannot tell them from the original.
# Name (`mutmut show NAME` prints its diff) -> why it is equivalent.
EQUIVALENT: dict[str, str] = {
    "kg.build.reason.x_closure__mutmut_5": (
        "`axiomatic_triples=None` for `False`: owlrl only tests the flag's truth"
    ),
    "kg.build.reason.x_closure__mutmut_6": (
        "`datatype_axioms=None` for `False`: owlrl only tests the flag's truth"
    ),
    "kg.build.reason.x_closure__mutmut_8": (
        "`axiomatic_triples` left out: owlrl's default is False, the value given"
    ),
    "kg.build.reason.x_closure__mutmut_9": (
        "`datatype_axioms` left out: owlrl's default is False, the value given"
    ),
    **{
        name: (
            'the separator between the hashed parts `b"XX\\0XX"` for `b"\\0"`: a key is only '
            "compared with keys the same code made, and the longer separator tells the parts "
            "apart as the NUL alone does"
        )
        for name in (
            "kg.build.cache.x__digest_files__mutmut_4",
            "kg.build.cache.x__digest_files__mutmut_7",
            "kg.build.cache.x_shared_digest__mutmut_12",
            "kg.build.cache.xǁCacheǁkey__mutmut_13",
            "kg.build.cache.xǁCacheǁkey__mutmut_16",
        )
    },
    "kg.build.cache.x__imported__mutmut_16": (
        '`read_text(encoding="UTF-8")` for "utf-8": codec names are case-insensitive'
    ),
    "kg.build.cache.x__imported__mutmut_19": (
        '`node.module or "XXXX"`: a `from` without a module (`from . import x`) is relative, '
        "and its base is then rebuilt from the package; an absolute `from` always names one"
    ),
    **{
        f"kg.build.cache.xǁCacheǁput__mutmut_{n}": (
            "the pickle's protocol left to pickle's default (4, not 5): `pickle.load` reads "
            "either back as the same value"
        )
        for n in (12, 14)
    },
    "kg.build.crossdocument.x__starting__mutmut_18": (
        '`rfind(b"\\n", 1, mid)` for a start of 0: the two differ only for a line end at '
        "position 0, an empty first line, and the kept lines (each `<s> <p> o\\tTAG`) have none"
    ),
    "kg.build.crossdocument.x__starting__mutmut_31": (
        "a last line without its end ending at `len(text) + 2` for `+ 1`: the slice stops at "
        "the text's end either way, and a start past the end finds nothing either way"
    ),
    "kg.build.crossdocument.x__starting__mutmut_32": (
        "a line compared with its line end and the next byte: every line (`<s> <p> o\\tTAG`) "
        "is longer than the prefix (`<s> `), so the comparison is decided within the prefix's "
        "length"
    ),
    "kg.build.crossdocument.xǁKeptǁupdate__mutmut_34": (
        "new graphs tagged 2 apart for 1: the tags are still unlike each other and the kept "
        "graphs' (0 to n - 1), which is all a tag is for (update writes no state)"
    ),
    "kg.build.crossdocument.xǁKeptǁupdate__mutmut_41": (
        "the changed graphs' fresh lines without their line end: their tags (`3` for `3\\n`) "
        "are still unlike every kept line's left in (a changed graph's kept lines are dropped), "
        "one subject's lines are checked at a time, and a tag is never reported"
    ),
    **{
        f"kg.build.crossdocument.x_digest__mutmut_{n}": (
            "a graph's digest of another size (64 or 17 bytes for 16): a digest is only "
            "compared with digests the same code made (the kept state's fingerprint hashes "
            "this file), and any of these sizes tells the graphs apart"
        )
        for n in (4, 5)
    },
    "kg.build.crossdocument.xǁCheckǁconflicts__mutmut_14": (
        "`break` for `continue` when no value is contradicted: past the guard (two values or "
        "more, from two graphs or more) every value is, so the branch is never taken"
    ),
    "kg.build.crossdocument.xǁCheckǁconflicts__mutmut_1": (
        "`and` for `or` in the guard: what it lets through more (one value from several "
        "graphs, or several values from one graph) has no contradicted value, so "
        "`conflicting` is empty and the property is passed over all the same"
    ),
    **{
        f"kg.build.crossdocument.xǁKeptǁread__mutmut_{n}": (
            "the message of the ValueError that `read` raises and catches itself (any damage "
            "reads as no kept state)"
        )
        for n in (22, 23, 24)
    },
    "kg.build.crossdocument.xǁKeptǁupdate__mutmut_55": (
        "`subjects.read(None)`: the stale graph's subjects and every later graph's are looked "
        "at again; those others' results are made again from the same lines, as kept"
    ),
    **{
        f"kg.build.crossdocument.xǁKeptǁwrite__mutmut_{n}": (
            "the kept pickle's protocol left to pickle's default (4, not 5): `pickle.load` "
            "reads either back as the same value"
        )
        for n in (13, 16)
    },
    "kg.build.crossdocument.x_single_valued_shapes__mutmut_6": (
        "`subjects(SH.maxCount)` with the object left out: its default is None, the value given"
    ),
    **{
        f"kg.build.crossdocument.xǁCheckǁfull__mutmut_{n}": (
            "the temporary folder's prefix left to tempfile's default or spelled otherwise: only "
            "its name changes, and it is removed when the check ends"
        )
        for n in (2, 3, 4)
    },
    "kg.build.crossdocument.xǁCheckǁ__init____mutmut_21": (
        '`b"XXXX".join` of the shapes\' bytes in the fingerprint: it still holds every shape '
        "file whole, and a fingerprint is only compared with those the same code made"
    ),
    "kg.server.conneg.x__weight__mutmut_10": (
        "`0 < q` for `0 <= q`: a weight of 0 then takes the else branch, which is 0 too"
    ),
    "kg.server.conneg.x_quality__mutmut_5": (
        '`split("/")` for `split("/", 1)`: an offered media type has one slash, so the first '
        "part is the same"
    ),
    "kg.server.conneg.x_quality__mutmut_6": (
        '`rsplit("/", 1)`: the same first part for a type with one slash'
    ),
    "kg.server.conneg.x_quality__mutmut_8": ('`split("/", 2)`: the same first part'),
    "kg.server.conneg.x_quality__mutmut_13": (
        "a start of -2 for -1: every rank (0, 1, 2) is above either, so the first match wins alike"
    ),
    "kg.server.conneg.x_quality__mutmut_16": (
        "rank 3 for 2 for an exact match: only the order of the ranks is compared, and 3 > 1 > 0"
    ),
    "kg.server.conneg.x_rdf_format__mutmut_6": (
        "`SUFFIXES.get(None)`: every suffix (html, ttl, nt, rdf, jsonld) is already a format "
        "key or in FORMAT_ALIASES, so the suffix table is never the one that answers"
    ),
    **{
        f"kg.build.validate.x__line_of__mutmut_{n}": (
            "the fallback to an exception's `line`: no exception rdflib's Turtle parser raises "
            "(BadSyntax, UnicodeDecodeError, OSError) has one, so it never answers"
        )
        for n in (11, 12, 17, 18, 19, 20)
    },
    "kg.build.validate.x_turtle_files__mutmut_3": (
        "`is_dir() or True`: globbing a missing folder (or a file) finds nothing, as [] does"
    ),
    "kg.build.validate.x_turtle_files__mutmut_19": (
        "`KgError(folder, message)` with the line left out: KgError reads it as the message, "
        "with no line, the values given"
    ),
    "kg.build.validate.x_validate__mutmut_58": (
        "`KgError(SHAPES_DIR, message)` with the line left out: KgError reads it as the "
        "message, with no line, the values given"
    ),
    **{
        f"kg.build.validate.x_validate__mutmut_{n}": (
            'the fallback\'s engine named otherwise: every engine but "fast" is pySHACL'
        )
        for n in (20, 25, 26)
    },
    **{
        f"kg.build.validate.x_validate__mutmut_{n}": (
            '`inference=None` or left out: pySHACL\'s default, no inference, as "none" says'
        )
        for n in (42, 47)
    },
    **{
        f"kg.build.validate.x_keep_results__mutmut_{n}": (
            "every object of the report, not only the results: the others have no focus node "
            "and describe nothing a dropped result does not (a detail is in its result's "
            "description), so nothing more is removed"
        )
        for n in (3, 5)
    },
    "kg.build.validate.x_merge_reports__mutmut_52": (
        "`objects(None, SH.result)`: the merged report's node is the only subject of "
        "sh:result (a result's description holds sh:detail, not sh:result)"
    ),
    "kg.build.validate.x__violations__mutmut_15": (
        "an unknown severity ranked 4 for 3: only the order counts, and both come after Info (2)"
    ),
    "kg.build.validate.x__local__mutmut_6": (
        '`rsplit("#")` with no limit: the last part is the same'
    ),
    "kg.build.validate.x__local__mutmut_7": (
        '`split("#", 1)` for `rsplit`: an IRI has at most one "#" (RFC 3987: none in the '
        "fragment), so the last part is the same"
    ),
    **{
        f"kg.build.validate.x_validate__mutmut_{n}": (
            'the default engine pySHACL for "fast": the same report (tests/test_shapes.py checks '
            "the two agree on every fixture), only slower"
        )
        for n in (1, 2, 8, 9)
    },
    "kg.build.validate.x__local__mutmut_10": ('`rsplit("#", 2)`: the last part is the same'),
    "kg.build.curation.x_loads__mutmut_12": (
        "`mark or True`: every syntax error of PyYAML's parsers (pure and libyaml) has a problem "
        "mark, so `mark` is never None"
    ),
    **{
        f"kg.build.curation.x_loads__mutmut_{n}": (
            "the error of a YAMLError neither marked nor a ReaderError: PyYAML 6's parsers raise "
            "no other while parsing, so the branch is never reached"
        )
        for n in range(32, 39)
    },
    "kg.build.curation.x__compose__mutmut_12": (
        '`root = ""` for None: a document always holds a node (an empty one is a null scalar), '
        "so root is set before it is returned"
    ),
    **{
        f"kg.build.curation.x__compose__mutmut_{n}": (
            "the error of an event a document cannot hold (the stream's and the document's start "
            "come before it): the branch is never reached"
        )
        for n in range(126, 132)
    },
    "kg.build.curation.x__read__mutmut_24": (
        "`KgError(path, message)` with the line left out: KgError takes a text in the line's "
        "place as the message, with no line, the values given"
    ),
    "kg.build.curation.x__read__mutmut_38": (
        '`decode("UTF-8")` for "utf-8": codec names are case-insensitive'
    ),
    "kg.build.curation.x__read__mutmut_42": (
        '`count(b"\\n", None, end)`: a start of None is the beginning, as 0 is'
    ),
    "kg.build.curation.x__read__mutmut_57": (
        '`"\\r" in text or True`: replacing line ends in a text without "\\r" changes nothing'
    ),
    "kg.build.curation.x__line_at__mutmut_1": (
        "`position is None and position < 0`: a reader error of PyYAML or libyaml always has a "
        "position of 0 or more, so the guard never decides"
    ),
    "kg.build.curation.x__line_at__mutmut_10": (
        '`encode("UTF-8")` for "utf-8": codec names are case-insensitive'
    ),
    "kg.build.curation.x__line_at__mutmut_15": (
        '`count("\\n", None, end)`: a start of None is the beginning, as 0 is'
    ),
    **{
        f"kg.store.embedded.x__count__mutmut_{n}": (
            "the counting query's keywords in lower case: SPARQL keywords are case-insensitive "
            "(SPARQL 1.1 §19.1), and the variables and IRIs keep their case"
        )
        for n in (9, 13)
    },
    **{
        f"kg.store.bulk_load.x_bulk_load_stream__mutmut_{n}": (
            "the buffer of the reader the store bulk-loads from left to io's default (8 KiB) "
            "or doubled (2 MiB for 1 MiB): only how much is read at a time changes, not the "
            "bytes the store reads"
        )
        for n in (8, 10, 11)
    },
    "kg.store.bulk_load.x_in_graph__mutmut_19": (
        "a block searched for its line end from at most `len(lines) + 1` for `- 1`: the two "
        "differ only when the search starts past the last byte, where the original finds the "
        "last line end (the lines end with one) and the mutant nothing, and both then stop at "
        "`len(lines)`"
    ),
    **{
        f"kg.store.embedded.x__build__mutmut_{n}": (
            "the inferred Turtle parsed with its format left to pyoxigraph (`format=None` or "
            "left out): pyoxigraph takes it from the file's extension, and the file read is "
            "always a kg-inferred.ttl (`check_dump` finds no other name)"
        )
        for n in (14, 16)
    },
    "kg.store.bulk_load.x_parse_problem__mutmut_4": (
        '`exc.msg or "XXXX"` for `or ""`: neither matches the position\'s pattern (which starts '
        '"Parser error"), and the message returned is then `exc.msg or str(exc)` either way'
    ),
    "kg.build.contacts.x__field_value__mutmut_44": (
        "a character added to those trimmed from a telephone number's end: `_PHONE` ends a "
        "match with a digit, so the trim never removes one (the loop never runs)"
    ),
    "kg.build.contacts.x__inline_contact__mutmut_73": (
        "the glue after a field matched past the sentence's end: a next field is only looked "
        "for before the end, and past it, as at it, there is none"
    ),
    "kg.server.querypool.xǁQueryPoolǁ__init____mutmut_43": (
        '`KgError("--worker-memory", message)` with the line left out: KgError reads it as the '
        "message, with no line, the values given"
    ),
    "kg.server.sparql.x_service_description__mutmut_186": (
        'the title\'s language tag "EN" for "en": language tags are case-insensitive (BCP 47), '
        "and Oxigraph writes them in lower case"
    ),
    "kg.server.querypool.x__worker_main__mutmut_29": (
        "the worker's watchdog thread named in capitals: a thread's name only"
    ),
    "kg.server.querypool.xǁ_Workerǁ__init____mutmut_10": (
        "the worker process's name left to multiprocessing's default: a process's name only"
    ),
    "kg.server.querypool.xǁQueryPoolǁclose__mutmut_7": (
        'a job waiting when the pool closes marked `"XXabandonedXX"` for `"abandoned"`: a job\'s '
        'state is only compared with "waiting" and "gone", and its answer (503) is set either way'
    ),
    "kg.publish.dumps.x_write_trig__mutmut_21": (
        "`ox.serialize(..., format=None)` for TriG: pyoxigraph takes the format from the "
        "output's extension, and the file written is always kg.trig"
    ),
    "kg.publish.checksums.xǁDigestsǁcompute__mutmut_2": (
        "three threads for two to digest the files: the same digests, in the same order"
    ),
    "kg.publish.jsonld.xǁCompactorǁsymbol__mutmut_8": (
        "the memo of compact names bounded at 100,001 for 100,000: a name not kept is worked "
        "out again, the same"
    ),
    "kg.publish.parts.x_combined__mutmut_13": (
        "the entities of a publish in parts summed with the wrong sign: nothing reads the sum "
        "(the VoID of a parted publish gives no dataset-wide count of entities, only each part's)"
    ),
    **{
        f"kg.store.embedded.xǁStoreGraphǁdist_folder__mutmut_{n}": (
            "`KgError(path, message)` with the line left out: KgError takes a text in the "
            "line's place as the message, with no line, the values given"
        )
        for n in (8, 20, 32)
    },
}


def module_name(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def glob(module: str) -> str:
    """The mutant names of a module's files, as `mutmut run` selects them (one pattern each)."""
    return " ".join(module_name(path) + ".*" for path in MODULES[module])


def outcomes(paths: tuple[str, ...]) -> dict[str, int | None] | None:
    """Each mutant of the source files with mutmut's exit code (None: not run yet), or None
    when mutmut has mutated none of them."""
    found = None
    for path in paths:
        meta = MUTANTS / (path + ".meta")
        if meta.is_file():
            found = (found or {}) | json.loads(meta.read_text())["exit_code_by_key"]
    return found


def sample(names, size: int) -> list[str]:
    """The `size` mutants of a module measured by a sample: its mutant names ordered by the
    SHA-256 of each name (a stable order that favours no file or function), the first `size`."""
    return sorted(names, key=lambda name: hashlib.sha256(name.encode()).hexdigest())[:size]


def wilson(successes: int, trials: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (95 % for z = 1.96), or None for no trial."""
    if trials <= 0:
        return None
    p = successes / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    scale = 1 + z * z / trials
    return max(0.0, (centre - spread) / scale), min(1.0, (centre + spread) / scale)


def sampled_names(module: str, size: int, survived_only: bool = False) -> list[str]:
    """A module's sample (its mutants as mutmut's copy has them now); with `survived_only`,
    only those of it that survived their last run, to run again after new tests."""
    codes = outcomes(MODULES[module]) or {}
    chosen = sample(codes, size)
    if survived_only:
        chosen = [n for n in chosen if codes[n] in SURVIVED and n not in EQUIVALENT]
    return chosen


def generate() -> None:
    """Have mutmut write its mutated copy (mutants/ and each file's .meta), as `mutmut run`
    does first, without running a test: the sample is chosen among the names it writes. A file
    mutmut mutated since it last changed is left as it is (with its outcomes)."""
    import os
    import sys

    from mutmut.__main__ import copy_also_copy_files, copy_src_dir, create_mutants

    os.chdir(ROOT)
    sys.stdout.flush()
    kept = os.dup(1)
    os.dup2(2, 1)  # mutmut prints each file it copies: to stderr, the names go to stdout
    try:
        copy_src_dir()
        copy_also_copy_files()
        create_mutants(1)
    finally:
        sys.stdout.flush()
        os.dup2(kept, 1)
        os.close(kept)


def measured(codes: dict[str, int | None]) -> dict[str, int]:
    """A module's counts from its mutants' exit codes."""
    equivalent = sum(1 for name in codes if name in EQUIVALENT)
    killed = sum(1 for name, code in codes.items() if code in KILLED and name not in EQUIVALENT)
    survived = sum(1 for name, code in codes.items() if code in SURVIVED and name not in EQUIVALENT)
    not_run = sum(1 for code in codes.values() if code is None)
    return {
        "mutants": len(codes),
        "killed": killed,
        "survived": survived,
        "equivalent": equivalent,
        "not_run": not_run,
    }


def update(results: dict, run: str, size: int | None = None, modules: tuple[str, ...] = ()) -> dict:
    """`results` (module -> its last measured row) with the modules mutants/ holds outcomes
    of replaced by them; with a sample `size`, only `modules`, each counted on its sample
    (the row then says the sample's size, and its counts are the sample's)."""
    for module, paths in MODULES.items():
        codes = outcomes(paths)
        if size is not None:
            if module not in modules or not codes:
                continue
            chosen = sample(codes, size)
            row = measured({name: codes[name] for name in chosen})
            if row["not_run"] < len(chosen):
                results[module] = row | {"mutants": len(codes), "sample": len(chosen), "run": run}
        elif codes and any(code is not None for code in codes.values()):
            results[module] = measured(codes) | {"run": run}
    return results


def score(row: dict) -> str:
    judged = row["killed"] + row["survived"]  # an equivalent mutant not yet run is in neither
    if not judged:
        return "–"
    percent = f"{100 * row['killed'] / judged:.1f} %"
    if row.get("sample"):
        low, high = wilson(row["killed"], judged)
        percent += f" ({100 * low:.1f}–{100 * high:.1f} %)"
        return f"{percent}, {judged} run" if row["not_run"] else percent
    return f"({percent} of those run)" if row["not_run"] else percent


def table(results: dict) -> str:
    rows = [
        "| module | mutants | sample | killed | survived | equivalent | not run | score "
        "(95 % interval of a sample) | measured |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    notes = []
    for module, paths in MODULES.items():
        row = results.get(module)
        if row is None:
            codes = outcomes(paths)
            mutants = len(codes) if codes else ""
            rows.append(f"| {module} | {mutants} | | | | | | never run | |")
            continue
        sampled = row.get("sample") or "all"
        rows.append(
            f"| {module} | {row['mutants']} | {sampled} | {row['killed']} | {row['survived']} "
            f"| {row['equivalent']} | {row['not_run']} | {score(row)} | {row['run']} |"
        )
        if row.get("note"):
            notes.append(f"- {module}: {row['note']}")
    return "\n".join(rows + ([""] + notes if notes else []))


MARK_START = "<!-- scores: written by benchmarks/mutation.py -->"
MARK_END = "<!-- end of scores -->"
HEADER = (
    "# Mutation score\n\n"
    "Written by `make mutate` (benchmarks/mutation.py): each module's last measured outcome,\n"
    "kept in benchmarks/mutation.json and updated from mutmut's results in mutants/.\n"
    "Score: killed / (mutants - equivalent). A survivor is listed by `mutmut results`;\n"
    '`mutmut show NAME` prints its change. A row with a number under "sample" is a sample\n'
    "(`make mutate SAMPLE=N`): its counts are the sample's, its score has a 95 % interval.\n\n"
)


def equivalents() -> str:
    if not EQUIVALENT:
        return "None listed."
    return "\n".join(f"- `{name}`: {why}" for name, why in sorted(EQUIVALENT.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "mutation.md")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--run", help='what to call this run in the table ("eighth run")')
    parser.add_argument(
        "--glob", choices=MODULES, help="print the mutant names of a module for `mutmut run`"
    )
    parser.add_argument(
        "--sample", type=int, metavar="N", help="measure N mutants of each module (its sample)"
    )
    parser.add_argument(
        "--names",
        nargs="+",
        choices=MODULES,
        metavar="MODULE",
        help="with --sample: write mutmut's copy, print the modules' samples for `mutmut run`",
    )
    parser.add_argument(
        "--survived", action="store_true", help="with --names: only the sample's survivors"
    )
    parser.add_argument(
        "--modules", nargs="+", choices=MODULES, default=(), help="with --sample: rows to update"
    )
    args = parser.parse_args()
    if args.glob:
        print(glob(args.glob))
        return
    if args.names:
        if args.sample is None:
            parser.error("--names needs --sample")
        generate()
        names = [n for m in args.names for n in sampled_names(m, args.sample, args.survived)]
        print(" ".join(names))
        return
    run = str(datetime.date.today()) + (f", {args.run}" if args.run else "")
    results = json.loads(args.results.read_text()) if args.results.exists() else {}
    results = update(results, run, args.sample, tuple(args.modules))
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    scores = f"{table(results)}\n\n## Equivalent mutants\n\n{equivalents()}\n"
    print(scores)
    # Only the part between the markers is the script's: the notes on each run below it are
    # written by hand.
    text = args.out.read_text() if args.out.exists() else ""
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        tail = rest.split(MARK_END, 1)[1]
    else:
        head, tail = HEADER, "\n"
    args.out.write_text(f"{head}{MARK_START}\n{scores}{MARK_END}{tail}")


if __name__ == "__main__":
    main()
