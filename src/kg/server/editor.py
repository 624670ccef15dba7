"""The query page's editor: YASQE, fetched at build time, and the vocabulary it completes.

The editor is YASQE (Yet Another SPARQL Query Editor, the editor part of YASGUI) as the npm
package `@zazuko/yasqe`: Zazuko's fork, which is maintained (`@triply/yasqe` has had no release
since 2024). Only the editor is taken, not the whole of YASGUI: YASR, its results half, draws
charts with Google Charts (scripts from another origin, which the pages' Content-Security-Policy
refuses) and would show results without kg's labels, links and maps, which the query page
already renders on the server, with or without a script.

No third-party code is in kg's repository. `make install` runs `python -m kg.server.editor`,
which downloads the one version pinned here from the npm registry with the standard library,
checks the tarball against the registry's `dist.integrity` (a Subresource Integrity SHA-512,
https://www.w3.org/TR/SRI/#integrity-metadata) pinned here too, and writes its built bundle
(`yasqe.min.js`, `yasqe.min.css`) and its `package.json` (the package states its licence, MIT,
there: it ships no licence file) to `kg/static/vendor/yasqe-VERSION/`, which git ignores and
`kg serve` serves under `/static/`. The tarball is hostile until checked: its hash first, then
every member's name, type and size; the folder appears whole, in one rename, or not at all
(`kg.atomic`). Without the folder (offline, a failed fetch) the query page is the plain form.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import shutil
import sys
import tarfile
import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath

from starlette.exceptions import HTTPException
from starlette.responses import Response

from kg import atomic
from kg.errors import KgError
from kg.server.freshness import Files

PACKAGE = "@zazuko/yasqe"
VERSION = "4.6.2"
TARBALL = f"https://registry.npmjs.org/{PACKAGE}/-/yasqe-{VERSION}.tgz"
# The registry's dist.integrity of that version (`npm view @zazuko/yasqe@4.6.2 dist.integrity`).
INTEGRITY = "sha512-" + (
    "83iCLuBIgU04KBIaibxZTjKvrXD6sEe/+aqsHxLb4+ZVD4eaUwh5hFJEetuWkiKBY6WxTjVOmhKXvh2AAOR14g=="
)
# The tarball's members that are kept, and their names in the folder.
MEMBERS = {
    "package/build/yasqe.min.js": "yasqe.min.js",
    "package/build/yasqe.min.css": "yasqe.min.css",
    "package/package.json": "package.json",
}
FOLDER = f"yasqe-{VERSION}"  # in the vendor folder; the version in the path makes it immutable
# Limits on what is downloaded and unpacked (the tarball of 4.6.2 is 1.1 MB, 4.7 MB unpacked,
# its largest kept member 0.5 MB): a registry or proxy gone wrong gets a one-line refusal.
MAX_TARBALL_BYTES = 16 * 2**20
MAX_UNPACKED_BYTES = 64 * 2**20
MAX_MEMBER_BYTES = 8 * 2**20
MAX_MEMBERS = 1000
TIMEOUT = 60  # seconds without an answer from the registry


def vendor_folder() -> Path:
    """Where third-party assets go: `kg/static/vendor/` of the installed (or editable) kg."""
    return Path(__file__).resolve().parent.parent / "static" / "vendor"


def installed(vendor: Path | None = None) -> Path | None:
    """The folder of the pinned bundle, if it is there (it is there whole or not at all)."""
    folder = (vendor or vendor_folder()) / FOLDER
    if all((folder / name).is_file() for name in MEMBERS.values()):
        return folder
    return None


def assets(vendor: Path | None = None) -> dict[str, str] | None:
    """The addresses the query page links for the editor, or None without the bundle."""
    if installed(vendor) is None:
        return None
    base = f"/static/vendor/{FOLDER}/"
    return {"script": base + "yasqe.min.js", "style": base + "yasqe.min.css"}


# --------------------------------------------------------------------------------------------
# Fetching and unpacking
# --------------------------------------------------------------------------------------------


def download(url: str = TARBALL, limit: int = MAX_TARBALL_BYTES) -> bytes:
    """The bytes at `url`, at most `limit` of them; KgError on any failure."""
    request = urllib.request.Request(url, headers={"Accept": "application/octet-stream"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isascii() and length.isdigit() and int(length) > limit:
                raise KgError(url, None, f"the tarball is {int(length):,} bytes; at most {limit:,}")
            data = response.read(limit + 1)
    except urllib.error.HTTPError as exc:
        raise KgError(url, None, f"the registry answered {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise KgError(url, None, f"cannot download it: {reason}") from None
    if len(data) > limit:
        raise KgError(url, None, f"the tarball is more than {limit:,} bytes")
    return data


def check_integrity(data: bytes, integrity: str | None = None, source: str = TARBALL) -> None:
    """KgError unless `data` has the SHA-512 that `integrity` (`sha512-BASE64`; by default
    the pinned INTEGRITY) gives."""
    integrity = integrity or INTEGRITY
    algorithm, _, expected = integrity.partition("-")
    if algorithm != "sha512":
        raise KgError(source, None, f"the pinned integrity {integrity!r} is not sha512-…")
    found = base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")
    if found != expected:
        raise KgError(
            source,
            None,
            f"integrity mismatch: the tarball's SHA-512 is sha512-{found}, the pinned one "
            f"{integrity}; nothing was written",
        )


def unpack(data: bytes, source: str = TARBALL) -> dict[str, bytes]:
    """The kept members of a checked tarball, by their names in the folder. Every member is
    checked, kept or not: a path that leaves `package/` (absolute, `..`), a link, a device or
    any other non-regular file, a duplicate of a kept member or too many or too large members
    refuse the whole tarball (an archive that tries one is not the one that was reviewed)."""
    kept: dict[str, bytes] = {}
    unpacked = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            for count, member in enumerate(tar, 1):
                if count > MAX_MEMBERS:
                    raise KgError(source, None, f"more than {MAX_MEMBERS:,} members")
                name = _member_name(member.name, source)
                if member.isdir():
                    continue
                if not member.isfile():
                    kind = "a link" if member.issym() or member.islnk() else "not a regular file"
                    raise KgError(source, None, f"member {member.name!r} is {kind}")
                unpacked += member.size
                if unpacked > MAX_UNPACKED_BYTES:
                    raise KgError(source, None, f"more than {MAX_UNPACKED_BYTES:,} bytes unpacked")
                if name not in MEMBERS:
                    continue
                if member.size > MAX_MEMBER_BYTES:
                    raise KgError(
                        source,
                        None,
                        f"member {name!r} is {member.size:,} bytes; at most {MAX_MEMBER_BYTES:,}",
                    )
                if MEMBERS[name] in kept:
                    raise KgError(source, None, f"member {name!r} is there twice")
                handle = tar.extractfile(member)
                assert handle is not None  # a regular file
                kept[MEMBERS[name]] = handle.read(member.size)
    except (tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise KgError(source, None, f"not a readable gzipped tarball: {exc}") from None
    missing = sorted(set(MEMBERS) - {n for n, f in MEMBERS.items() if f in kept})
    if missing:
        raise KgError(source, None, f"the tarball has no {missing[0]}")
    return kept


def _member_name(name: str, source: str) -> str:
    """A member's name, normalised; KgError if it leaves the package folder."""
    path = PurePosixPath(name)
    parts = [p for p in path.parts if p not in ("", ".")]
    if path.is_absolute() or "\\" in name or ".." in parts or not parts:
        raise KgError(source, None, f"member {name!r} escapes the package folder")
    if parts[0] != "package":
        raise KgError(source, None, f"member {name!r} is outside package/")
    return "/".join(parts)


def install(
    vendor: Path | None = None, tarball: Path | None = None, integrity: str | None = None
) -> Path:
    """Put the pinned bundle in `vendor/yasqe-VERSION/` (whole, or nothing), from `tarball`
    (a file) or else the registry; folders of other versions are removed. Nothing is
    downloaded when the folder is already there. Returns the folder."""
    vendor = vendor or vendor_folder()
    folder = installed(vendor)
    if folder is None:
        source = str(tarball) if tarball is not None else TARBALL
        try:
            data = tarball.read_bytes() if tarball is not None else download()
        except OSError as exc:
            raise KgError(source, None, f"cannot read it: {exc.strerror}") from None
        check_integrity(data, integrity, source)
        files = unpack(data, source)
        with atomic.atomic_directory(vendor / FOLDER) as tmp:
            tmp.chmod(0o755)  # served, and read by whoever runs kg (mkdtemp made it 0700)
            for name, content in sorted(files.items()):
                (tmp / name).write_bytes(content)
        folder = vendor / FOLDER
    for other in vendor.glob("yasqe-*"):
        if other.name != FOLDER and other.is_dir() and not other.is_symlink():
            shutil.rmtree(other)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kg.server.editor",
        description=f"Fetch {PACKAGE} {VERSION} (the query editor) into kg's static files.",
    )
    parser.add_argument("--vendor", type=Path, help="the folder to write to (default: kg's)")
    parser.add_argument("--tarball", type=Path, help="a downloaded tarball instead of the registry")
    args = parser.parse_args(argv)
    try:
        folder = install(args.vendor, args.tarball)
    except KgError as exc:
        print(f"editor: error: {exc}", file=sys.stderr)
        return 1
    print(f"editor: {PACKAGE} {VERSION} in {folder}")
    return 0


# --------------------------------------------------------------------------------------------
# The vocabulary the editor completes
# --------------------------------------------------------------------------------------------

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
QB = "http://purl.org/linked-data/cube#"
# What the ontology types its properties and classes with (kg.ttl, imports.ttl).
PROPERTY_TYPES = (
    RDF + "Property",
    OWL + "ObjectProperty",
    OWL + "DatatypeProperty",
    OWL + "AnnotationProperty",
    OWL + "TransitiveProperty",
    OWL + "SymmetricProperty",
    OWL + "FunctionalProperty",
    QB + "DimensionProperty",
    QB + "AttributeProperty",
    QB + "MeasureProperty",
)
CLASS_TYPES = (OWL + "Class", RDFS + "Class")
_TERM_TYPES = " ".join(
    [f'(<{t}> "property")' for t in PROPERTY_TYPES] + [f'(<{t}> "class")' for t in CLASS_TYPES]
)
# The ontology's terms, typed or named by its axioms; over the ontology and its imports.
ONTOLOGY_TERMS = f"""
SELECT DISTINCT ?term ?kind WHERE {{
  {{
    ?term a ?type . VALUES (?type ?kind) {{ {_TERM_TYPES} }}
  }} UNION {{
    {{ ?term rdfs:subPropertyOf|owl:inverseOf|^rdfs:subPropertyOf|^owl:inverseOf ?other }}
    UNION {{ ?term rdfs:domain|rdfs:range ?other }}
    BIND("property" AS ?kind)
  }} UNION {{
    ?term rdfs:subClassOf|^rdfs:subClassOf ?other BIND("class" AS ?kind)
  }}
  FILTER(isIRI(?term))
}}
"""
USED_PROPERTIES = "SELECT DISTINCT ?p WHERE { ?s ?p ?o }"
# Terms of each kind sent to the editor: the page carries them, and a graph may use many
# (rdf:_1, rdf:_2, ... of containers); the ontology's own come first.
MAX_TERMS = 2000


def vocabulary(
    prefixes: dict[str, str],
    ontology: dict[str, set[str]],
    used: dict[str, set[str]],
    limit: int = MAX_TERMS,
) -> dict:
    """What the editor completes: the prefixes a query may use undeclared, and the properties
    and classes of the ontology and of the graph (`ontology` and `used`: IRIs by kind,
    "property" and "class"), the ontology's first, each list sorted, at most `limit` of each
    kind (`cut` says which kinds were cut short)."""
    out: dict = {"prefixes": dict(sorted(prefixes.items())), "cut": []}
    for kind, key in (("property", "properties"), ("class", "classes")):
        own = sorted(ontology.get(kind, set()))
        terms = own + sorted(used.get(kind, set()) - set(own))
        out[key] = terms[:limit]
        if len(terms) > limit:
            out["cut"].append(key)
    return out


def site_vocabulary(site) -> dict:
    """`vocabulary` of a served site: its prefixes, its ontology (`/def/kg` and the axioms it
    imports), the classes it counted at start-up and the predicates of its graph (a scan of
    the whole graph: 0.9 s for 3 million triples, so the server does it once, when the query
    page first needs it)."""
    ontology: dict[str, set[str]] = {"property": set(), "class": set()}
    for solution in site.ontology.query(
        ONTOLOGY_TERMS,
        prefixes={"rdfs": RDFS, "owl": OWL},
        use_default_graph_as_union=True,
    ):
        ontology[solution["kind"].value].add(solution["term"].value)
    used = {
        "class": set(site.classes),
        "property": {s["p"].value for s in site.store.query(USED_PROPERTIES)},
    }
    return vocabulary(site.prefixes, ontology, used)


# --------------------------------------------------------------------------------------------
# Serving
# --------------------------------------------------------------------------------------------


class StaticAssets(Files):
    """The pages' static files. A versioned third-party bundle (`vendor/NAME-VERSION/…`) never
    changes under its address, so a browser keeps it a year without asking again; kg's own
    files change with kg under the same address, so a browser asks each time (and gets 304).
    Names that start with a dot (a fetch's temporary folder or lock) are not served."""

    async def get_response(self, path: str, scope) -> Response:
        if any(part.startswith(".") for part in Path(path).parts):
            raise HTTPException(status_code=404)
        return await super().get_response(path, scope)

    def cache_control(self, scope) -> str:
        versioned = Path(self.get_path(scope)).parts[:1] == ("vendor",)
        return "public, max-age=31536000, immutable" if versioned else "no-cache"


if __name__ == "__main__":
    sys.exit(main())
