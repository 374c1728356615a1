"""Lobby screens dashboard: opens avatar rooms and hands them to the screen manager."""
from flask import Flask

from .screens import ScreenManager


def create_app(screens=("lobby-left", "lobby-right")):
    app = Flask(__name__)
    app.config["SCREENS"] = ScreenManager(list(screens))
    app.config["SCREENS"].start()

    from .routes import bp

    app.register_blueprint(bp)
    return app
