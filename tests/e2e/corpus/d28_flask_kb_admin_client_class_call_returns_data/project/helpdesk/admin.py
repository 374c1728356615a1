from flask import Blueprint, abort, current_app, jsonify, request

from .endpoints import KB_CREATE, KB_DELETE, KB_DETAIL, KB_LIST

bp = Blueprint("admin", __name__)


def _heygen():
    return current_app.extensions["heygen"]


def _own(name: str) -> bool:
    return name.startswith(current_app.config["KB_PREFIX"])


@bp.get("/kbs")
def list_kbs():
    kbs = _heygen().call("GET", KB_LIST)
    return jsonify([{"id": kb["id"], "name": kb["name"]} for kb in kbs if _own(kb["name"])])


@bp.post("/kbs")
def create_kb():
    form = request.get_json(force=True)
    if not _own(form.get("name", "")):
        abort(400, "knowledge base names start with the desk's prefix")
    created = _heygen().call(
        "POST",
        KB_CREATE,
        {"name": form["name"], "prompt": form["prompt"], "opening": form.get("opening", "Hello!")},
    )
    return jsonify({"id": created["id"]}), 201


@bp.put("/kbs/<kb_id>")
def update_kb(kb_id: str):
    form = request.get_json(force=True)
    _heygen().call(
        "POST",
        KB_DETAIL.format(kb_id=kb_id),
        {"name": form["name"], "prompt": form["prompt"], "opening": form.get("opening", "Hello!")},
    )
    return "", 204


@bp.delete("/kbs/<kb_id>")
def delete_kb(kb_id: str):
    _heygen().call("POST", KB_DELETE.format(kb_id=kb_id))
    return "", 204
