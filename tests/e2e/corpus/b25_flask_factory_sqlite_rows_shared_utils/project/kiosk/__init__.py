"""Lobby kiosk backend: an app factory, one blueprint for live avatar sessions, one for videos."""
import os

from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_object("kiosk.config.Config")
    if test_config:
        app.config.update(test_config)
    os.makedirs(app.instance_path, exist_ok=True)

    from . import db
    db.init_app(app)

    from .live import bp as live_bp
    from .videos import bp as videos_bp
    app.register_blueprint(live_bp)
    app.register_blueprint(videos_bp)

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    return app
