from flask import Flask


def create_app() -> Flask:
    from .routes import api

    app = Flask(__name__)
    app.register_blueprint(api, url_prefix="/api")
    return app
