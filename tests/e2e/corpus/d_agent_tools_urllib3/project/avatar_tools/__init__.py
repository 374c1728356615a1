from .tools import AvatarToolkit, CloseAvatarTool, OpenAvatarTool, SpeakTool, StopSpeakingTool

__all__ = ["AvatarToolkit", "OpenAvatarTool", "SpeakTool", "StopSpeakingTool", "CloseAvatarTool"]
