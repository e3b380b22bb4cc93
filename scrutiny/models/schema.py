"""The JSON Schema of the output, generated from the models; `scrutiny/models/extraction.schema.json` is the
committed copy, kept equal to this by a test."""

import json
from pathlib import Path

from scrutiny.models.records import Extraction

SCHEMA_FILE = Path(__file__).with_name("extraction.schema.json")


def schema_json() -> str:
    return json.dumps(Extraction.model_json_schema(), indent=2, sort_keys=True) + "\n"
