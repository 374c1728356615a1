from .client import KioskAvatar
from .scripts import greet_visitor

__all__ = ["KioskAvatar", "greet_visitor"]
__version__ = "1.4.2"
