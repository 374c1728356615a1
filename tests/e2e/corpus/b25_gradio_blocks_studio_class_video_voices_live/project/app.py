import html
import os

import gradio as gr

from heygen_studio import HeyGenStudio

studio = HeyGenStudio(os.environ["HEYGEN_API_KEY"])
AVATAR = os.environ.get("STUDIO_AVATAR", "Anna_public_3_20240108")
VIDEO_AVATAR = "Anna_public_3_20240108"  # the video API keeps HeyGen's avatars

PLAYER = """<iframe style="width:100%;height:420px" srcdoc="{}"></iframe>"""
PLAYER_DOC = """<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<video id="v" autoplay></video>
<script>const room = new LivekitClient.Room(); room.connect({url!r}, {token!r});</script>"""


def load_voices():
    voices = studio.voices()
    return gr.Dropdown(choices=voices, value=voices[0][1] if voices else None, label="voice")


def render_video(voice_id, script):
    video_id = studio.render(VIDEO_AVATAR, voice_id, script)
    status = studio.video_status(video_id)
    return f"video {video_id}: {status['status']}"


def start_live(live):
    if live:
        return live, "already live", gr.HTML()
    data = studio.go_live(AVATAR)
    player = PLAYER.format(html.escape(PLAYER_DOC.format(url=data["url"], token=data["access_token"])))
    return {"session_id": data["session_id"]}, f"live: {data['session_id']}", player


def say(live, text):
    if not live:
        return "start the avatar first"
    studio.say(live["session_id"], text)
    return "sent"


def stop_live(live):
    if live:
        studio.end_live(live["session_id"])
    return None, "stopped"


with gr.Blocks(title="Avatar studio") as demo:
    live = gr.State(None)
    with gr.Row():
        voice = gr.Dropdown(label="voice")
        refresh = gr.Button("Load voices")
    script = gr.Textbox(label="script")
    render_btn = gr.Button("Render video")
    status = gr.Markdown(label="status")
    player = gr.HTML(label="player")
    line = gr.Textbox(label="line")
    with gr.Row():
        start_btn = gr.Button("Go live")
        say_btn = gr.Button("Say")
        stop_btn = gr.Button("Stop")

    refresh.click(load_voices, outputs=[voice], api_name="voices")
    render_btn.click(render_video, inputs=[voice, script], outputs=[status], api_name="render")
    start_btn.click(start_live, inputs=[live], outputs=[live, status, player], api_name="start")
    say_btn.click(say, inputs=[live, line], outputs=[status], api_name="say")
    stop_btn.click(stop_live, inputs=[live], outputs=[live, status], api_name="stop")

if __name__ == "__main__":
    demo.launch()
