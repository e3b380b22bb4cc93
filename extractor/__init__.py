"""Scrutiny: committee packs in, normalised JSON out."""

__version__ = "0.1.0"
