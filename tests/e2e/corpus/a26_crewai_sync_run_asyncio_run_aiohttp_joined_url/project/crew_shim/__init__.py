"""What our agents need of crewai.tools.BaseTool (pinned copy)."""
from typing import Any


class BaseTool:
    name: str = ""
    description: str = ""

    def run(self, *args: Any, **kwargs: Any) -> Any:
        return self._run(*args, **kwargs)

    def _run(self, *args: Any, **kwargs: Any) -> Any:
        raise NotImplementedError
