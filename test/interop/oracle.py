"""A consumer oracle: the real Python library reads back what the TypeScript library wrote.

One process per library version serves a whole test file. It reads JSON lines on stdin,
`{"id": …, "kind": "event" | "run" | "message", "record": {…}}`, has the library parse each record the way
that library reads its own data, serializes the result again with the library, and writes one verdict
line per request on stdout: `{"id": …, "ok": true}` (`"meta": true` for an AgentOS meta frame such as
`replay`, which is stream data rather than an agno event), or `{"id": …, "ok": false, "error": "…"}` when the
library rejects the record, or `{"id": …, "ok": false, "diff": [...]}` when what it reads back differs
from the record (each difference as `{"path", "ours", "library"}`). So every field we write must be read
back unchanged. Not differences: a field we leave out (the library gives it its default), a field we write
with a default value (`None`, `[]`, `{}`, `False`, `""`) that the library leaves out or fills, the fields a
library does not read back from its own output either (IGNORED_PATHS), and `event_index`, which AgentOS
adds on the wire and agno 2.x's event classes do not hold.

The library is chosen by the environment the process runs in:
- agno 2.x / 3.x: `run_output_event_from_dict`, `team_run_output_event_from_dict`,
  `workflow_run_output_event_from_dict`; `RunOutput.from_dict` / `TeamRunOutput.from_dict`; then `to_dict()`,
  plus the fields a `CustomEvent` holds as attributes (see `custom_event_fields`);
- agno 1.x: `run_response_event_from_dict`, `team_run_response_event_from_dict`;
  `RunResponse.from_dict` / `TeamRunResponse.from_dict`; then `to_dict()`;
- langchain-core: `messages_from_dict` then `messages_to_dict` (stored form `{type, data}`), `load` then
  `dumpd` (constructor form `{lc, type: "constructor", id, kwargs}`), plus the extra fields the message holds and
  `content_blocks` read as the content (see `langchain_fields`);
- orxhestra (langchain_adk's `Event`): `Event.model_validate_json` then `model_dump(mode="json")`.
"""

import copy
import json
import re
import sys
import traceback
import warnings
from typing import Any, Callable, Dict, List

warnings.simplefilter("ignore")


def agno_readers() -> Dict[str, Callable[[Dict[str, Any]], Any]]:
    import agno

    if agno.__version__.startswith("1."):  # type: ignore[attr-defined]
        from agno.run.response import RunResponse, run_response_event_from_dict
        from agno.run.team import TeamRunResponse, team_run_response_event_from_dict

        def event(record: Dict[str, Any]) -> Any:
            return (team_run_response_event_from_dict if record.get("event", "").startswith("Team") else run_response_event_from_dict)(record)

        def run(record: Dict[str, Any]) -> Any:
            return (TeamRunResponse if "team_id" in record else RunResponse).from_dict(record)

        IGNORED_PATHS.append(re.compile(r"(^|\.)(tool|tools\[\d+\])\.(created_at|answered)$"))
        return {"event": event, "run": run}

    # agno 2.x / 3.x media keep base64 text as text in from_dict and encode it once more in to_dict.
    IGNORED_PATHS.append(re.compile(r"(^|\.)(image|audio|video|file|response_audio|(images|audios|videos|files)\[\d+\])\.content$"))
    from agno.run.agent import RunOutput, run_output_event_from_dict
    from agno.run.team import TeamRunOutput, team_run_output_event_from_dict
    from agno.run.workflow import workflow_run_output_event_from_dict

    def event(record: Dict[str, Any]) -> Any:
        name = record.get("event", "")
        if name.startswith("Team"):
            return team_run_output_event_from_dict(record)
        if name.startswith("Workflow") or name.startswith("Step") or "workflow_id" in record:
            return workflow_run_output_event_from_dict(record)
        return run_output_event_from_dict(record)

    def run(record: Dict[str, Any]) -> Any:
        return (TeamRunOutput if "team_id" in record else RunOutput).from_dict(record)

    return {"event": event, "run": run}


def custom_event_fields(event: Any, written: Dict[str, Any]) -> Dict[str, Any]:
    """What agno reads of a `CustomEvent`: `to_dict()`, plus the fields it holds as attributes.

    agno's `CustomEvent` (2.x / 3.x) is the base class of an app's own events: `from_dict` sets every
    field of the record as an attribute (`event.name`, `event.data` …), but `to_dict()` writes only the
    dataclass fields, so it drops them even for a custom event agno wrote itself (a subclass with a
    `city` field, `to_dict()` then `run_output_event_from_dict` then `to_dict()`, loses `city`). So
    the attributes are what agno read. `to_dict()` still runs: a record it cannot write (no
    `created_at`, which `CustomEvent`'s own `__init__` never defaults) is no record agno can read.
    """
    written = dict(written)
    if type(event).__name__ == "CustomEvent":
        for key, value in vars(event).items():
            written.setdefault(key, value)
    return written


def langchain_fields(message: Any, fields: Dict[str, Any], ours: Dict[str, Any]) -> Dict[str, Any]:
    """What langchain-core reads of a message: its serialized fields, plus what its serializers drop.

    A message class allows extra fields (`model_config = ConfigDict(extra="allow")`): JavaScript's
    `ToolMessage.metadata` is read as one (`message.model_extra`), and `dumpd` writes no extra field,
    not even of a message built in Python. `content_blocks` is the constructor's name for the content
    (`BaseMessage.__init__(content_blocks=…)` sets `content` from it): it is read as the content.
    """
    fields = dict(fields)
    for key, value in (message.model_extra or {}).items():
        fields.setdefault(key, value)
    if "content_blocks" in ours:
        fields.setdefault("content_blocks", message.content)
    return fields


def readers() -> Dict[str, Callable[[Dict[str, Any]], Any]]:
    try:
        import agno  # noqa: F401
    except ImportError:
        pass
    else:
        readers = agno_readers()

        def read_back(read: Callable[[Dict[str, Any]], Any]) -> Callable[[Dict[str, Any]], Any]:
            def reader(record: Dict[str, Any]) -> Any:
                event = read(record)
                return custom_event_fields(event, event.to_dict())

            return reader

        return {kind: read_back(read) for kind, read in readers.items()}
    try:
        from orxhestra.events.event import Event
    except ImportError:
        pass
    else:
        return {"event": lambda record: Event.model_validate_json(json.dumps(record)).model_dump(mode="json")}
    from langchain_core.load import dumpd, load
    from langchain_core.messages import messages_from_dict, messages_to_dict

    # dumpd names a class by its legacy path (["langchain", "schema", "messages", …]), JavaScript's
    # serializer by its module (["langchain_core", "messages", …]); load reads both.
    IGNORED_PATHS.append(re.compile(r"^id$"))

    def message(record: Dict[str, Any]) -> Any:
        if record.get("lc") == 1:
            read = load(copy.deepcopy(record))
            written = dumpd(read)
            return {**written, "kwargs": langchain_fields(read, written.get("kwargs", {}), record.get("kwargs", {}))}
        [read] = messages_from_dict([copy.deepcopy(record)])
        written = messages_to_dict([read])[0]
        return {**written, "data": langchain_fields(read, written.get("data", {}), record.get("data", {}))}

    return {"message": message}


# What the library itself writes when a field is absent: reading such a field back is no difference.
DEFAULTS = (None, [], {}, False, "")
# Where a library does not read its own output back: agno 1.x's ToolExecution.from_dict reads neither
# `created_at` (the class default, the time agno was imported, takes its place) nor `answered`.
IGNORED_PATHS: List["re.Pattern[str]"] = []
# Fields AgentOS adds to an event on the wire (its SSE writer), which the event classes of agno 2.x do
# not have: agno's own reader drops them from the events AgentOS sent.
TRANSPORT_KEYS = {"event_index"}
# AgentOS frames that are not agno events (stream meta data): agno's clients read them apart.
AGENTOS_META_FRAMES = {"replay", "subscribed", "catch_up", "stream_expired"}


def is_default(value: Any) -> bool:
    return any(value == default and type(value) is type(default) for default in DEFAULTS)


def differences(ours: Any, library: Any, path: str = "", out: List[Dict[str, Any]] = None) -> List[Dict[str, Any]]:
    """Where the library's reading differs from our record (at most 20 places)."""
    out = [] if out is None else out
    if len(out) >= 20:
        return out
    if isinstance(ours, dict) and isinstance(library, dict):
        for key in list(ours) + [key for key in library if key not in ours]:
            child = f"{path}.{key}" if path else key
            if key not in ours:
                continue  # a field we leave out takes the library's default (agno: the clock for created_at)
            if key not in library:
                if key not in TRANSPORT_KEYS and not is_default(ours[key]):
                    out.append({"path": child, "ours": ours[key], "library": "(missing)"})
            else:
                differences(ours[key], library[key], child, out)
    elif isinstance(ours, list) and isinstance(library, list) and len(ours) == len(library):
        for index, (left, right) in enumerate(zip(ours, library)):
            differences(left, right, f"{path}[{index}]", out)
    elif ours is None and is_default(library):
        pass
    elif any(pattern.search(path) for pattern in IGNORED_PATHS):
        pass
    elif isinstance(ours, (int, float)) and isinstance(library, (int, float)) and not isinstance(ours, bool) and not isinstance(library, bool):
        # JSON has one number type: 1700000000 and 1700000000.0 are the same value.
        if ours != library:
            out.append({"path": path, "ours": ours, "library": library})
    elif ours != library or type(ours) is not type(library):
        out.append({"path": path, "ours": ours, "library": library})
    return out


def main() -> None:
    # The verdicts have stdout to themselves: agno logs warnings there (rich's console writes to
    # whatever sys.stdout is when it writes), e.g. 2.9's "Failed to reconstruct image from dict".
    verdicts = sys.stdout
    sys.stdout = sys.stderr
    read = readers()
    print(json.dumps({"ready": sorted(read)}), file=verdicts, flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        verdict: Dict[str, Any] = {"id": request["id"]}
        try:
            if request["kind"] == "event" and request["record"].get("event") in AGENTOS_META_FRAMES:
                verdict.update({"ok": True, "meta": True})
                print(json.dumps(verdict), file=verdicts, flush=True)
                continue
            reader = read.get(request["kind"])
            if reader is None:
                raise ValueError(f"this oracle reads {sorted(read)}, not {request['kind']!r}")
            # agno's from_dict replaces nested dicts of its argument with objects: give it a copy.
            # Through JSON, as the library would send it: enums become their values, tuples lists.
            library = json.loads(json.dumps(reader(copy.deepcopy(request["record"])), default=str))
            diff = differences(request["record"], library)
            verdict.update({"ok": not diff} if not diff else {"ok": False, "diff": diff})
        except Exception as error:  # the library rejected the record: that is the verdict
            verdict.update({"ok": False, "error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc(limit=3)})
        print(json.dumps(verdict, default=repr), file=verdicts, flush=True)


if __name__ == "__main__":
    main()
