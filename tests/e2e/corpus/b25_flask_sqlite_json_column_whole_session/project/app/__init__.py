import os

from flask import Flask


def create_app(db_path=None):
    app = Flask(__name__)
    app.config["DB_PATH"] = db_path or os.environ.get("AVATAR_DB", "avatar.db")
    from . import models, routes
    models.init(app.config["DB_PATH"])
    app.register_blueprint(routes.bp)
    return app
