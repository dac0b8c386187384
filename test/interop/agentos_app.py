"""The scripted agents and team behind agno's own AgentOS routes.

Run as a script, it serves them on a loopback port the system chooses and prints one line,
`AGENTOS_READY http://127.0.0.1:<port>`, when it accepts requests (test/interop/agentos.ts starts and
stops it). The recorder imports `build_app` to record AgentOS SSE bodies through FastAPI's TestClient.
Storage is SQLite in a temporary folder: AgentOS needs a database for background runs, `/resume`
and `/continue`.
"""

import logging
import os
import socket
import sys
import tempfile
from typing import Any, Dict, List

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "record"))

from agno.db.sqlite import SqliteDb  # noqa: E402
from agno.os import AgentOS  # noqa: E402
from scripted_agno import counting_agent, hitl_agent, provider_error, research_team, slow_agent, text, weather_agent  # noqa: E402


def scripted_agents(db: Any) -> Dict[str, Any]:
    """The agents and team of the app; their models replay their script on every run."""
    failing = weather_agent(turns=[[text("Checking"), provider_error("The scripted provider is overloaded")]], db=db)
    failing.id, failing.name = "failing-agent", "Failing Agent"
    agents: List[Any] = [weather_agent(db=db), failing, slow_agent(db=db), counting_agent(db=db)]
    agents += [hitl_agent(kind, db=db) for kind in ("confirmation", "user-input", "user-feedback", "external-execution")]
    for agent in agents:
        agent.model.repeat = True
    team = research_team(db=db)
    for model_holder in [team, *team.members]:
        model_holder.model.repeat = True
    return {"agents": agents, "teams": [team]}


def build_app(folder: str) -> Any:
    db = SqliteDb(db_file=os.path.join(folder, "agentos.db"))
    components = scripted_agents(db)
    agent_os = AgentOS(id="interop-os", db=db, agents=components["agents"], teams=components["teams"], telemetry=False)
    return agent_os.get_app()


def serve() -> None:
    import uvicorn

    logging.disable(logging.CRITICAL)
    folder = tempfile.mkdtemp(prefix="aeb-agentos-")
    app = build_app(folder)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    server = uvicorn.Server(config)

    original_startup = server.startup

    async def startup(sockets: Any = None) -> None:
        await original_startup(sockets=sockets)
        print(f"AGENTOS_READY http://127.0.0.1:{port}", flush=True)

    server.startup = startup  # type: ignore[method-assign]
    server.run(sockets=[listener])


if __name__ == "__main__":
    serve()
