"""Two worker processes serve the same app (as gunicorn -w 2 would); requests land on different ones."""

import json
import multiprocessing as mp
import urllib.request

import e2e_support


def serve(port_queue):
    from app import app
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    port_queue.put(server.server_port)
    server.serve_forever()


def call(port, path, body=None):
    data = json.dumps(body or {}).encode()
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}",
        data=data,
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def main():
    ctx = mp.get_context("spawn")
    workers, ports = [], []
    for _ in range(2):
        q = ctx.Queue()
        p = ctx.Process(target=serve, args=(q,), daemon=True)
        p.start()
        workers.append(p)
        ports.append(q.get(timeout=60))
    try:
        first, second = ports
        session = call(first, "/api/sessions")
        sid = session["session_id"]
        e2e_support.viewer.join(session["url"], session["access_token"])

        out = call(second, f"/api/sessions/{sid}/say", {"text": "Your table is ready."})
        assert out["ok"], out
        out = call(first, f"/api/sessions/{sid}/say", {"text": "Please follow the host."})
        assert out["ok"], out
        assert call(second, f"/api/sessions/{sid}/interrupt")["ok"]
        assert call(second, f"/api/sessions/{sid}/close")["ok"]
    finally:
        for p in workers:
            p.terminate()
            p.join(10)


if __name__ == "__main__":
    main()
