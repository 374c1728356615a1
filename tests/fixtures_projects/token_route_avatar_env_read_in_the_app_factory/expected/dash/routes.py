from flask import Blueprint, current_app, jsonify

from . import heygen

bp = Blueprint("dash", __name__)


@bp.get("/token")
def token():
    key = current_app.config["HEYGEN_API_KEY"]
    return jsonify(token=heygen.create_token(key), avatar=current_app.config["AVATAR_ID"])
