from flask import Flask


def create_app():
    app = Flask(__name__)
    from .routes import avatar_bp

    app.register_blueprint(avatar_bp, url_prefix="/api/avatar")
    return app
