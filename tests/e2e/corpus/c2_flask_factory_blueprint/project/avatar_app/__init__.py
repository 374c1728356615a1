import os

from flask import Flask

from .service import HeyGenService
from .views import bp


def create_app(config=None):
    app = Flask(__name__)
    app.config.update(
        HEYGEN_API_KEY=os.environ.get("HEYGEN_API_KEY"),
        HEYGEN_AVATAR_ID=os.environ.get("HEYGEN_AVATAR_ID", "Anna_public_3_20240108"),
        HEYGEN_QUALITY="medium",
    )
    if config:
        app.config.update(config)
    app.extensions["heygen"] = HeyGenService(app.config["HEYGEN_API_KEY"])
    app.register_blueprint(bp, url_prefix="/avatar")
    return app
