"""Versioned content files (templates, catalogues, guides): loaded, validated, cited. No Qt."""
