"""Records langchain_adk Runner events with orxhestra 0.0.2: python runner_events.py <output folder>.

langchain-adk is not on PyPI; orxhestra 0.0.2 is the same code under its new name (the first
release after the rename), so its `Event` is the langchain_adk 0.3.14 model. Each scenario runs a
real `Runner` with an in-memory session over a scripted LangChain chat model and writes
`event.model_dump(mode="json")` of every event, ids and times normalized (see normalize.py).
"""

import asyncio
import json
import os
import sys
from typing import Any, Dict, Iterator, List, Optional

sys.path.insert(0, os.path.dirname(__file__))

from langchain_core.callbacks import CallbackManagerForLLMRun  # noqa: E402
from langchain_core.language_models import BaseChatModel  # noqa: E402
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage  # noqa: E402
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult  # noqa: E402
from langchain_core.tools import tool  # noqa: E402
from recording import main, write_lines  # noqa: E402
from orxhestra.agents.llm_agent import LlmAgent  # noqa: E402
from orxhestra.runner import Runner  # noqa: E402
from orxhestra.sessions.in_memory_session_service import InMemorySessionService  # noqa: E402
from orxhestra.tools.agent_tool import AgentTool  # noqa: E402


class ScriptedChatModel(BaseChatModel):
    """A chat model whose every call streams the next turn of `turns` as chunks."""

    turns: List[List[Dict[str, Any]]]
    played: int = 0

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def bind_tools(self, tools: Any, **kwargs: Any) -> "ScriptedChatModel":
        return self

    def _chunks(self) -> Iterator[AIMessageChunk]:
        turn = self.turns[self.played]
        self.played += 1
        for step in turn:
            if "error" in step:
                raise RuntimeError(step["error"])
            if "text" in step:
                yield AIMessageChunk(content=step["text"], id=f"scripted-{self.played}")
            if "tool_call" in step:
                call_id, name, arguments = step["tool_call"]
                yield AIMessageChunk(
                    content="",
                    id=f"scripted-{self.played}",
                    tool_call_chunks=[{"name": name, "args": json.dumps(arguments), "id": call_id, "index": step.get("index", 0)}],
                )
            if "usage" in step:
                input_tokens, output_tokens = step["usage"]
                yield AIMessageChunk(
                    content="",
                    id=f"scripted-{self.played}",
                    usage_metadata={"input_tokens": input_tokens, "output_tokens": output_tokens, "total_tokens": input_tokens + output_tokens},
                )

    def _stream(self, messages: List[BaseMessage], stop: Optional[List[str]] = None, run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        for chunk in self._chunks():
            yield ChatGenerationChunk(message=chunk)

    def _generate(self, messages: List[BaseMessage], stop: Optional[List[str]] = None, run_manager: Optional[CallbackManagerForLLMRun] = None, **kwargs: Any) -> ChatResult:
        whole: Optional[AIMessageChunk] = None
        for chunk in self._chunks():
            whole = chunk if whole is None else whole + chunk
        message = AIMessage(content=whole.content if whole else "", tool_calls=whole.tool_calls if whole else [], usage_metadata=whole.usage_metadata if whole else None)
        return ChatResult(generations=[ChatGeneration(message=message)])


@tool
def get_weather(city: str) -> str:
    """Get the current weather of a city."""
    return f"Sunny, 21 degrees in {city}"


@tool
def get_stock_price(symbol: str) -> str:
    """Get the price of a stock."""
    raise RuntimeError(f"The quote service is down for {symbol}")


def weather_agent(turns: List[List[Dict[str, Any]]], name: str = "WeatherAgent") -> LlmAgent:
    return LlmAgent(name=name, llm=ScriptedChatModel(turns=turns), tools=[get_weather, get_stock_price])


async def run(agent: Any, message: str) -> List[Dict[str, Any]]:
    runner = Runner(agent=agent, app_name="interop", session_service=InMemorySessionService())
    return [event.model_dump(mode="json") async for event in runner.astream(user_id="user-1", session_id="session-1", new_message=message)]


def agent_tools() -> List[Dict[str, Any]]:
    turns = [
        [
            {"text": "Let me look both up."},
            {"tool_call": ("call_weather", "get_weather", {"city": "Paris"}), "index": 0},
            {"tool_call": ("call_stock", "get_stock_price", {"symbol": "ACME"}), "index": 1},
            {"usage": (42, 17)},
        ],
        [{"text": "Paris is sunny at 21 degrees. "}, {"text": "The quote service is down."}, {"usage": (80, 12)}],
    ]
    return asyncio.run(run(weather_agent(turns), "Weather in Paris and the ACME quote?"))


def provider_error() -> List[Dict[str, Any]]:
    return asyncio.run(run(weather_agent([[{"text": "Checking"}, {"error": "The scripted provider is overloaded"}]]), "Weather in Paris?"))


def sub_agent() -> List[Dict[str, Any]]:
    """A planner that calls a weather agent through AgentTool: the child's events are on its branch."""
    child = LlmAgent(
        name="WeatherAgent",
        llm=ScriptedChatModel(turns=[[{"tool_call": ("call_member_weather", "get_weather", {"city": "Oslo"})}, {"usage": (20, 5)}], [{"text": "Oslo: sunny, 21 degrees."}, {"usage": (30, 7)}]]),
        tools=[get_weather],
    )
    planner = LlmAgent(
        name="TripPlanner",
        llm=ScriptedChatModel(
            turns=[
                [{"tool_call": ("call_delegate", "WeatherAgent", {"request": "Weather in Oslo?"})}, {"usage": (60, 14)}],
                [{"text": "Oslo is sunny at 21 degrees."}, {"usage": (90, 11)}],
            ]
        ),
        tools=[AgentTool(child)],
    )
    return asyncio.run(run(planner, "How is the weather in Oslo?"))


SCENARIOS = {
    "agent-tools": lambda folder: write_lines(folder, "agent-tools.jsonl", agent_tools()),
    "provider-error": lambda folder: write_lines(folder, "provider-error.jsonl", provider_error()),
    "sub-agent": lambda folder: write_lines(folder, "sub-agent.jsonl", sub_agent()),
}

if __name__ == "__main__":
    main(SCENARIOS)
