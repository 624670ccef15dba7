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
  names and variants (:mod:`~kg.extraction.lookup`), then rules for names not seen before
  (:mod:`~kg.extraction.candidates`, with :mod:`~kg.extraction.organizations` and
  :mod:`~kg.extraction.people`), resolved into mentions (:mod:`~kg.extraction.resolution`,
  :mod:`~kg.extraction.mentions`); :mod:`~kg.extraction.name_words` and
  :mod:`~kg.extraction.spans` hold what they share;
* :mod:`~kg.extraction.numbers`: every number with its unit, qualifier, period, place,
  frequency and attribution: the figures read by :mod:`~kg.extraction.figures`, their units by
  :mod:`~kg.extraction.units`, periods by :mod:`~kg.extraction.periods`, sources by
  :mod:`~kg.extraction.attributions`, indicators by :mod:`~kg.extraction.indicators`;
* :mod:`~kg.extraction.items`: events, agreements, campaigns, laws, projects, memberships,
  quotations, place roles and the publication bound (:mod:`~kg.extraction.events`,
  :mod:`~kg.extraction.agreements`, :mod:`~kg.extraction.studies`, :mod:`~kg.extraction.roles`);
* :mod:`~kg.extraction.draft`: the draft and the proposed reference additions as YAML
  (:mod:`~kg.extraction.draft_yaml`), and (:mod:`~kg.extraction.filing`) the confident
  proposals filed into the reference data with a draft filed in a data folder;
* :mod:`~kg.extraction.evaluate`: the leave-one-out evaluation against the curated corpus, and
  (:mod:`~kg.extraction.corpus`) the scoring against the development set's gold facts.

:mod:`kg.extraction.extract` is the entry point (`kg extract`); :mod:`kg.extraction.add` files
a release as published (`kg add`), read by :mod:`~kg.extraction.pages`.
"""
