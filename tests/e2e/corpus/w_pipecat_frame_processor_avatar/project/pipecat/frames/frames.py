"""Offline stand-in for the handful of pipecat frame classes this bot uses."""
from dataclasses import dataclass, field
from typing import Any, Dict


@dataclass
class Frame:
    pass


@dataclass
class SystemFrame(Frame):
    pass


@dataclass
class StartFrame(SystemFrame):
    audio_out_sample_rate: int = 24000


@dataclass
class EndFrame(Frame):
    pass


@dataclass
class CancelFrame(SystemFrame):
    pass


@dataclass
class TextFrame(Frame):
    text: str = ""


@dataclass
class TTSSpeakFrame(Frame):
    text: str = ""


@dataclass
class UserStartedSpeakingFrame(SystemFrame):
    pass


@dataclass
class StartInterruptionFrame(SystemFrame):
    pass


@dataclass
class OutputTransportMessageFrame(Frame):
    message: Dict[str, Any] = field(default_factory=dict)
