"""Studies and reports a release cites ("the Global Report on Trafficking in Persons", "a
recent IOM survey"), their authors, and the numbers that cite them.
"""

from __future__ import annotations

import re

from kg.extraction.entities import Entities
from kg.extraction.proposal import Item, Quote, slugify
from kg.extraction.text import Passage, Source, fold

TITLE_CONNECTORS = {"on", "of", "in", "and", "for", "against", "to", "the", "from", "at", "with"}
AUTHOR_VERB = (
    r"(?:(?:carried out|conducted|published|released|compiled|produced|developed|prepared|made|"
    r"done|undertaken|issued|commissioned|launched)\s+)?(?:jointly\s+)?(?:by|of|from)\s+"
)


TITLE_HEAD = re.compile(
    r"\b(?:Report|Study|Survey|Assessment|Review|Index|Atlas|Dataset|Handbook|Guidelines|"
    r"Yearbook|Outlook)\b"
)
TITLE_NOT_FIRST = {
    "The", "A", "An", "Its", "Their", "This", "According", "In", "Moreover", "Meanwhile",
    "However", "Yet", "But", "And", "Also", "Latest", "New", "Recent", "Forthcoming",
}  # fmt: skip
PUBLICATION_TITLE = re.compile(
    r"\bpublications?\s*,\s*(?:(?:entitled|titled|called)\s+)?[“\"]?"
    r"(?P<title>[A-Z][^,;“”\"()]{3,120}?)[”\"]?(?=\s*(?:[,;()]|\.(?:\s|$)|$))"
)
UNTITLED_STUDY = re.compile(
    r"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hese)\s+"
    r"(?P<body>(?:(?:latest|most recent|recent|new|forthcoming|annual|first|last|joint|"
    r"global|regional|national)\s+){0,3}"
    r"(?:(?P<year>(?:19|20)\d\d)\s+)?(?:[A-Z][\w-]+\s+)?"
    r"(?P<head>report|study|studies|survey|assessment|investigation|analysis|publication|"
    r"dataset)s?)\b"
)


# The determiner a study's mention may open with ("The report", "Its latest study")
DETERMINER = re.compile(r"(?:The|An?|Its|Their|This|These)\s+")


def _by_title(words: str) -> bool:
    """A study's mention by its title ("the latest Global Report on ..."), not by what it is
    ("The report", "the latest study", "The investigations")."""
    opening = DETERMINER.match(words)
    return bool(re.search(r"[A-Z]", words[opening.end() if opening else 0 :]))


def cite_studies(
    items: list[Item], observations: list[Item], entities: Entities | None = None
) -> None:
    """A number given in a sentence that names a study (before the number: "the Global Report
    ... found that ... 124 states"; or "according to" it after) comes from that study
    (`source_work`); when the number's own sentence names the study's authors and no one else
    as its source, they are who the number is attributed to (not "The report said there were
    27.6 million ...", whose sentence names no body: a source is what the sentence names)."""
    studies = [i for i in items if i.section == "studies"]
    if not studies:
        return
    for obs in observations:
        if not obs.spans:
            continue
        at = obs.spans[0]
        passage = at.passage
        s0, s1 = passage.sentence_at(at.start)
        best, best_pos, best_span = None, -1, None
        for study in studies:
            for span in study.spans:
                if span.passage is not passage or not s0 <= span.start < s1:
                    continue
                cue = passage.text[max(s0, span.start - 40) : span.start]
                before = span.end <= at.start
                after = span.start >= at.end and re.search(
                    r"\baccording to\s+(?:the\s+|its\s+|their\s+)?[\w’' -]*$", cue, re.I
                )
                if (before or after) and (before and span.start > best_pos or best is None):
                    best, best_pos, best_span = study, span.start, span
        if best is None:
            continue
        obs.fields["source_work"] = [best.id]
        authors = list(best.fields.get("authors") or [])
        # (by its title, "the Global Report", the study names its authors as well)
        if entities is not None and not _by_title(passage.text[best_span.start : best_span.end]):
            authors = [
                a
                for a in authors
                if any(
                    m.target == a and m.passage is passage and s0 <= m.start < s1
                    for m in entities.mentions
                )
            ]
        if "attributed_to" not in obs.fields and authors:
            obs.fields["attributed_to"] = authors


class StudyRules:
    """The ItemExtractor's rules for studies and reports (a part of it)."""

    # -- studies -----------------------------------------------------------------------------

    def _studies(self, source: Source, entities: Entities) -> list[Item]:
        """Reports, studies, surveys and publications the text cites: by title ("the latest
        Global Report on Trafficking in Persons", "its most recent publication, TITLE"), or
        by what and whose they are ("a 2009 investigation by CNDH", "recent IOM studies",
        "a study published by the country's Human Rights Office"). A later mention ("the
        Global Report", "the report") is the same study; each mention is kept (`spans`) so
        that numbers the text gives from it cite it."""
        studies: list[Item] = []
        for passage in source.passages:
            if passage.kind == "trailer":
                continue
            taken: list[tuple[int, int]] = []
            for a, b, title_start, title_end in self._titled(passage):
                taken.append((a, b))
                self._study(passage, a, b, passage.text[title_start:title_end], studies, True)
            for m in UNTITLED_STUDY.finditer(passage.text):
                if any(x <= m.start("head") < y for x, y in taken):
                    continue
                self._study(passage, m.start(), m.end(), None, studies, False, m)
        return [s for s in studies if s.quotes]

    def _titled(self, passage: Passage) -> list[tuple[int, int, int, int]]:
        """(mention start, end, title start, end) of the titles of studies in a passage."""
        text = passage.text
        out = []
        for h in TITLE_HEAD.finditer(text):
            words = list(re.finditer(r"[\w’'-]+", text[: h.start()]))
            start, have, i = h.start(), 0, len(words) - 1
            while i >= 0:
                w = words[i].group(0)
                gap = text[words[i].end() : start]
                if not re.fullmatch(r"\s+", gap):
                    break
                if w[:1].isupper() or re.fullmatch(r"(?:19|20)\d\d", w):
                    start, have, i = words[i].start(), have + 1, i - 1
                elif (
                    w in ("in", "on", "of", "and", "for", "against")
                    and have
                    and i > 0
                    and words[i - 1].group(0)[:1].isupper()
                ):
                    start, i = words[i].start(), i - 1
                else:
                    break
            while True:  # "The", "According": no part of a title
                first = re.match(r"[\w’'-]+\s+", text[start : h.start()])
                if first and first.group(0).strip() in TITLE_NOT_FIRST:
                    start += first.end()
                else:
                    break
            right = re.match(
                r"(?:\s+(?:(?:on|of|in|and|for|against|the|to|from)\s+)*"
                r"(?:[A-Z][\w’'-]*|(?:19|20)\d\d)\b)*",
                text[h.end() :],
            )
            end = h.end() + right.end()
            # "... on Kidnapping of the National Human Rights Commission": the author after
            # the title is none of it.
            inner = [
                m.start
                for m in self.entities.in_range(passage, h.end(), end, "organization")
                if m.start > h.end()
            ]
            if inner:
                end = min(inner)
            while text[start:end].split()[-1].casefold() in TITLE_CONNECTORS:
                end = start + text[start:end].rstrip().rfind(" ")
            if start == h.start() and end == h.end():
                continue  # "Report" alone
            if any(a <= h.start() < b for a, b, _, _ in out):
                continue
            out.append((start, end, start, end))
        for m in PUBLICATION_TITLE.finditer(text):
            out.append((m.start(), m.end("title"), m.start("title"), m.end("title")))
        return out

    def _study(
        self,
        passage: Passage,
        a: int,
        b: int,
        title: str | None,
        studies: list[Item],
        titled: bool,
        m: re.Match | None = None,
    ) -> None:
        text = passage.text
        s0, s1 = self._sentence(passage, a)
        authors: list[str] = []
        # An organization inside the title's beginning ("UNODC Global Report ..."), just
        # before it (possessive or not: "IOM's latest report", "recent IOM studies"), or
        # after it ("... by the United Nations Office on Drugs and Crime").
        inside = self._top(self.entities.in_range(passage, a, b, "organization"))
        if inside and title and inside[0].start == text.find(title, a):
            authors.append(inside[0].target)
            title = re.sub(rf"^{re.escape(inside[0].text)}(?:[’']s)?\s+", "", title)
        elif inside and not titled:
            authors += [x.target for x in inside]
        before = [
            x
            for x in self._top(self.entities.in_range(passage, max(s0, a - 80), a, "organization"))
            if re.fullmatch(
                r"(?:[’']s)?\s+(?:(?:the|latest|most recent|recent|new|forthcoming|annual|"
                r"first|joint)\s+)*(?:(?:19|20)\d\d\s+)?",
                text[x.end : a],
            )
        ]
        if before and not authors:
            authors.append(before[-1].target)
        by = re.match(r"\s*,?\s*" + AUTHOR_VERB, text[b : b + 60])
        if by and not authors:
            authors += [x.target for x in self._org_chain(passage, b + by.end())]
        det = m.group("det") if m is not None else None
        if (
            not authors
            and (det or "").casefold() in ("its", "their")
            or (not authors and re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}$", text[s0:a]))
        ):
            subject = [x for x in self._top(self.entities.in_range(passage, s0, a, "organization"))]
            if subject:
                authors.append(subject[-1].target)
        authors = list(dict.fromkeys(authors))
        year = None
        if title:
            y = re.search(r"\b((?:19|20)\d\d)$", title)
            year = y.group(1) if y else None
        elif m is not None and m.group("year"):
            year = m.group("year")
        # A later mention of a study already found: its words are part of that one's title,
        # or it is "the report" (definite, no year) and there is an earlier study.
        for study in reversed(studies):
            name = fold(study.fields["name"])
            if title and set(fold(title).split()) <= set(name.split()) | {"the"}:
                study.spans.append(Quote(passage, a, b))
                return
            if (
                title is None
                and det
                and det.casefold() in ("the", "this")
                and not year
                and (not authors or set(authors) <= set(study.fields.get("authors", [])))
            ):
                study.spans.append(Quote(passage, a, b))
                return
        if title is None and not authors and not year:
            return
        if title:
            name = title
        else:
            words = text[m.start("body") : m.end()]
            name = words[:1].upper() + words[1:]
            if by and authors:
                name += " by " + " and ".join(self._name_of(x) for x in authors)
        reused = self._reuse("study", [name])
        item = Item("studies", reused[0] if reused else self._id(slugify(name, 6), "study"))
        item.fields["name"] = reused[1]["name"] if reused else name
        if authors:
            item.fields["authors"] = authors
        if year:
            item.fields["date"] = year
        if re.search(
            r"\b(?:forthcoming|upcoming|will be (?:released|published|launched))\b",
            text[s0:s1],
            re.I,
        ):
            item.fields["status"] = "planned"
        end = b + by.end() if by and authors else b
        if by and authors:
            chain = self._org_chain(passage, b + by.end())
            end = chain[-1].end if chain else b
        item.add_quote(passage, a, end)
        item.spans.append(Quote(passage, a, b))
        item.confidence = 0.7 if titled else (0.6 if authors else 0.45)
        if passage.kind == "title":
            item.quotes = []  # the headline's mention is kept for citing, not quoted
            item.confidence = 0.0
        studies.append(item)
