"""Render the recorded update, then open a live avatar to present it."""
import logging

from .heygen_api import HeyGen, HeyGenAPIError

log = logging.getLogger("studio.pipeline")


def pick_voice(api: HeyGen, preferred: str = "Anna") -> str:
    voices = api.voices()
    for voice in voices:
        if voice.get("name") == preferred:
            return voice["voice_id"]
    if not voices:
        raise HeyGenAPIError(404, "account has no voices")
    return voices[0]["voice_id"]


def render_then_announce(api, *, studio_avatar, live_avatar, live_voice, script, join=None):
    job = api.generate_video(studio_avatar, pick_voice(api), script, title="quarterly-update")
    job = api.wait_for_video(job)
    if job.status != "completed":
        raise HeyGenAPIError(500, f"render failed: {job}")
    live = api.open_live(live_avatar, voice_id=live_voice)
    if join is not None:
        join(live.livekit_url, live.viewer_token)
    api.live_say(live, f"The recording is ready: {job.url}")
    return job, live
