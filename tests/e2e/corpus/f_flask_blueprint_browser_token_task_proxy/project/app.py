from flask import Flask

from avatar.routes import bp


def create_app():
    app = Flask(__name__)
    app.register_blueprint(bp)
    return app


if __name__ == "__main__":
    create_app().run(debug=True, port=5000)
