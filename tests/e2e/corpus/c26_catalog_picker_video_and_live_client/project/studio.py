import sys

from heygen_client import HeyGenClient
from picker import go_live, menu, off_air

VIDEO_AVATAR = "Daisy-inskirt-20220818"


def render_intro(client, script):
    voices = client.voices()
    voice_id = voices[0]["voice_id"]
    video_id = client.generate_video(VIDEO_AVATAR, voice_id, script)
    return client.wait_video(video_id)


def main(pick=0):
    client = HeyGenClient()
    status = render_intro(client, "Welcome to our studio.")
    print("intro:", status["status"], status.get("video_url"))
    options = menu(client)
    if not options:
        print("no streaming avatar available")
        return None
    for i, (label, avatar_id, _) in enumerate(options):
        print(f"[{i}] {label} ({avatar_id})")
    stage = go_live(client, options[pick], ["Hello from the studio.", "Questions?"])
    return client, stage


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
