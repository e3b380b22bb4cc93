"""Minutes: numbered items, attendance, resolutions, votes, declarations and actions."""


def extract(ctx, out, *, spacy_model=None) -> None:
    """Fill out.minutes. Not built yet."""
