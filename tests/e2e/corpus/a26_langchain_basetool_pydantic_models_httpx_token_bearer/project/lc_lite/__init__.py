"""The slice of langchain_core.tools our agents use (vendored to keep the image small)."""
from typing import Any, ClassVar

from pydantic import BaseModel


class BaseTool(BaseModel):
    name: ClassVar[str]
    description: ClassVar[str]
    args_schema: ClassVar[type[BaseModel] | None] = None

    model_config = {"arbitrary_types_allowed": True}

    async def ainvoke(self, tool_input: dict[str, Any] | None = None) -> Any:
        args = tool_input or {}
        if self.args_schema is not None:
            args = self.args_schema.model_validate(args).model_dump()
        return await self._arun(**args)

    async def _arun(self, **kwargs: Any) -> Any:  # pragma: no cover
        raise NotImplementedError
