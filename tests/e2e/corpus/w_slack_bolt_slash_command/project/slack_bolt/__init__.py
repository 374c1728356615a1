"""Offline stand-in for the parts of slack_bolt this app uses.

Listeners get their arguments by parameter name (ack, respond, say, command, body, action,
logger), as in Bolt; `App.dispatch(body)` plays one incoming Slack request.
"""
import inspect
import logging

__all__ = ["App"]


class App:
    def __init__(self, token=None, signing_secret=None, **kwargs):
        self.token = token
        self.signing_secret = signing_secret
        self.logger = logging.getLogger("slack_bolt.App")
        self._commands = {}
        self._actions = {}
        self.posted = []  # what went back to Slack: (channel, text, blocks)

    def command(self, name):
        def deco(fn):
            self._commands[name] = fn
            return fn

        return deco

    def action(self, action_id):
        def deco(fn):
            self._actions[action_id] = fn
            return fn

        return deco

    def _call(self, fn, body, **extra):
        channel = body.get("channel_id") or body.get("channel", {}).get("id")
        acked = []

        def ack(*args, **kwargs):
            acked.append(True)

        def say(text="", blocks=None, **kwargs):
            self.posted.append((channel, text, blocks))

        available = {
            "ack": ack,
            "respond": say,
            "say": say,
            "body": body,
            "logger": self.logger,
            **extra,
        }
        params = inspect.signature(fn).parameters
        fn(**{name: available[name] for name in params if name in available})
        if not acked:
            raise RuntimeError(f"{fn.__name__} did not ack() within 3 seconds")

    def dispatch(self, body):
        if "command" in body:
            return self._call(self._commands[body["command"]], body, command=body)
        if body.get("type") == "block_actions":
            action = body["actions"][0]
            return self._call(self._actions[action["action_id"]], body, action=action)
        raise ValueError(f"unhandled Slack request {body!r}")

    def start(self, port=3000):
        raise SystemExit("offline stand-in: use dispatch()")
