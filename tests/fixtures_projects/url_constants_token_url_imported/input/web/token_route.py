import os

import requests
from flask import Blueprint, jsonify

from .urls import TOKEN_URL

bp = Blueprint("token", __name__)


@bp.post("/api/get-access-token")
def access_token():
    r = requests.post(TOKEN_URL, headers={"x-api-key": os.environ["HEYGEN_API_KEY"]}, timeout=15)
    r.raise_for_status()
    return jsonify(token=r.json()["data"]["token"])
