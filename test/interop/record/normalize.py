"""Byte-stable recordings: replace what the libraries draw from uuid4 and the clock.

Only values the library itself takes from `uuid.uuid4()` or a clock are replaced, in the order they
first appear, so equal values stay equal and different values stay different:

- a UUID string (anywhere in a string) becomes 00000000-0000-4000-8000-<n as 12 digits>;
- a timestamp in whole seconds (a key named in TIMESTAMP_KEYS holding an integer) becomes a fixed base:
  whether two events fall in the same second depends on the machine's speed;
- a precise timestamp (a float or an ISO 8601 string under such a key) becomes the base plus one
  second per distinct value, in order of appearance;
- a measured duration (a key named in DURATION_KEYS holding a number) becomes 0.001 times
  its rank among distinct values; inside agno's tool sentence "… completed in 0.0247s." (rounded, so
  two tools often measure the same) each sentence takes the next value of its own sequence.

Everything else (texts, tool arguments, token counts, event order) is what the library produced.
"""

import re
from datetime import datetime, timezone
from typing import Any, Dict

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# agno writes the measured time of a tool call into a sentence: "get_weather(city=Paris) completed in 0.0247s."
MEASURED = re.compile(r"(completed in )(\d+(?:\.\d+)?)s")
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)?")
TIMESTAMP_KEYS = {"created_at", "updated_at", "timestamp", "start_time", "end_time", "expires_at"}
DURATION_KEYS = {"duration", "time_to_first_token", "time"}
BASE_TIME = 1_780_000_000


class Normalizer:
    """One per recording session: the same library value always gets the same replacement."""

    def __init__(self) -> None:
        self.uuids: Dict[str, str] = {}
        self.timestamps: Dict[Any, Any] = {}
        self.durations: Dict[Any, float] = {}
        self.sentences = 0

    def uuid(self, match: "re.Match[str]") -> str:
        value = match.group(0)
        if value not in self.uuids:
            self.uuids[value] = "00000000-0000-4000-8000-%012d" % (len(self.uuids) + 1)
        return self.uuids[value]

    def measured(self, match: "re.Match[str]") -> str:
        self.sentences += 1
        return f"{match.group(1)}{round(0.0001 * self.sentences, 4)}s"

    def timestamp(self, value: Any) -> Any:
        if isinstance(value, int):
            return BASE_TIME
        if value not in self.timestamps:
            seconds = BASE_TIME + len(self.timestamps)
            if isinstance(value, str):
                self.timestamps[value] = datetime.fromtimestamp(seconds, timezone.utc).isoformat()
            else:
                self.timestamps[value] = float(seconds)
        return self.timestamps[value]

    def duration(self, value: Any) -> float:
        if value not in self.durations:
            self.durations[value] = round(0.001 * (len(self.durations) + 1), 3)
        return self.durations[value]

    def __call__(self, value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(item, key) for item in value]
        if isinstance(value, str) and key in TIMESTAMP_KEYS and ISO_TIME.fullmatch(value):
            return self.timestamp(value)
        if isinstance(value, str):
            return MEASURED.sub(self.measured, UUID.sub(self.uuid, value))
        if isinstance(value, bool) or value is None:
            return value
        if isinstance(value, (int, float)) and key in TIMESTAMP_KEYS:
            return self.timestamp(value)
        if isinstance(value, (int, float)) and key in DURATION_KEYS:
            return self.duration(value)
        return value
