import StreamingAvatar, {
  AvatarQuality,
  StreamingEvents,
  TaskType,
} from "@heygen/streaming-avatar";
import { useRef } from "react";

export function useAvatar(token: string) {
  const avatar = useRef<StreamingAvatar | null>(null);

  async function start() {
    avatar.current = new StreamingAvatar({
      token,
      basePath: process.env.NEXT_PUBLIC_BASE_API_URL,
    });
    avatar.current.on(StreamingEvents.STREAM_READY, (event) => attach(event.detail));
    avatar.current.on(StreamingEvents.USER_SILENCE, () => console.log("silence"));
    await avatar.current.createStartAvatar({
      quality: AvatarQuality.Low,
      avatarName: "Wayne_20240711",
    });
    await avatar.current.startVoiceChat({ isInputAudioMuted: false });
  }

  async function say(text: string) {
    // The browser's own speech synthesis is not the SDK:
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    await avatar.current?.speak({ text, taskType: TaskType.REPEAT });
  }

  async function stop() {
    await avatar.current?.stopAvatar(); // heygen2liveavatar: ignore[H2L910]
  }

  return { start, say, stop };
}
