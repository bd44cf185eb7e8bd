"""Language identification, entity extraction and name normalisation."""
