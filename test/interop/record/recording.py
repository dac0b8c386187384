"""What every recorder shares: writing normalized records and running the chosen scenarios."""

import json
import logging
import os
import sys
import warnings
from typing import Any, Callable, Dict, Iterable

from normalize import Normalizer


def write_lines(folder: str, name: str, records: Iterable[Dict[str, Any]]) -> None:
    """One compact JSON record per line, normalized as one recording."""
    normalize = Normalizer()
    with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(normalize(record), ensure_ascii=False, separators=(",", ":")) + "\n")


def write_json(folder: str, name: str, record: Dict[str, Any]) -> None:
    """One JSON document (a stored run), indented."""
    with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
        out.write(json.dumps(Normalizer()(record), ensure_ascii=False, indent=2) + "\n")


def main(scenarios: Dict[str, Callable[[str], None]]) -> None:
    """`python <recorder> <output folder> [scenario …]`: runs the named scenarios, or all of them."""
    # The failing tools and provider errors are on purpose: the libraries' logs of them are noise here.
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    folder = sys.argv[1]
    only = sys.argv[2:]
    os.makedirs(folder, exist_ok=True)
    for name, scenario in scenarios.items():
        if not only or name in only:
            scenario(folder)
