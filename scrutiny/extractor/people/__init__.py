"""People: one registry of named persons per pack, with every mention linked to it.

``resolve(ctx, out)`` gathers mentions from the extraction (members, co-optees, clerk, report
authors and contact officers, attendees, chair's signature, declarations, votes, minute actions,
action and milestone leads), clusters the names (block by surname, never merging conflicting
names), resolves role-only references through the pack's own statements of who holds the role,
and fills ``out.people`` and ``out.mentions``.
"""

from __future__ import annotations

from typing import Optional

from scrutiny.extractor.people.build import link, people_and_mentions
from scrutiny.extractor.people.gather import Observation, gather, observation
from scrutiny.extractor.people.roles import glossary_map

__all__ = ["resolve", "link", "gather", "observation", "Observation", "people_and_mentions"]


def resolve(ctx, out) -> None:
    """Fill out.people and out.mentions; attendees get the id of the person they resolve to."""
    observations = gather(out, ctx.source if ctx is not None else None)
    people, mentions = people_and_mentions(observations, glossary_map(out.glossary))
    out.people = people
    out.mentions = mentions
    unresolved = sum(1 for m in mentions if m.person is None)
    if unresolved and ctx is not None:
        ctx.flag("people-unresolved", f"{unresolved} of {len(mentions)} person mentions left unresolved", severity="info")
