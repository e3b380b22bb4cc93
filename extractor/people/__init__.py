"""People: one registry of named persons per pack, with mentions linked to it."""


def resolve(ctx, out) -> None:
    """Fill out.people and out.mentions. Not built yet."""
