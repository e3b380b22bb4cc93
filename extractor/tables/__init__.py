"""Table recovery (geometry) and interpretation (what the columns mean)."""


def extract(ctx, out) -> None:
    """Fill out.actions, milestones, exceptions, indicators, glossary and tables. Not built yet."""
