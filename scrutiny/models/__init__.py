"""Scrutiny's output contract: the typed records of `models.records`."""

from scrutiny.models.records import *  # noqa: F401,F403
