"""Report cover sheets."""


def parse(ctx, out) -> None:
    pass
