"""All stand-ins in one object, served from threads of the test process.

- a TLS HTTP server on 127.0.0.1 for ``api.heygen.com`` and ``api.liveavatar.com`` (chosen by
  the Host header; the certificate, from a ``trustme`` test CA, names both hosts);
- a plain HTTP server on 127.0.0.1 where the viewer and the recording ``livekit`` package
  report joins, publishes and leaves (rooms.py);
- the WebSocket server (realtime.py).

One :class:`StandIns` serves a whole test session; :meth:`StandIns.begin` resets every piece of
state for the next phase, so cases are isolated without restarting servers.
"""

from __future__ import annotations

import base64
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Callable

import trustme

from .forkserver import ForkServer
from .heygen import HeyGenStandIn
from .liveavatar import LiveAvatarStandIn
from .realtime import RealtimeServer
from .recording import Recording
from .rooms import JoinError, Rooms
from .web import Request, Response

HOSTS = ("api.heygen.com", "api.liveavatar.com")


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if "chunked" in (handler.headers.get("Transfer-Encoding") or "").lower():
        chunks: list[bytes] = []
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                handler.rfile.readline()
                return b"".join(chunks)
            chunks.append(handler.rfile.read(size))
            handler.rfile.readline()
    length = int(handler.headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


def _handler_class(
    dispatch: Callable[[Request], Response], on_error: Callable[[str], None]
) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.1 keeps connections alive, as requests/aiohttp/httpx sessions expect.
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            raw = _read_body(self)
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()
            request = Request.build(self.command, host, self.path, self.headers, raw)
            try:
                response = dispatch(request)
            except Exception as error:  # a stand-in bug must fail the test visibly
                response = Response(500, {"detail": f"stand-in error: {error!r}"})
                on_error(f"stand-in error on {request.host} {request.describe()}: {error!r}")
            data = response.encode()
            self.send_response(response.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in response.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _answer

        def log_message(self, format: str, *args: Any) -> None:
            return None

    return Handler


class _TLSServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler], context: ssl.SSLContext) -> None:
        self.context = context
        super().__init__(("127.0.0.1", 0), handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        # The handshake runs in the request's own thread, not in the accept loop.
        try:
            request = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            return
        super().finish_request(request, client_address)


class _PlainServer(ThreadingHTTPServer):
    daemon_threads = True


class StandIns:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.recording = Recording()
        self.rooms = Rooms(self.recording)
        self.heygen = HeyGenStandIn(self.recording, self.rooms, lambda: self.realtime.base)
        self.liveavatar = LiveAvatarStandIn(self.recording, self.rooms, lambda: self.realtime.base)
        self.realtime = RealtimeServer(self.heygen, self.liveavatar)
        self.lock = threading.Lock()
        self._fork_servers: dict[str, ForkServer] = {}

        ca = trustme.CA()
        self.ca_file = workdir / "e2e-ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(*HOSTS).configure_cert(context)
        self.tls = _TLSServer(_handler_class(self._dispatch_api, self._problem), context)
        self.recorder = _PlainServer(
            ("127.0.0.1", 0), _handler_class(self._dispatch_recorder, self._problem)
        )
        self._threads = [
            threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True)
            for server in (self.tls, self.recorder)
        ]

    # Lifecycle ---------------------------------------------------------------------------------
    def start(self) -> StandIns:
        self.realtime.start()
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        for server in (self.tls, self.recorder):
            server.shutdown()
            server.server_close()
        self.realtime.stop()
        for fork_server in self._fork_servers.values():
            fork_server.close()

    def fork_server(self, name: str, preload: list[str], env: dict[str, str]) -> ForkServer:
        """The fork server ``name`` of this set of stand-ins (started on first use): the
        drivers' server points the API hosts at these stand-ins, so it is theirs."""
        with self.lock:
            server = self._fork_servers.get(name)
            if server is None:
                log = self.workdir / f"fork-server-{name}.log"
                server = self._fork_servers[name] = ForkServer(preload, env, log)
        return server

    def begin(self, phase: str) -> Recording:
        """Forget everything and record a new phase: ``"heygen"`` or ``"liveavatar"``."""
        recording = Recording(phase=phase)
        with self.lock:
            self.recording = recording
            self.rooms.reset(recording)
            self.heygen.reset(recording)
            self.liveavatar.reset(recording)
            self.realtime.recording = recording
        return recording

    @property
    def tls_port(self) -> int:
        return int(self.tls.server_address[1])

    @property
    def recorder_url(self) -> str:
        return f"http://127.0.0.1:{self.recorder.server_address[1]}"

    def environment(self) -> dict[str, str]:
        """What the sitecustomize, e2e_support and the livekit package of a driver need."""
        return {
            "E2E_TLS_PORT": str(self.tls_port),
            "E2E_CA_FILE": str(self.ca_file),
            "E2E_RECORDER_URL": self.recorder_url,
            "SSL_CERT_FILE": str(self.ca_file),
            "REQUESTS_CA_BUNDLE": str(self.ca_file),
            "CURL_CA_BUNDLE": str(self.ca_file),
        }

    def _problem(self, message: str) -> None:
        self.recording.problem(message)

    # Dispatch ------------------------------------------------------------------------------------
    def _dispatch_api(self, request: Request) -> Response:
        self.realtime.settle(5.0)
        recording = self.recording
        if request.host == "api.heygen.com":
            response = self.heygen.handle(request)
        elif request.host == "api.liveavatar.com":
            response = self.liveavatar.handle(request)
        else:
            recording.problem(f"HTTPS request for unknown host {request.host!r}")
            response = Response(421, {"detail": "unknown host"})
        recording.log(f"{request.host} {request.method} {request.path} -> {response.status}")
        return response

    def _dispatch_recorder(self, request: Request) -> Response:
        self.realtime.settle(5.0)  # as for the REST stand-ins: a closed WebSocket's messages first
        try:
            body = request.json() or {}
        except ValueError:
            return Response(400, {"error": "not JSON"})
        try:
            if request.path == "/livekit/connect":
                participant = self.rooms.connect(body.get("url"), body.get("token"), body["role"])
                return Response(
                    200,
                    {
                        "participant_id": participant.pid,
                        "identity": participant.identity,
                        "room": participant.room.name,
                    },
                )
            if request.path == "/livekit/publish":
                self.rooms.publish(
                    body["participant_id"],
                    base64.b64decode(body["payload"]),
                    reliable=bool(body.get("reliable")),
                    topic=str(body.get("topic", "")),
                    destinations=list(body.get("destination_identities") or []),
                )
                return Response(200, {"ok": True})
            if request.path == "/livekit/disconnect":
                self.rooms.disconnect(body["participant_id"])
                return Response(200, {"ok": True})
            if request.path == "/problem":
                # The livekit package reports misuse it can see only on the client side.
                self.recording.problem(str(body.get("message")))
                return Response(200, {"ok": True})
        except JoinError as error:
            return Response(409, {"error": str(error)})
        return Response(404, {"error": f"no recorder endpoint {request.path}"})
