"""Segmentation: split a pack into its documents and link them to agenda items."""


def split(ctx):
    return []


def link(ctx, out) -> None:
    pass
