"""Synthetic corpus: N realistic press releases and their curation files, in the formats of
`data/`, for measuring kg at scale (`kg synth --documents N --seed S --out DIR`).

Everything is drawn from one `random.Random(seed)`, so the same N and seed give the same
bytes. The reference data grows with N (organizations, countries, states, cities, people);
the controlled lists are the seed corpus's own `reference/concepts.yaml`. Every document has
a title, paragraphs of hard-wrapped text, a press contact, 30-60 numbers (observations), an
event, an agreement, a campaign (campaigns are shared between documents, as real releases
share them), a project, a quotation, a membership, place roles and claims; every item carries
a quote that occurs in the generated text.

The reference data (places, organizations, people, and the names they are made of) is
`kg.synthreference`'s; the documents, written against it, are this module's.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import textwrap
from pathlib import Path

import yaml

from kg.errors import KgError
from kg.synthreference import PUBLISHER, Names, reference_data, slug

# The seed corpus's controlled lists: in a checkout only, data/ is not package data.
SEED_CONCEPTS = Path(__file__).resolve().parents[2] / "data" / "reference" / "concepts.yaml"

THEMES = (
    "human trafficking",
    "the smuggling of migrants",
    "labour exploitation",
    "the kidnapping of migrants",
    "the protection of child victims",
    "forced labour",
)


def _fmt(n: int) -> str:
    return f"{n:,}"


class _Doc:
    """One press release being written: its sentences and the curation items quoting them."""

    def __init__(self, doc_id: str, rng: random.Random, ref: dict):
        self.id = doc_id
        self.rng = rng
        self.ref = ref
        self.paragraphs: list[list[str]] = [[]]
        self.items: dict[str, list] = {}
        self.mentions: dict[tuple[str, str], None] = {}
        self.count = 0

    def say(self, sentence: str) -> str:
        self.paragraphs[-1].append(sentence)
        if len(self.paragraphs[-1]) >= self.rng.randint(3, 5):
            self.paragraphs.append([])
        return sentence

    def mention(self, ref_id: str, name: str) -> None:
        self.mentions[(ref_id, name)] = None

    def add(self, section: str, item: dict) -> None:
        self.items.setdefault(section, []).append(item)


def _org_name(org: dict) -> str:
    return org["name"]


def write_document(doc_id: str, rng: random.Random, ref: dict, campaigns: list[dict]):
    """The source text, its manifest entry and its curation file, for one document."""
    d = _Doc(doc_id, rng, ref)
    country = rng.choice(ref["countries"])
    states = [s for s in ref["states"] if s["within"] == country["id"]]
    state = rng.choice(states)
    cities = [c for c in ref["cities"] if c["within"] in {s["id"] for s in states}]
    city = rng.choice(cities)
    office = next(o for o in ref["organizations"] if o["id"] == f"iom-{country['id']}")
    agencies = [o for o in ref["organizations"] if o.get("country") == country["id"]]
    agencies = [o for o in agencies if o["id"] != office["id"]]
    partner, other = rng.sample(agencies, 2)
    others = rng.sample(ref["countries"], 3)
    others = [c for c in others if c["id"] != country["id"]][:2]
    theme = rng.choice(THEMES)
    year = rng.randint(2003, 2012)
    speaker = rng.choice(ref["people"])
    contact = rng.choice(ref["people"])

    title = f"IOM and {partner['name']} Join Forces Against {theme.capitalize()} in {city['name']}"
    for o in (office, partner, other):
        d.mention(o["id"], o["name"])
    d.mention(country["id"], country["name"])
    d.mention(city["id"], city["name"])
    d.mention(state["id"], state["name"])
    d.mention(speaker["id"], speaker["name"])

    # The event, the agreement, the campaign, the project.
    event_id = f"workshop-{doc_id}"
    s1 = d.say(
        f"More than {rng.randint(40, 400)} officials gathered in {city['name']}, "
        f"{state['name']}, for a workshop on {theme} organized by {office['name']} and "
        f"the {partner['name']} in {year}."
    )
    d.add(
        "events",
        {
            "id": event_id,
            "name": f"Workshop on {theme} in {city['name']} ({doc_id})",
            "type": "workshop",
            "location": [city["id"]],
            "date": str(year),
            "organizers": [office["id"], partner["id"]],
            "status": "completed",
            "quote": s1[: s1.index(" in " + str(year))],
        },
    )
    s2 = d.say(
        f"During the workshop, {office['name']} and the {partner['name']} signed a cooperation "
        f"agreement to fight {theme} in {country['name']} (agreement {doc_id})."
    )
    agreement_id = f"agreement-{doc_id}"
    d.add(
        "agreements",
        {
            "id": agreement_id,
            "name": f"Cooperation agreement between {office['name']} and the "
            f"{partner['name']} ({doc_id})",
            "type": "cooperation-agreement",
            "parties": [office["id"], partner["id"]],
            "date": str(year),
            "purpose": f"To fight {theme} in {country['name']}.",
            "quote": s2,
        },
    )
    campaign = rng.choice(campaigns)
    s3 = d.say(
        f"The agreement supports the campaign {campaign['name']}, which informs "
        f"{campaign['audience_text']} about the risks of {theme}."
    )
    d.add(
        "campaigns",
        {
            "id": campaign["id"],
            "name": campaign["name"],
            "type": campaign["type"],
            "organizers": ["iom"],
            "audiences": [campaign["audience"]],
            "quote": s3,
        },
    )
    d.mention("iom", "IOM")
    project_id = f"project-{doc_id}"
    months = rng.choice((6, 12, 18, 24, 36))
    s4 = d.say(
        f"The {months}-month project, managed by {office['name']}, will train "
        f"{_fmt(rng.randint(100, 5000))} officials in {state['name']} and {country['name']}."
    )
    d.add(
        "projects",
        {
            "id": project_id,
            "name": f"Training project on {theme} in {state['name']} ({doc_id})",
            "type": "training",
            "managed_by": [office["id"]],
            "duration": f"P{months}M",
            "location": [state["id"]],
            "status": "planned",
            "quote": s4,
        },
    )
    # A quotation, a membership, a place role, a claim.
    d.paragraphs.append([])
    s5 = d.say(
        f"“We cannot fight {theme} alone, and this agreement brings us closer to the victims "
        f"in {city['name']},” said {speaker['name']}, IOM Chief of Mission in {country['name']}."
    )
    d.add(
        "quotations",
        {
            "id": f"quote-{doc_id}",
            "speaker": speaker["id"],
            "quote": s5[1 : s5.index(",” said")],
        },
    )
    d.add(
        "memberships",
        {
            "id": f"membership-{doc_id}",
            "member": speaker["id"],
            "organization": office["id"],
            "role": "chief-of-mission",
            "place": country["id"],
            "quote": f"{speaker['name']}, IOM Chief of Mission in {country['name']}",
        },
    )
    s6 = d.say(
        f"{country['name']} is a country of origin and transit for victims of trafficking "
        f"from {others[0]['name']} and {others[1]['name']}."
    )
    for c in others:
        d.mention(c["id"], c["name"])
    d.add(
        "place_roles",
        {
            "id": f"role-{doc_id}",
            "place": country["id"],
            "roles": ["origin", "transit"],
            "of": "trafficking-victims",
            "from": [others[0]["id"], others[1]["id"]],
            "quote": s6,
        },
    )
    s7 = d.say(f"The {other['name']} said that {theme} in {state['name']} is growing every year.")
    d.add(
        "statements",
        {
            "id": f"claim-{doc_id}",
            "about": [state["id"]],
            "according_to": [other["id"]],
            "quote": s7,
        },
    )

    # The numbers.
    d.paragraphs.append([])
    n_obs = rng.randint(30, 60)
    places = [country, state, city, *others]
    for k in range(1, n_obs + 1):
        place = rng.choice(places)
        y = rng.randint(2000, year)
        kind = rng.randrange(6)
        obs = {"id": f"number-{k}", "place": place["id"]}
        tag = f"(item {k})"
        if kind == 0:
            n = rng.randint(10, 9000)
            s = d.say(
                f"In {y}, {office['name']} assisted {_fmt(n)} victims of trafficking in "
                f"{place['name']} {tag}."
            )
            obs.update(
                label=f"Victims assisted by {office['name']} in {place['name']} in {y}",
                indicator="victims-assisted",
                value=n,
                unit="person",
                qualifier=["exact"],
                population="trafficking-victims",
                actor=office["id"],
                period=str(y),
            )
        elif kind == 1:
            n = rng.randint(10, 5000)
            y2 = min(year, y + rng.randint(1, 4))
            s = d.say(
                f"More than {_fmt(n)} cases of human trafficking were reported to the "
                f"authorities in {place['name']} between {y} and {y2} {tag}."
            )
            obs.update(
                label=f"Trafficking cases reported in {place['name']}, {y} to {y2}",
                indicator="trafficking-cases-reported",
                value=n,
                unit="case",
                qualifier=["more-than"],
                population="trafficking-cases",
                period={"start": str(y), "end": str(y2)},
            )
        elif kind == 2:
            n = rng.randint(100, 20000)
            s = d.say(
                f"According to the {partner['name']}, some {_fmt(n)} migrants were kidnapped "
                f"in {place['name']} in {y} {tag}."
            )
            obs.update(
                label=f"Migrants kidnapped in {place['name']} in {y}, according to "
                f"{partner['name']}",
                indicator="migrants-kidnapped",
                value=n,
                unit="person",
                qualifier=["approximately"],
                population="kidnapping-victims",
                attributed_to=[partner["id"]],
                period=str(y),
            )
        elif kind == 3:
            n = rng.randint(1, 99)
            s = d.say(
                f"Of the victims identified in {place['name']} in {y}, {n} per cent were "
                f"women {tag}."
            )
            obs.update(
                label=f"Share of women among the victims identified in {place['name']} in {y}",
                indicator="victims-by-sex-and-age",
                value=n,
                unit="percent",
                qualifier=["exact"],
                population="trafficking-victims",
                group=["women"],
                share_of="trafficking-victims",
                period=str(y),
            )
        elif kind == 4:
            n = rng.randint(1000, 90000)
            s = d.say(
                f"An estimated {_fmt(n)} persons are trafficked each year in {place['name']} {tag}."
            )
            obs.update(
                label=f"Persons trafficked each year in {place['name']} (estimate)",
                indicator="persons-trafficked",
                value=n,
                unit="person",
                qualifier=["estimated"],
                population="trafficking-victims",
                frequency="annual",
            )
        else:
            lo = rng.randint(100, 3000)
            hi = lo + rng.randint(100, 3000)
            s = d.say(
                f"Between {_fmt(lo)} and {_fmt(hi)} children were exploited in "
                f"{place['name']} in {y} {tag}."
            )
            obs.update(
                label=f"Children exploited in {place['name']} in {y}",
                indicator="child-victims-of-sexual-exploitation",
                min=lo,
                max=hi,
                unit="person",
                qualifier=["range"],
                population="child-victims",
                exploitation=["sexual-exploitation"],
                period=str(y),
            )
        d.mention(place["id"], place["name"])
        obs["quote"] = s.rstrip(".")
        d.add("observations", obs)

    # The source text: navigation, title, paragraphs, contact block.
    body = "\n\n".join(
        textwrap.fill(" ".join(p), width=68, break_long_words=False, break_on_hyphens=False)
        for p in d.paragraphs
        if p
    )
    user = slug(contact["name"]).replace("-", ".")
    text = (
        f"News\nGlobal\n\n{title}\n\n{body}\n\nFor more information, please contact:\n\n"
        f"{contact['name']}\n\n{office['name']}\n\nTel: +41 22 {rng.randint(100, 999)} "
        f"{rng.randint(1000, 9999)}\n\nE-mail: {user}@example.org\n"
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    file_name = f"{doc_id}_{digest}.txt"
    manifest = {
        "id": doc_id,
        "file": file_name,
        "title": title,
        "url": f"https://news.example.org/{doc_id}",
        "publisher": PUBLISHER,
        "language": "en",
    }
    curation = {
        "document": doc_id,
        "published": {
            "not_before": str(year),
            "reasoning": f"The release reports a workshop held in {year}.",
            "quote": s1[: s1.index(" in " + str(year))] + f" in {year}",
        },
        "mentions": [{"ref": r, "quote": q} for r, q in d.mentions],
    }
    # Single-day year quote may differ from the event quote; both occur in the text.
    curation.update(d.items)
    return file_name, text, manifest, curation


def _dump(data, path: Path) -> None:
    path.write_text(
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8"
    )


def synthesize(n_documents: int, seed: int, out: Path) -> Path:
    """Write a curation folder of `n_documents` documents into `out` (replacing it)."""
    rng = random.Random(seed)
    out = Path(out)
    if not SEED_CONCEPTS.is_file():
        raise KgError(SEED_CONCEPTS, None, "missing: kg synth copies it from a kg checkout")
    if out.exists():
        shutil.rmtree(out)
    for sub in ("sources", "documents", "reference"):
        (out / sub).mkdir(parents=True)
    ref = reference_data(n_documents, rng)
    shutil.copyfile(SEED_CONCEPTS, out / "reference" / "concepts.yaml")
    _dump(ref["places"], out / "reference" / "places.yaml")
    _dump(ref["organizations"], out / "reference" / "organizations.yaml")
    _dump(ref["people"], out / "reference" / "people.yaml")
    names = Names(rng)
    campaigns = []
    for i in range(max(3, n_documents // 50)):
        audience = rng.choice(
            (("migrants", "migrants"), ("vulnerable-populations", "vulnerable populations"))
        )
        name = f"No More {names.word(2)} Trafficking"
        campaigns.append(
            {
                "id": f"campaign-{i}-{slug(name)}",
                "name": name,
                "type": rng.choice(("information-campaign", "mass-information-campaign")),
                "audience": audience[0],
                "audience_text": audience[1],
            }
        )
    width = max(3, len(str(n_documents - 1)))
    manifest = []
    for i in range(n_documents):
        doc_id = f"{i:0{width}d}"
        doc_rng = random.Random(f"{seed}-{doc_id}")
        file_name, text, entry, curation = write_document(doc_id, doc_rng, ref, campaigns)
        (out / "sources" / file_name).write_text(text, encoding="utf-8")
        _dump(curation, out / "documents" / f"{doc_id}.yaml")
        manifest.append(entry)
    _dump(manifest, out / "sources" / "manifest.yaml")
    return out
