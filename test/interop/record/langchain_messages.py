"""Records Python LangChain's serialized messages: python langchain_messages.py <output folder>.

Writes one message per line, as langchain-core itself serializes it:
- messages-to-dict.jsonl: `messages_to_dict` of a conversation with a tool call, a failed tool, usage
  and reasoning, then the streamed chunks of an answer;
- dumpd.jsonl: `dumpd` of the same messages (the constructor form `load` reads).
Every id is given here, so the output has no clock or uuid in it and normalizing changes nothing.
"""

import os
import sys
from typing import Any, List

sys.path.insert(0, os.path.dirname(__file__))

from langchain_core.load import dumpd  # noqa: E402
from langchain_core.messages import (  # noqa: E402
    AIMessage,
    AIMessageChunk,
    ChatMessage,
    ChatMessageChunk,
    FunctionMessage,
    FunctionMessageChunk,
    HumanMessage,
    HumanMessageChunk,
    SystemMessage,
    SystemMessageChunk,
    ToolMessage,
    ToolMessageChunk,
    messages_to_dict,
)
from recording import main, write_lines  # noqa: E402


def conversation() -> List[Any]:
    return [
        SystemMessage(content="You answer weather questions.", id="msg-system"),
        HumanMessage(content="Weather in Paris and the ACME quote?", id="msg-human"),
        AIMessage(
            content=[
                {"type": "reasoning", "reasoning": "The user wants the weather and a quote.", "id": "rs_1"},
                {"type": "text", "text": "Let me look both up."},
            ],
            id="msg-ai-1",
            tool_calls=[
                {"name": "get_weather", "args": {"city": "Paris"}, "id": "call_weather", "type": "tool_call"},
                {"name": "get_stock_price", "args": {"symbol": "ACME"}, "id": "call_stock", "type": "tool_call"},
            ],
            usage_metadata={"input_tokens": 42, "output_tokens": 17, "total_tokens": 59},
            response_metadata={"finish_reason": "tool_calls", "model_name": "scripted-model"},
        ),
        ToolMessage(content="Sunny, 21 degrees in Paris", tool_call_id="call_weather", name="get_weather", id="msg-tool-1"),
        ToolMessage(
            content="Error: RuntimeError('The quote service is down for ACME')",
            tool_call_id="call_stock",
            name="get_stock_price",
            status="error",
            id="msg-tool-2",
        ),
        AIMessage(
            content="Paris is sunny at 21 degrees. The quote service is down.",
            id="msg-ai-2",
            usage_metadata={"input_tokens": 80, "output_tokens": 12, "total_tokens": 92},
            response_metadata={"finish_reason": "stop", "model_name": "scripted-model"},
        ),
    ]


def chunks() -> List[Any]:
    return [
        AIMessageChunk(content="Oslo is ", id="msg-ai-3"),
        AIMessageChunk(
            content="",
            id="msg-ai-3",
            tool_call_chunks=[{"name": "get_weather", "args": '{"city": ', "id": "call_oslo", "index": 0, "type": "tool_call_chunk"}],
        ),
        AIMessageChunk(content="", id="msg-ai-3", tool_call_chunks=[{"name": None, "args": '"Oslo"}', "id": None, "index": 0, "type": "tool_call_chunk"}]),
        AIMessageChunk(
            content="",
            id="msg-ai-3",
            usage_metadata={"input_tokens": 20, "output_tokens": 5, "total_tokens": 25},
            response_metadata={"finish_reason": "tool_calls"},
            chunk_position="last",
        ),
    ]


def other_classes() -> List[Any]:
    """Every other message class and chunk class, one each."""
    return [
        ChatMessage(content="A note from the moderator.", role="moderator", id="msg-chat"),
        FunctionMessage(content="42", name="legacy_function", id="msg-function"),
        HumanMessageChunk(content="Hello", id="msg-human-chunk"),
        SystemMessageChunk(content="Be brief.", id="msg-system-chunk"),
        ChatMessageChunk(content="Noted.", role="moderator", id="msg-chat-chunk"),
        ToolMessageChunk(content="Sunny", tool_call_id="call_weather", id="msg-tool-chunk"),
        FunctionMessageChunk(content="4", name="legacy_function", id="msg-function-chunk"),
    ]


SCENARIOS = {
    "conversation": lambda folder: (
        write_lines(folder, "messages-to-dict.jsonl", messages_to_dict(conversation())),
        write_lines(folder, "dumpd.jsonl", [dumpd(message) for message in conversation()]),
    ),
    "chunks": lambda folder: (
        write_lines(folder, "chunks.messages-to-dict.jsonl", messages_to_dict(chunks())),
        write_lines(folder, "chunks.dumpd.jsonl", [dumpd(message) for message in chunks()]),
    ),
    "other-classes": lambda folder: (
        write_lines(folder, "other-classes.messages-to-dict.jsonl", messages_to_dict(other_classes())),
        write_lines(folder, "other-classes.dumpd.jsonl", [dumpd(message) for message in other_classes()]),
    ),
}

if __name__ == "__main__":
    main(SCENARIOS)
