"""A document as JSON or YAML text. YAML keeps the key order and writes no aliases, so the
two forms are the same document and a reader without anchor support reads either."""

from __future__ import annotations

import json
from typing import Any

import yaml


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_yaml(document: Any) -> str:
    text: str = yaml.dump(
        document, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100
    )
    return text
