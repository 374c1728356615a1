from flask import Flask


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(KB_TIMEOUT=15)
    if config:
        app.config.update(config)
    from .routes import bp

    app.register_blueprint(bp)
    return app
