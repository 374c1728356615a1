"""Lobby kiosk backend: a Flask app factory."""
import logging

from flask import Flask

from .extensions import close_heygen


def create_app(config_object="config.Config"):
    app = Flask(__name__)
    app.config.from_object(config_object)
    logging.basicConfig(level=logging.INFO)

    from .api import api_bp

    app.register_blueprint(api_bp, url_prefix="/api")
    app.teardown_appcontext(close_heygen)

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    return app
