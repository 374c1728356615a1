from .client import StreamingClient
from .config import Settings
from .show import Presenter

__all__ = ["Presenter", "Settings", "StreamingClient"]
