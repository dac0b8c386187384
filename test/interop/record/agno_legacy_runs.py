"""Records agno 1.8.4 runs with a scripted model: python agno_legacy_runs.py <output folder>.

agno 1.x's `Model` reads provider chunks through `parse_provider_response_delta`, so the scripted
model yields its steps as chunks and parses them into `ModelResponse`s. Each scenario writes
`event.to_dict()` of every streamed event (JSONL) and `RunResponse.to_dict()` /
`TeamRunResponse.to_dict()` of a whole run (JSON), ids and times normalized (see normalize.py).
agno 1.8.4 has no user-feedback pause and no way to cancel a run, so those scenarios are absent.
"""

import json
import os
import sys
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List

sys.path.insert(0, os.path.dirname(__file__))

from agno.agent import Agent  # noqa: E402
from agno.exceptions import ModelProviderError  # noqa: E402
from agno.models.base import Model  # noqa: E402
from agno.models.response import ModelResponse  # noqa: E402
from agno.run.response import RunResponse  # noqa: E402
from agno.run.team import TeamRunResponse  # noqa: E402
from agno.team import Team  # noqa: E402
from recording import main, write_json, write_lines  # noqa: E402
from scripted_tools import delete_file, get_stock_price, get_weather, run_shell, send_email  # noqa: E402


def call(call_id: str, name: str, arguments: Dict[str, Any]) -> Dict[str, Any]:
    return {"tool_call": {"id": call_id, "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}}


@dataclass
class ScriptedModel(Model):
    """A model whose every call plays the next turn of `turns` (a turn is a list of steps)."""

    id: str = "scripted-model"
    name: str = "Scripted"
    provider: str = "Scripted"
    turns: List[List[Dict[str, Any]]] = field(default_factory=list)
    played: int = 0

    def _next_turn(self) -> List[Dict[str, Any]]:
        turn = self.turns[self.played]
        self.played += 1
        return turn

    def invoke(self, *args: Any, **kwargs: Any) -> List[Dict[str, Any]]:
        return self._next_turn()

    async def ainvoke(self, *args: Any, **kwargs: Any) -> List[Dict[str, Any]]:
        return self._next_turn()

    def invoke_stream(self, *args: Any, **kwargs: Any) -> Iterator[Dict[str, Any]]:
        yield from self._next_turn()

    async def ainvoke_stream(self, *args: Any, **kwargs: Any):  # type: ignore[override]
        for step in self._next_turn():
            yield step

    def parse_provider_response_delta(self, step: Dict[str, Any]) -> ModelResponse:
        if "error" in step:
            raise ModelProviderError(step["error"], status_code=503, model_name=self.name, model_id=self.id)
        response = ModelResponse(role="assistant")
        response.content = step.get("text")
        response.reasoning_content = step.get("reasoning")
        if "tool_call" in step:
            response.tool_calls = [step["tool_call"]]
        if "usage" in step:
            input_tokens, output_tokens = step["usage"]
            response.response_usage = {"input_tokens": input_tokens, "output_tokens": output_tokens, "total_tokens": input_tokens + output_tokens}
        return response

    def parse_provider_response(self, turn: List[Dict[str, Any]], **kwargs: Any) -> ModelResponse:
        whole = ModelResponse(role="assistant")
        for step in turn:
            delta = self.parse_provider_response_delta(step)
            if delta.content is not None:
                whole.content = (whole.content or "") + delta.content
            if delta.reasoning_content is not None:
                whole.reasoning_content = (whole.reasoning_content or "") + delta.reasoning_content
            whole.tool_calls.extend(delta.tool_calls)
            if delta.response_usage is not None:
                whole.response_usage = delta.response_usage
        return whole


STREAM = {"stream": True, "stream_intermediate_steps": True}


def events(stream: Iterable[Any]) -> List[Dict[str, Any]]:
    return [event.to_dict() for event in stream]


def weather_turns() -> List[List[Dict[str, Any]]]:
    return [
        [
            {"reasoning": "The user wants the weather and a quote."},
            {"text": "Let me look both up."},
            call("call_weather", "get_weather", {"city": "Paris"}),
            call("call_stock", "get_stock_price", {"symbol": "ACME"}),
            {"usage": (42, 17)},
        ],
        [{"text": "Paris is sunny at 21 degrees. "}, {"text": "The quote service is down."}, {"usage": (80, 12)}],
    ]


def weather_agent(turns: List[List[Dict[str, Any]]]) -> Agent:
    return Agent(agent_id="weather-agent", name="Weather Agent", model=ScriptedModel(turns=turns), tools=[get_weather, get_stock_price], telemetry=False)


def agent_tools(folder: str) -> None:
    write_lines(folder, "agent-tools.jsonl", events(weather_agent(weather_turns()).run("Weather in Paris and the ACME quote?", **STREAM)))
    stored = weather_agent(weather_turns()).run("Weather in Paris and the ACME quote?", stream=False)
    write_json(folder, "agent-tools.run-response.json", stored.to_dict())


def research_team() -> Team:
    member = Agent(
        agent_id="researcher",
        name="Researcher",
        role="Looks up the weather",
        model=ScriptedModel(turns=[[call("call_member_weather", "get_weather", {"city": "Oslo"}), {"usage": (20, 5)}], [{"text": "Oslo: sunny, 21 degrees."}, {"usage": (30, 7)}]]),
        tools=[get_weather],
        telemetry=False,
    )
    leader = ScriptedModel(
        turns=[
            [
                {"text": "Asking the researcher."},
                call("call_delegate", "transfer_task_to_member", {"member_id": "researcher", "task_description": "Weather in Oslo?", "expected_output": "The weather"}),
                {"usage": (60, 14)},
            ],
            [{"text": "The researcher says Oslo is sunny at 21 degrees."}, {"usage": (90, 11)}],
        ]
    )
    return Team(team_id="research-team", name="Research Team", mode="coordinate", model=leader, members=[member], telemetry=False)


def team(folder: str) -> None:
    write_lines(folder, "team.jsonl", events(research_team().run("How is the weather in Oslo?", **STREAM)))
    stored = research_team().run("How is the weather in Oslo?", stream=False)
    write_json(folder, "team.run-response.json", stored.to_dict())


def provider_failure(folder: str) -> None:
    agent = weather_agent([[{"text": "Checking"}, {"error": "The scripted provider is overloaded"}]])
    records: List[Dict[str, Any]] = []
    try:
        for event in agent.run("Weather in Paris?", **STREAM):
            records.append(event.to_dict())
    except ModelProviderError:
        # agno 1.8.4 raises the provider's error out of the stream after its last event.
        pass
    write_lines(folder, "provider-error.jsonl", records)


HITL_TOOLS = {"confirmation": delete_file, "user-input": send_email, "external-execution": run_shell}
HITL_CALLS = {
    "confirmation": call("call_delete", "delete_file", {"path": "/tmp/report.txt"}),
    "user-input": call("call_email", "send_email", {"subject": "Weekly report"}),
    "external-execution": call("call_shell", "run_shell", {"command": "ls /tmp"}),
}


def hitl(folder: str, kind: str) -> None:
    """A paused run, the answer set on its tools as agno 1.x documents, and the continue stream."""
    model = ScriptedModel(turns=[[{"text": "I need your say first."}, HITL_CALLS[kind], {"usage": (30, 9)}], [{"text": "Done as you said."}, {"usage": (50, 6)}]])
    agent = Agent(agent_id=f"{kind}-agent", name=f"{kind.capitalize()} Agent", model=model, tools=[HITL_TOOLS[kind]], telemetry=False)
    records = events(agent.run("Do the task", **STREAM))
    paused = agent.run_response
    write_json(folder, f"hitl-{kind}.paused-run-response.json", paused.to_dict())
    for execution in paused.tools or []:
        if kind == "confirmation":
            execution.confirmed = True
        elif kind == "user-input":
            for input_field in execution.user_input_schema or []:
                if input_field.name == "recipient":
                    input_field.value = "ada@example.com"
        else:
            execution.result = "report.txt\nnotes.txt"
    records += events(agent.continue_run(run_response=paused, **STREAM))
    write_lines(folder, f"hitl-{kind}.jsonl", records)


SCENARIOS: Dict[str, Callable[[str], None]] = {
    "agent-tools": agent_tools,
    "team": team,
    "provider-error": provider_failure,
    "hitl-confirmation": lambda folder: hitl(folder, "confirmation"),
    "hitl-user-input": lambda folder: hitl(folder, "user-input"),
    "hitl-external-execution": lambda folder: hitl(folder, "external-execution"),
}

if __name__ == "__main__":
    main(SCENARIOS)
