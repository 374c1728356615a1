from . import Provide

__all__ = ["Provide"]
