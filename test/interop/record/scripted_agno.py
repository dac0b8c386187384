"""A scripted agno 2.x / 3.x model, real tools, and the agents and team of the recordings and the AgentOS app.

`ScriptedModel` subclasses agno's own `Model` and answers each call with the next turn of its script, as a
provider's streamed deltas: reasoning, text, tool calls (OpenAI shape, which the base `Model` parses),
usage, or a `ModelProviderError`. Everything else (tool execution, events, pauses, continue, storage) is
agno's own code.
"""

import asyncio
import json
import time
from dataclasses import dataclass, field
from typing import Any, Dict, Iterator, List, Optional

from agno.agent import Agent
from agno.exceptions import ModelProviderError
from agno.metrics import MessageMetrics
from agno.models.base import Model
from agno.models.response import ModelResponse
from agno.team import Team
from agno.tools.user_feedback import UserFeedbackTools
from scripted_tools import delete_file, get_stock_price, get_weather, run_shell, send_email


def text(value: str) -> Dict[str, Any]:
    return {"text": value}


def reasoning(value: str) -> Dict[str, Any]:
    return {"reasoning": value}


def call(call_id: str, name: str, arguments: Dict[str, Any]) -> Dict[str, Any]:
    return {"tool_call": {"id": call_id, "type": "function", "function": {"name": name, "arguments": json.dumps(arguments)}}}


def usage(input_tokens: int, output_tokens: int) -> Dict[str, Any]:
    return {"usage": (input_tokens, output_tokens)}


def provider_error(message: str) -> Dict[str, Any]:
    return {"error": message}


def wait(seconds: float) -> Dict[str, Any]:
    """A pause in the provider's stream, as a slow model makes between deltas."""
    return {"wait": seconds}


@dataclass
class ScriptedModel(Model):
    """A model whose every call plays the next turn of `turns` (a turn is a list of steps)."""

    id: str = "scripted-model"
    name: str = "Scripted"
    provider: str = "Scripted"
    turns: List[List[Dict[str, Any]]] = field(default_factory=list)
    # One script for every run of the model (the AgentOS app runs an agent many times).
    repeat: bool = False
    played: int = 0

    def _next_turn(self) -> List[Dict[str, Any]]:
        if self.played >= len(self.turns):
            if not self.repeat:
                raise AssertionError(f"{self.id}: the script has no turn {self.played + 1}")
            self.played = 0
        turn = self.turns[self.played]
        self.played += 1
        return turn

    def _deltas(self) -> Iterator[ModelResponse]:
        for step in self._next_turn():
            if "wait" in step:
                yield step  # type: ignore[misc]  # the callers below wait, each in its own way
                continue
            if "error" in step:
                raise ModelProviderError(step["error"], status_code=503, model_name=self.name, model_id=self.id)
            response = ModelResponse(role="assistant")
            if "text" in step:
                response.content = step["text"]
            if "reasoning" in step:
                response.reasoning_content = step["reasoning"]
            if "tool_call" in step:
                response.tool_calls = [step["tool_call"]]
            if "usage" in step:
                input_tokens, output_tokens = step["usage"]
                response.response_usage = MessageMetrics(
                    input_tokens=input_tokens, output_tokens=output_tokens, total_tokens=input_tokens + output_tokens
                )
            yield response

    def invoke(self, *args: Any, **kwargs: Any) -> ModelResponse:
        whole = ModelResponse(role="assistant", content="")
        for delta in self._deltas():
            if isinstance(delta, dict):
                continue
            whole.content = (whole.content or "") + (delta.content or "")
            if delta.reasoning_content is not None:
                whole.reasoning_content = (whole.reasoning_content or "") + delta.reasoning_content
            whole.tool_calls.extend(delta.tool_calls)
            if delta.response_usage is not None:
                whole.response_usage = delta.response_usage
        if whole.content == "":
            whole.content = None
        return whole

    async def ainvoke(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return self.invoke(*args, **kwargs)

    def invoke_stream(self, *args: Any, **kwargs: Any) -> Iterator[ModelResponse]:
        for delta in self._deltas():
            if isinstance(delta, dict):
                time.sleep(delta["wait"])
            else:
                yield delta

    async def ainvoke_stream(self, *args: Any, **kwargs: Any):  # type: ignore[override]
        for delta in self._deltas():
            if isinstance(delta, dict):
                # Cancellable: AgentOS cancels the task of a run whose client went away.
                await asyncio.sleep(delta["wait"])
            else:
                yield delta

    def _parse_provider_response(self, response: Any, **kwargs: Any) -> ModelResponse:
        return response

    def _parse_provider_response_delta(self, response: Any) -> ModelResponse:
        return response


def weather_turns() -> List[List[Dict[str, Any]]]:
    """The agent with tools: reasoning, a call of each tool (one raises), then the answer."""
    return [
        [
            reasoning("The user wants the weather and a quote."),
            text("Let me look both up."),
            call("call_weather", "get_weather", {"city": "Paris"}),
            call("call_stock", "get_stock_price", {"symbol": "ACME"}),
            usage(42, 17),
        ],
        [text("Paris is sunny at 21 degrees. "), text("The quote service is down."), usage(80, 12)],
    ]


def weather_agent(turns: Optional[List[List[Dict[str, Any]]]] = None, **options: Any) -> Agent:
    return Agent(
        id="weather-agent",
        name="Weather Agent",
        model=ScriptedModel(turns=turns if turns is not None else weather_turns()),
        tools=[get_weather, get_stock_price],
        telemetry=False,
        **options,
    )


def paced_agent(agent_id: str, name: str, pieces: List[str], pause: float, **options: Any) -> Agent:
    """An agent whose model streams `pieces` with `pause` seconds before each but the first, then ends."""
    steps: List[Dict[str, Any]] = [text(pieces[0])]
    for piece in pieces[1:]:
        steps += [wait(pause), text(piece)]
    return Agent(id=agent_id, name=name, model=ScriptedModel(turns=[steps + [usage(10, len(pieces))]]), telemetry=False, **options)


def slow_agent(**options: Any) -> Agent:
    """An agent whose model streams a dot every quarter second for a minute: a run to stop."""
    return paced_agent("slow-agent", "Slow Agent", ["Working"] + ["."] * 240 + [" done."], 0.25, **options)


def counting_agent(**options: Any) -> Agent:
    """An agent whose model counts to forty, a number every 0.3 s (twelve seconds): a run to reload the page in."""
    return paced_agent("counting-agent", "Counting Agent", ["Counting:"] + [f" {number}" for number in range(1, 41)] + [". Done."], 0.3, **options)


def hitl_turns(kind: str) -> List[List[Dict[str, Any]]]:
    """One paused call of the tool of `kind`, then the answer after it continues."""
    first = {
        "confirmation": call("call_delete", "delete_file", {"path": "/tmp/report.txt"}),
        "user-input": call("call_email", "send_email", {"subject": "Weekly report"}),
        "user-feedback": call(
            "call_ask",
            "ask_user",
            {
                "questions": [
                    {
                        "question": "Which format do you want?",
                        "header": "Format",
                        "options": [{"label": "PDF", "description": "A printable file"}, {"label": "HTML"}],
                        "multi_select": False,
                    }
                ]
            },
        ),
        "external-execution": call("call_shell", "run_shell", {"command": "ls /tmp"}),
    }[kind]
    return [[text("I need your say first."), first, usage(30, 9)], [text("Done as you said."), usage(50, 6)]]


def hitl_agent(kind: str, **options: Any) -> Agent:
    tools: List[Any] = {
        "confirmation": [delete_file],
        "user-input": [send_email],
        "user-feedback": [UserFeedbackTools()],
        "external-execution": [run_shell],
    }[kind]
    return Agent(
        id=f"{kind}-agent",
        name=f"{kind.capitalize()} Agent",
        model=ScriptedModel(turns=hitl_turns(kind)),
        tools=tools,
        telemetry=False,
        **options,
    )


def research_team(**options: Any) -> Team:
    """A team whose leader delegates to one member, which calls a tool, then answers."""
    member = Agent(
        id="researcher",
        name="Researcher",
        role="Looks up the weather",
        model=ScriptedModel(
            turns=[
                [call("call_member_weather", "get_weather", {"city": "Oslo"}), usage(20, 5)],
                [text("Oslo: sunny, 21 degrees."), usage(30, 7)],
            ]
        ),
        tools=[get_weather],
        telemetry=False,
    )
    leader_turns = [
        [
            text("Asking the researcher."),
            call("call_delegate", "delegate_task_to_member", {"member_id": "researcher", "task": "Weather in Oslo?"}),
            usage(60, 14),
        ],
        [text("The researcher says Oslo is sunny at 21 degrees."), usage(90, 11)],
    ]
    return Team(
        id="research-team",
        name="Research Team",
        model=ScriptedModel(turns=leader_turns),
        members=[member],
        telemetry=False,
        **options,
    )
