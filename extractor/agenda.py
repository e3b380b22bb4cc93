"""Agenda front sheet: meeting, members, co-optees, agenda items."""


def parse(ctx, out) -> None:
    pass
