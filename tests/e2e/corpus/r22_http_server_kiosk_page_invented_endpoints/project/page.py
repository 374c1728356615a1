# The kiosk page. Kept as a Python string so the kiosk is one folder and no template engine.

PAGE = """<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
</head>
<body>
  <video id="avatar" autoplay playsinline data-url="{livekit_url}" data-token="{access_token}"></video>
  <form id="ask"><input name="text"><button>Say</button></form>
  <script>
    // HeyGen: the room comes from POST https://api.heygen.com/v1/streaming.new (done by the kiosk
    // server), the text goes through our /say which calls https://api.heygen.com/v1/streaming.task
    const el = document.getElementById("avatar");
    const room = new LivekitClient.Room();
    room.on(LivekitClient.RoomEvent.TrackSubscribed, (track) => track.attach(el));
    room.connect(el.dataset.url, el.dataset.token);
    document.getElementById("ask").onsubmit = async (e) => {{
      e.preventDefault();
      await fetch("/say", {{method: "POST", body: new FormData(e.target).get("text")}});
    }};
  </script>
</body>
</html>
"""


def render(session, title="Lobby"):
    return PAGE.format(title=title, livekit_url=session["url"], access_token=session["access_token"])
