from studio import HeyGenStudio


def render_and_present(studio: HeyGenStudio, studio_avatar: str, live_avatar: str, script: str) -> dict:
    voice = studio.voices()[0]["voice_id"]
    video_url = studio.wait(studio.render(studio_avatar, voice, script))
    live = studio.go_live(live_avatar)
    studio.say(live["session_id"], f"Our new clip is out: {video_url}")
    return live
