"""Build-time code: the assets under ``models/`` that are built, not written by hand.

``python -m nlp.build`` (:mod:`nlp.build.__main__`) builds the place gazetteer
(:mod:`nlp.build.gazetteer`) and, when its recipe changed, trains the Ukrainian NER
(:mod:`nlp.build.uk_ner`); ``python -m nlp.build.evaluate`` scores the NER against gold sentences.

The runtime never imports this package: it reads only the built files (through :mod:`nlp.gazetteer`
and :mod:`nlp.uk_model`). This package may import the runtime (the silver data of the Ukrainian NER
is made with the runtime's rules), never the other way round.
"""
