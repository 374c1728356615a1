"""JSON API used by the kiosk's front-end (class-based views)."""
import json
import logging

from flask import Blueprint, Response, abort, current_app, jsonify, request
from flask.views import MethodView

from .extensions import get_heygen
from .heygen import HeyGenError

log = logging.getLogger(__name__)

api_bp = Blueprint("api", __name__)


@api_bp.before_request
def require_kiosk_token():
    if request.headers.get("X-Kiosk-Token") != current_app.config["KIOSK_TOKEN"]:
        abort(401)


def json_response(payload, status=200):
    return Response(json.dumps(payload), status=status, mimetype="application/json")


class SessionsAPI(MethodView):
    """POST /api/sessions opens a session, DELETE /api/sessions/<id> closes it."""

    def post(self):
        body = request.get_json(silent=True) or {}
        avatar_id = body.get("avatar_id") or current_app.config["HEYGEN_AVATAR_ID"]
        heygen = get_heygen()
        try:
            info = heygen.new_session(avatar_id, quality=current_app.config["HEYGEN_QUALITY"])
            heygen.start_session(info["session_id"])
        except HeyGenError as exc:
            log.warning("could not open a session: %s", exc)
            abort(502)
        room = {
            "session_id": info["session_id"],
            "url": info["url"],
            "access_token": info["access_token"],
        }
        return json_response(room, status=201)

    def delete(self, session_id):
        try:
            get_heygen().stop(session_id)
        except HeyGenError as exc:
            log.warning("stop failed: %s", exc)
            abort(502)
        return json_response({"closed": session_id})


class SpeechAPI(MethodView):
    """POST /api/sessions/<id>/speech {"text": ...}; DELETE interrupts."""

    def post(self, session_id):
        text = (request.get_json(silent=True) or {}).get("text", "").strip()
        if not text:
            abort(400)
        try:
            get_heygen().speak(session_id, text)
        except HeyGenError:
            abort(502)
        return "", 204

    def delete(self, session_id):
        try:
            get_heygen().interrupt(session_id)
        except HeyGenError:
            abort(502)
        return "", 204


sessions_view = SessionsAPI.as_view("sessions")
api_bp.add_url_rule("/sessions", view_func=sessions_view, methods=["POST"])
api_bp.add_url_rule("/sessions/<session_id>", view_func=sessions_view, methods=["DELETE"])
api_bp.add_url_rule("/sessions/<session_id>/speech", view_func=SpeechAPI.as_view("speech"))


@api_bp.get("/voices")
def voices():
    try:
        catalogue = get_heygen().list_voices()
    except HeyGenError:
        abort(502)
    return jsonify([{"id": v["voice_id"], "name": v["name"]} for v in catalogue])
