import os

from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(
        HEYGEN_API_KEY=os.environ.get("LIVEAVATAR_API_KEY"),
        HEYGEN_API_BASE="https://api.liveavatar.com/v1",
    )
    from . import views

    app.register_blueprint(views.bp)
    return app
