"""The spaCy components of the NER pipelines, one factory per module (assembled by :mod:`nlp.pipelines`).

=================  ======================  ==========================================================
factory            module                  adds
=================  ======================  ==========================================================
cc_spacy_ents      ``english_model``       en_core_web_sm's spans, Slavic names relabelled PERSON
cc_natasha         ``natasha_model``       natasha NewsNERTagger's spans (Russian)
cc_uk_model        ``uk_model``            the trained Ukrainian NER's PERSON and ORG spans
cc_gazetteer       ``gazetteer``           places of the gazetteer
cc_units           ``units``               military units
cc_orgs            ``organisations``       organisations of ``models/ner/organisations.json`` and generic institutions
cc_uk_persons      ``persons_uk``          Ukrainian person names by morphology
cc_latin_persons   ``persons_latin``       person names in Latin script
cc_merge           ``merge``               resolves overlaps: ``doc.ents`` and ``doc._.cc_mentions``
=================  ======================  ==========================================================

Every component but ``cc_merge`` adds :class:`~nlp.components.candidate.Candidate` spans to
``doc._.cc_candidates``. ``name_rules`` holds what the person rules, the Ukrainian model's filter and
the merge share: word shapes, ``models/ner/names.json``, the roles of a Ukrainian word. Importing a
module registers its factory; word tables are data under ``models/ner/``, read with the
``models_dir`` of the factory's config.
"""
