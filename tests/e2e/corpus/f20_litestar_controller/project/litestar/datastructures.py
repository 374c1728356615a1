from . import State

__all__ = ["State"]
