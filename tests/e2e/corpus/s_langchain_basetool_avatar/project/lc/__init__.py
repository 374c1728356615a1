"""A tiny offline stand-in for `langchain_core.tools` (BaseTool) and a scripted agent executor."""
import json
from typing import Any, Optional, Type

from pydantic import BaseModel, ConfigDict


class BaseTool(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    name: str
    description: str
    args_schema: Optional[Type[BaseModel]] = None
    return_direct: bool = False

    def _run(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    def run(self, tool_input: Any) -> Any:
        if isinstance(tool_input, str):
            tool_input = json.loads(tool_input) if tool_input.startswith("{") else {"text": tool_input}
        if self.args_schema is not None:
            tool_input = self.args_schema(**tool_input).model_dump()
        return self._run(**tool_input)

    def invoke(self, tool_input: Any) -> Any:
        return self.run(tool_input)


class ScriptedAgentExecutor:
    """Plays back (tool name, tool input) steps the way an LLM agent would choose them."""

    def __init__(self, tools, steps):
        self.tools = {tool.name: tool for tool in tools}
        self.steps = steps
        self.observations = []

    def invoke(self, inputs):
        for tool_name, tool_input in self.steps:
            observation = self.tools[tool_name].invoke(tool_input)
            self.observations.append((tool_name, observation))
        return {"input": inputs["input"], "output": self.observations[-1][1]}
