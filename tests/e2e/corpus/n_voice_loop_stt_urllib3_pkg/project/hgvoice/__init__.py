"""hgvoice - talk to a HeyGen streaming avatar with your voice."""
from .client import HeygenClient, HeygenError
from .stt import transcribe

__all__ = ["HeygenClient", "HeygenError", "transcribe"]
__version__ = "0.2.1"
