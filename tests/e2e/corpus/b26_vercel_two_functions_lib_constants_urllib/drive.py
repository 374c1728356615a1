"""The page calls both serverless functions over HTTP, as Vercel would route them."""

import json
import threading
import urllib.request
from http.server import ThreadingHTTPServer

from api.session import handler as session_handler
from api.speak import handler as speak_handler
from e2e_support import viewer

servers = []


def serve(handler):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    servers.append(server)
    return f"http://127.0.0.1:{server.server_address[1]}"


session_base = serve(session_handler)
speak_base = serve(speak_handler)


def post(url, payload):
    req = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


try:
    room = post(f"{session_base}/api/session?action=start", {"quality": "low"})
    viewer.join(room["serverUrl"], room["participantToken"])
    post(f"{speak_base}/api/speak", {"sessionId": room["sessionId"], "text": "Hello there!"})
    post(
        f"{speak_base}/api/speak",
        {"sessionId": room["sessionId"], "interrupt": True, "text": "Sorry, one more thing."},
    )
    post(f"{session_base}/api/session?action=stop", {"sessionId": room["sessionId"]})
finally:
    for server in servers:
        server.shutdown()
