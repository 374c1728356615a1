from flask import Flask

from .extensions import heygen


def create_app(config_object="avatarsvc.config.DevConfig"):
    app = Flask(__name__)
    app.config.from_object(config_object)

    heygen.init_app(app)

    from . import views

    app.register_blueprint(views.bp)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    return app
