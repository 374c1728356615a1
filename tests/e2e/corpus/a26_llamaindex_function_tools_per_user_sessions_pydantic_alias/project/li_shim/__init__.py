"""The part of llama_index.core.tools.FunctionTool our agent uses."""
import inspect


class FunctionTool:
    def __init__(self, fn, async_fn, name, description):
        self.fn, self.async_fn, self.name, self.description = fn, async_fn, name, description

    @classmethod
    def from_defaults(cls, fn=None, async_fn=None, name=None, description=None):
        target = async_fn or fn
        return cls(fn, async_fn, name or target.__name__, description or inspect.getdoc(target) or "")

    async def acall(self, **kwargs):
        if self.async_fn is not None:
            return await self.async_fn(**kwargs)
        return self.fn(**kwargs)
