from flask import Flask


def create_app():
    app = Flask(__name__)
    from .live import live
    from .videos import videos

    app.register_blueprint(live, url_prefix="/live")
    app.register_blueprint(videos, url_prefix="/videos")
    return app
