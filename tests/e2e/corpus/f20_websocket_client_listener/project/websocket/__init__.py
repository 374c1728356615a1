"""Vendored shim with websocket-client's WebSocketApp API, on top of `websockets`' sync client.

The kiosk image ships `websockets` already; this keeps our code on the websocket-client
callback API we started with (on_open / on_message / on_error / on_close, run_forever).
"""
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

__all__ = ["WebSocketApp", "WebSocketConnectionClosedException"]


class WebSocketConnectionClosedException(Exception):
    pass


class WebSocketApp:
    def __init__(self, url, header=None, on_open=None, on_message=None, on_error=None, on_close=None):
        self.url = url
        self.header = header or {}
        self.on_open = on_open
        self.on_message = on_message
        self.on_error = on_error
        self.on_close = on_close
        self.sock = None
        self.keep_running = False

    def _callback(self, callback, *args):
        if callback is not None:
            try:
                callback(self, *args)
            except Exception as e:  # websocket-client reports callback errors, it does not raise
                if callback is not self.on_error and self.on_error is not None:
                    self.on_error(self, e)

    def run_forever(self, ping_interval=0, ping_timeout=None):
        code, reason = None, None
        try:
            self.sock = connect(self.url, additional_headers=self.header or None, open_timeout=10)
        except Exception as e:
            self._callback(self.on_error, e)
            return True
        self.keep_running = True
        self._callback(self.on_open)
        try:
            for message in self.sock:
                self._callback(self.on_message, message)
        except ConnectionClosed as e:
            code, reason = e.code, e.reason
        finally:
            self.keep_running = False
            self._callback(self.on_close, code, reason)
        return False

    def send(self, data, opcode=None):
        if self.sock is None:
            raise WebSocketConnectionClosedException("socket is not open")
        try:
            self.sock.send(data)
        except ConnectionClosed as e:
            raise WebSocketConnectionClosedException(str(e)) from e

    def close(self, **kwargs):
        self.keep_running = False
        if self.sock is not None:
            self.sock.close()
