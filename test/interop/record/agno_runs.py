"""Records agno 2.x / 3.x runs with the scripted model: python agno_runs.py <output folder>.

Each scenario writes what agno itself produces: `event.to_dict()` of every streamed event (JSONL, one
event per line) and `RunOutput.to_dict()` / `TeamRunOutput.to_dict()` of stored runs (JSON), ids and
times normalized (see normalize.py).
"""

import os
import sys
import threading
from typing import Any, Callable, Dict, Iterable, List, Optional

sys.path.insert(0, os.path.dirname(__file__))

from agno.run.agent import RunOutput  # noqa: E402
from agno.run.team import TeamRunOutput  # noqa: E402
from recording import main, write_json, write_lines  # noqa: E402
from scripted_agno import ScriptedModel, hitl_agent, provider_error, research_team, text, usage, weather_agent  # noqa: E402

STREAM = {"stream": True, "stream_events": True, "yield_run_output": True}


def events(stream: Iterable[Any], outputs: Optional[List[Any]] = None) -> List[Dict[str, Any]]:
    """The streamed events as dicts; the run output agno yields last goes into `outputs`."""
    records = []
    for event in stream:
        if isinstance(event, (RunOutput, TeamRunOutput)):
            if outputs is not None:
                outputs.append(event)
        else:
            records.append(event.to_dict())
    return records


def agent_tools(folder: str) -> None:
    agent = weather_agent()
    write_lines(folder, "agent-tools.jsonl", events(agent.run("Weather in Paris and the ACME quote?", **STREAM)))
    stored = weather_agent().run("Weather in Paris and the ACME quote?", stream=False)
    write_json(folder, "agent-tools.run-output.json", stored.to_dict())


def team(folder: str) -> None:
    write_lines(folder, "team.jsonl", events(research_team().run("How is the weather in Oslo?", stream_member_events=True, **STREAM)))
    stored = research_team().run("How is the weather in Oslo?", stream=False)
    write_json(folder, "team.run-output.json", stored.to_dict())


def provider_failure(folder: str) -> None:
    agent = weather_agent(turns=[[text("Checking"), provider_error("The scripted provider is overloaded")]])
    write_lines(folder, "provider-error.jsonl", events(agent.run("Weather in Paris?", **STREAM)))


def cancelled(folder: str) -> None:
    """Cancels the run from the tool it is running, as another thread (a Stop button) would."""
    holder: Dict[str, Any] = {}

    def slow_lookup(city: str) -> str:
        """Look up a city slowly.

        Args:
            city: the city's name.
        """
        cancel = threading.Thread(target=holder["agent"].cancel_run, args=(holder["run_id"],))
        cancel.start()
        cancel.join()
        return f"Looked up {city}"

    from agno.agent import Agent

    model = ScriptedModel(turns=[[text("Looking it up."), {"tool_call": {"id": "call_slow", "type": "function", "function": {"name": "slow_lookup", "arguments": "{\"city\": \"Rome\"}"}}}, usage(25, 8)], [text("Never said."), usage(1, 1)]])
    agent = Agent(id="slow-agent", name="Slow Agent", model=model, tools=[slow_lookup], telemetry=False)
    holder["agent"] = agent
    records = []
    for event in agent.run("Look up Rome", **STREAM):
        if isinstance(event, (RunOutput, TeamRunOutput)):
            continue
        if getattr(event, "event", None) == "RunStarted":
            holder["run_id"] = event.run_id
        records.append(event.to_dict())
    write_lines(folder, "cancelled.jsonl", records)


def hitl(folder: str, kind: str) -> None:
    """A paused run, the answer given through agno's requirement API, and the continue stream."""
    agent = hitl_agent(kind)
    outputs: List[Any] = []
    records = events(agent.run("Do the task", **STREAM), outputs)
    paused = outputs[-1]
    write_json(folder, f"hitl-{kind}.paused-run-output.json", paused.to_dict())
    for requirement in paused.active_requirements:
        if kind == "confirmation":
            requirement.confirm()
        elif kind == "user-input":
            requirement.provide_user_input({"recipient": "ada@example.com"})
        elif kind == "user-feedback":
            requirement.provide_user_feedback({"Which format do you want?": ["PDF"]})
        else:
            requirement.set_external_execution_result("report.txt\nnotes.txt")
    records += events(agent.continue_run(run_response=paused, requirements=paused.requirements, **STREAM))
    write_lines(folder, f"hitl-{kind}.jsonl", records)


def hitl_rejected(folder: str) -> None:
    agent = hitl_agent("confirmation")
    outputs: List[Any] = []
    records = events(agent.run("Do the task", **STREAM), outputs)
    paused = outputs[-1]
    for requirement in paused.active_requirements:
        requirement.reject("Not that file")
    records += events(agent.continue_run(run_response=paused, requirements=paused.requirements, **STREAM))
    write_lines(folder, "hitl-confirmation-rejected.jsonl", records)


SCENARIOS: Dict[str, Callable[[str], None]] = {
    "agent-tools": agent_tools,
    "team": team,
    "provider-error": provider_failure,
    "cancelled": cancelled,
    "hitl-confirmation": lambda folder: hitl(folder, "confirmation"),
    "hitl-confirmation-rejected": hitl_rejected,
    "hitl-user-input": lambda folder: hitl(folder, "user-input"),
    "hitl-user-feedback": lambda folder: hitl(folder, "user-feedback"),
    "hitl-external-execution": lambda folder: hitl(folder, "external-execution"),
}

if __name__ == "__main__":
    main(SCENARIOS)
