from flask import Flask


def create_app():
    app = Flask(__name__)
    app.config.from_prefixed_env("MUSEUM")
    from .guide import bp
    app.register_blueprint(bp)
    return app
