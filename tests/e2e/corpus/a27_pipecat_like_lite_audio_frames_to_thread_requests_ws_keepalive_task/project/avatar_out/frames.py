from dataclasses import dataclass, field


@dataclass
class Frame:
    id: int = field(default=0, init=False)


class StartFrame(Frame):
    pass


class EndFrame(Frame):
    pass


class TTSStartedFrame(Frame):
    pass


class TTSStoppedFrame(Frame):
    pass


class BotInterruptionFrame(Frame):
    pass


@dataclass
class TTSAudioRawFrame(Frame):
    audio: bytes = b""
    sample_rate: int = 24000
    num_channels: int = 1
