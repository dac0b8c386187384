"""Records AgentOS SSE bodies through agno's own FastAPI app: python agentos_sse.py <output folder>.

The app is test/interop/agentos_app.py (the scripted agents and team, SQLite storage), driven by
FastAPI's TestClient, so each body is exactly what AgentOS sends: `event:` / `data:` frames, comments
and meta frames included. The JSON of each `data:` line is normalized (see normalize.py) and
written back compact, as AgentOS writes it.
"""

import json
import os
import sys
import tempfile
from typing import Any, Dict, List

here = os.path.dirname(__file__)
sys.path.insert(0, here)
sys.path.insert(0, os.path.dirname(here))

from agentos_app import build_app  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402
from normalize import Normalizer  # noqa: E402
from recording import main  # noqa: E402


def frames(body: str) -> List[Dict[str, Any]]:
    """The data of every SSE frame of a body, parsed."""
    out = []
    for line in body.splitlines():
        if line.startswith("data: "):
            out.append(json.loads(line[len("data: ") :]))
    return out


def normalized(body: str, normalize: Normalizer) -> str:
    lines = []
    for line in body.split("\n"):
        if line.startswith("data: "):
            data = json.loads(line[len("data: ") :])
            line = "data: " + json.dumps(normalize(data), ensure_ascii=False, separators=(",", ":"))
        lines.append(line)
    return "\n".join(lines)


def write(folder: str, name: str, body: str) -> None:
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as out:
        out.write(normalized(body, Normalizer()))


def record(folder: str) -> None:
    client = TestClient(build_app(tempfile.mkdtemp(prefix="aeb-agentos-record-")))

    plain = client.post("/agents/weather-agent/runs", data={"message": "Weather in Paris and the ACME quote?", "stream": "true"})
    write(folder, "agentos-agent.sse", plain.text)

    team = client.post("/teams/research-team/runs", data={"message": "How is the weather in Oslo?", "stream": "true"})
    write(folder, "agentos-team.sse", team.text)

    failing = client.post("/agents/failing-agent/runs", data={"message": "Weather in Paris?", "stream": "true"})
    write(folder, "agentos-provider-error.sse", failing.text)

    background = client.post(
        "/agents/weather-agent/runs", data={"message": "Weather in Paris and the ACME quote?", "stream": "true", "background": "true"}
    )
    write(folder, "agentos-background.sse", background.text)
    started = frames(background.text)[0]
    resumed = client.post(
        f"/agents/weather-agent/runs/{started['run_id']}/resume",
        data={"last_event_index": "3", "session_id": started["session_id"]},
    )
    write(folder, "agentos-resume.sse", resumed.text)

    paused = client.post("/agents/confirmation-agent/runs", data={"message": "Do the task", "stream": "true"})
    pause = [frame for frame in frames(paused.text) if frame.get("event") == "RunPaused"][0]
    tools = [dict(tool, confirmed=True) for tool in pause["tools"]]
    continued = client.post(
        f"/agents/confirmation-agent/runs/{pause['run_id']}/continue",
        data={"tools": json.dumps(tools), "session_id": pause["session_id"], "stream": "true"},
    )
    write(folder, "agentos-confirmation.sse", paused.text)
    write(folder, "agentos-confirmation-continue.sse", continued.text)


if __name__ == "__main__":
    main({"agentos": record})
