"""Showroom screen app. Routes for the screen, `flask avatar ...` commands for the staff."""
import os

from flask import Flask


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        HEYGEN_API_KEY=os.environ.get("HEYGEN_API_KEY"),
        HEYGEN_API_BASE="https://api.heygen.com/v1",
        AVATAR_QUALITY="medium",
    )
    if test_config is None:
        # instance/config.py is not in git on the showroom box; see instance/config.py.example
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    os.makedirs(app.instance_path, exist_ok=True)

    from . import avatar

    app.register_blueprint(avatar.bp)
    return app
