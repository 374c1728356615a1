from __future__ import annotations

import asyncio
import json
from typing import Any, ClassVar, Optional, Type

from pydantic import BaseModel


class ToolException(Exception):
    pass


class BaseTool(BaseModel):
    """`invoke`/`ainvoke` parse the input with `args_schema`, then call `_run`/`_arun`."""

    model_config = {"arbitrary_types_allowed": True}

    name: str
    description: str = ""
    args_schema: ClassVar[Optional[Type[BaseModel]]] = None
    handle_tool_error: bool = True

    def _parse(self, tool_input: Any) -> dict[str, Any]:
        if isinstance(tool_input, str):
            try:
                tool_input = json.loads(tool_input)
            except ValueError:
                tool_input = {"text": tool_input}
        if self.args_schema is not None:
            return self.args_schema.model_validate(tool_input or {}).model_dump()
        return dict(tool_input or {})

    def _run(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError

    async def _arun(self, *args: Any, **kwargs: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(None, lambda: self._run(**kwargs))

    def invoke(self, tool_input: Any = None) -> Any:
        try:
            return self._run(**self._parse(tool_input))
        except ToolException as exc:
            if not self.handle_tool_error:
                raise
            return f"Tool error: {exc}"

    async def ainvoke(self, tool_input: Any = None) -> Any:
        try:
            return await self._arun(**self._parse(tool_input))
        except ToolException as exc:
            if not self.handle_tool_error:
                raise
            return f"Tool error: {exc}"
