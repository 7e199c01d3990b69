"""The network map (netværkskort): people, ties, versions, measures, files, the partner directory."""
