import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.update(
        HEYGEN_API_KEY=os.environ.get("HEYGEN_API_KEY", ""),
        AVATAR_ID=os.environ.get("DASH_AVATAR", ""),
    )
    from .routes import bp

    app.register_blueprint(bp)
    return app
