from string import Template

VIEWER_PAGE = Template(
    """<!doctype html>
<html><head><title>$title</title>
<script src="https://cdn.jsdelivr.net/npm/livekit-client/dist/livekit-client.umd.min.js"></script></head>
<body><video id="avatar" autoplay playsinline></video>
<script>
  const room = new LivekitClient.Room();
  room.connect("$url", "$token");
</script></body></html>
"""
)


def render_viewer(title, room):
    return VIEWER_PAGE.substitute(title=title, url=room.url, token=room.access_token)
