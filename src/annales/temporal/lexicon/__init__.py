"""Language data files (one TOML per language) for the temporal tagger."""
