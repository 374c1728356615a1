"""A visitor's browser: loads the page, joins the room the page names, types two lines, leaves."""

import re
import threading
import urllib.request

import e2e_support
from kiosk import make_server

server = make_server(port=0)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"


def post(path, text=""):
    request = urllib.request.Request(base + path, data=text.encode(), method="POST")
    with urllib.request.urlopen(request, timeout=20) as resp:
        return resp.read().decode()


try:
    with urllib.request.urlopen(base + "/", timeout=20) as resp:
        html = resp.read().decode()
    url = re.search(r'data-url="([^"]+)"', html).group(1)
    token = re.search(r'data-token="([^"]+)"', html).group(1)
    e2e_support.viewer.join(url, token)
    print(post("/say", "Welcome to the lobby."))
    print(post("/say", "The lifts are on your left."))
    print(post("/hush"))
    print(post("/close"))
finally:
    server.shutdown()
