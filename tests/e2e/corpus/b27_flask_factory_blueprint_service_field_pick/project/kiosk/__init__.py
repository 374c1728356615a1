from flask import Flask, jsonify

from .service import AvatarServiceError


def create_app(config_object="config.Config"):
    app = Flask(__name__)
    app.config.from_object(config_object)

    from .views import bp

    app.register_blueprint(bp, url_prefix="/kiosk")

    @app.errorhandler(AvatarServiceError)
    def _service_error(err):
        return jsonify(error=str(err), step=err.step), 502

    return app
