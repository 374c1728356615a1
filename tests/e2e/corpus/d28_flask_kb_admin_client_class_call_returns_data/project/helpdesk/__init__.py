from flask import Flask

from .heygen import HeyGenClient


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(HEYGEN_TIMEOUT=15, KB_PREFIX="helpdesk-")
    if config:
        app.config.update(config)
    app.extensions["heygen"] = HeyGenClient(timeout=app.config["HEYGEN_TIMEOUT"])

    from .admin import bp as admin_bp
    from .live import bp as live_bp

    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(live_bp, url_prefix="/live")
    return app
