"""HTML pages of the demo (kept apart from the API code)."""
from html import escape

VIEWER_PAGE = """<!doctype html>
<title>{title}</title>
<video id="avatar" autoplay playsinline></video>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script>
<script>
  const room = new LivekitClient.Room();
  room.on("trackSubscribed", (t) => t.kind === "video" && t.attach(document.getElementById("avatar")));
  room.connect("{url}", "{token}");
</script>
<form method="post" action="/say/{session_id}"><input name="text"><button>Say</button></form>
"""


def viewer_page(session, title="Avatar"):
    return VIEWER_PAGE.format(
        title=escape(title),
        url=session["url"],
        token=session["access_token"],
        session_id=session["session_id"],
    )
