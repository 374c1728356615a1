"""Stream pre-recorded announcements (24 kHz mono PCM16 WAV) to the avatar."""
import asyncio
import base64
import json
import wave

import websockets

SEGMENT_SECONDS = 2


def segments(path):
    with wave.open(path, "rb") as wav:
        if wav.getframerate() != 24000 or wav.getnchannels() != 1 or wav.getsampwidth() != 2:
            raise ValueError(f"{path}: need 24 kHz mono 16-bit")
        frames = wav.getframerate() * SEGMENT_SECONDS
        while True:
            chunk = wav.readframes(frames)
            if not chunk:
                break
            yield chunk


async def _play(endpoint, paths):
    async with websockets.connect(endpoint) as ws:
        await ws.send(json.dumps({"type": "agent.audio_buffer_clear"}))
        for path in paths:
            for chunk in segments(path):
                await ws.send(
                    json.dumps({"type": "agent.audio_buffer_append", "audio": base64.b64encode(chunk).decode()})
                )
            await ws.send(json.dumps({"type": "agent.audio_buffer_commit", "audio": ""}))
            await asyncio.sleep(0.05)


def play(endpoint, paths):
    asyncio.run(_play(endpoint, paths))
