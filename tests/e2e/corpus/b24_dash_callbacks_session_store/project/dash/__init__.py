"""Tiny offline stand-in for the parts of Dash 2 this app uses.

Like Dash, the app is a Flask server whose `/_dash-update-component` endpoint runs a callback
with the values the browser sends (component props, `dcc.Store` data included) and answers
the new props as JSON.
"""
import json
import threading

import flask

from . import dcc, html  # noqa: F401
from .dependencies import Input, Output, State  # noqa: F401


class _NoUpdate:
    def __repr__(self):
        return "no_update"


no_update = _NoUpdate()


class PreventUpdate(Exception):
    pass


class _CallbackContext(threading.local):
    triggered_id = None


ctx = _CallbackContext()


def _key(outputs):
    if len(outputs) == 1:
        return f"{outputs[0].component_id}.{outputs[0].component_property}"
    return ".." + "...".join(f"{o.component_id}.{o.component_property}" for o in outputs) + ".."


class Dash:
    def __init__(self, name=None, title="Dash", **_options):
        self.title = title
        self.layout = None
        self.callback_map = {}
        self.server = flask.Flask(name or __name__)
        self.server.add_url_rule(
            "/_dash-update-component", "dash_update", self._dispatch, methods=["POST"]
        )
        self.server.add_url_rule("/_dash-layout", "dash_layout", self._layout)

    def callback(self, *dependencies, prevent_initial_call=None):
        outputs = [d for d in dependencies if isinstance(d, Output)]
        inputs = [d for d in dependencies if isinstance(d, Input)]
        states = [d for d in dependencies if isinstance(d, State)]

        def decorator(function):
            self.callback_map[_key(outputs)] = {
                "function": function,
                "outputs": outputs,
                "inputs": inputs,
                "state": states,
            }
            return function

        return decorator

    def _layout(self):
        return flask.jsonify(self.layout.to_plotly_json())

    def _dispatch(self):
        body = flask.request.get_json()
        callback = self.callback_map[body["output"]]
        args = [item.get("value") for item in body.get("inputs", [])]
        args += [item.get("value") for item in body.get("state", [])]
        changed = body.get("changedPropIds") or [""]
        ctx.triggered_id = changed[0].split(".")[0] or None
        try:
            result = callback["function"](*args)
        except PreventUpdate:
            return flask.Response(status=204)
        if len(callback["outputs"]) == 1:
            result = [result]
        response = {}
        for output, value in zip(callback["outputs"], result):
            if value is no_update:
                continue
            response.setdefault(output.component_id, {})[output.component_property] = value
        if not response:
            return flask.Response(status=204)
        return flask.Response(
            json.dumps({"multi": True, "response": response}), mimetype="application/json"
        )
