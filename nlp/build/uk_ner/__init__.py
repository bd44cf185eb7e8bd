"""A compact statistical Ukrainian NER (PERSON, UNIT, PLACE, ORG), trained on silver data.

No Ukrainian NER model installs from PyPI, so this one is distilled from the project's own rules:

1. Silver data (:mod:`nlp.build.uk_ner.silver`). The current uk extraction
   (:func:`nlp.extract.extract_mentions`: gazetteer, unit and organisation rules, the morphological
   person rule) is run over

   * raw Ukrainian text that installs offline: the corrected (target) sentences of the ``ua-gec``
     corpus (train partition, first annotator of each document). A sentence is kept only where the
     rules are confident: every capitalised word that does not begin the sentence (or a quote, or a
     clause after a colon or dash) is inside a mention. A sentence with a capitalised word no rule
     explains may hold an entity the rules missed and would teach the model to skip it;
   * domain sentences generated from templates (:mod:`nlp.build.uk_ner.domain`): invented person
     names in every case, numbered units in full and abbreviated forms, places from the gazetteer in
     inflected forms, organisations (the case forms of ``models/ner/organisations.json``). Their
     labels are the generator's spans (right by construction), plus any rule mention that does not
     overlap them.

   Everything is deterministic: sorted inputs, fixed seeds.
2. ``spacy train`` with ``models/uk_ner/config.cfg`` (HashEmbedCNN tok2vec, width 96, depth 4, + ner;
   blank ``uk`` tokenizer; no lemmatizer), bounded by ``training.max_steps``, seed fixed. Only
   ``model-best`` is kept, as ``models/uk_ner/model`` (:mod:`nlp.build.uk_ner.train`).
3. :func:`nlp.build.uk_ner.train.ensure_model` (called by ``python -m nlp.build``) retrains only when
   the model is missing or the recipe hash (the recipe modules, the config, the ua-gec and spaCy
   versions) differs from ``models/uk_ner/recipe.sha256``. Changes to the rules themselves do not
   trigger a retrain (it would happen on every rule edit); force one with
   ``python -m nlp.build.uk_ner train --force``.

The runtime loads the built model with :func:`nlp.uk_model.load_uk_ner`, never through this package.
Labels: ``PERSON`` (people, any case, with patronymic), ``UNIT`` (military formations, "36-ї окремої
бригади морської піхоти", "93 ОМБр", "в/ч А0989"), ``PLACE`` (settlements, regions, countries,
facilities), ``ORG`` (organisations: ЗСУ, СБУ, ООН, Міністерство оборони України, ...).

CLI: ``python -m nlp.build.uk_ner {data,train,bench,eval} [--models-dir DIR]``.
"""
