from flask import Flask, jsonify

from .utils import UpstreamError


def create_app():
    app = Flask(__name__)
    from .avatar_routes import avatar_bp
    from .video_routes import video_bp
    app.register_blueprint(avatar_bp, url_prefix="/api/avatar")
    app.register_blueprint(video_bp, url_prefix="/api/video")

    @app.errorhandler(UpstreamError)
    def upstream(exc):
        return jsonify(error=str(exc)), 502

    return app
