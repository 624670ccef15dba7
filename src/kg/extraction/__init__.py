"""Drafting a document's curation file from its source text, offline and by rules.

The stages, each a module:

* :mod:`~kg.extraction.knowledge`: what the extractor knows: the reference data, the concept
  schemes and the other curated documents (and, for evaluation, the same with one document's
  contribution left out);
* :mod:`~kg.extraction.text`: the cleaned source as passages, tokens, sentences and clauses,
  with every piece mapped back to the raw text so that quotes are exact;
* :mod:`~kg.extraction.world`: general knowledge of places (ISO 3166 countries and their
  subdivisions, from pycountry; world regions), used for names the reference data lacks;
* :mod:`~kg.extraction.entities`: organizations, places and people: the reference data's
  names and variants, then a rule-based recognizer for names not seen before;
* :mod:`~kg.extraction.numbers`: every number with its unit, qualifier, period, place,
  frequency and attribution;
* :mod:`~kg.extraction.items`: events, agreements, campaigns, laws, projects, memberships,
  quotations, place roles and the publication bound;
* :mod:`~kg.extraction.draft`: the draft and the proposed reference additions as YAML;
* :mod:`~kg.extraction.evaluate`: the leave-one-out evaluation against the curated corpus.

:mod:`kg.extraction.extract` is the entry point.
"""
