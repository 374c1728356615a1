import os

from flask import Flask


def create_app(**overrides):
    app = Flask(__name__)
    app.config.update(
        HEYGEN_API_KEY=os.environ.get("HEYGEN_API_KEY", ""),
        AVATAR_ID=os.environ.get("DASH_AVATAR", ""),
    )
    app.config.update(overrides)
    from .ops import bp

    app.register_blueprint(bp, url_prefix="/api")
    return app
