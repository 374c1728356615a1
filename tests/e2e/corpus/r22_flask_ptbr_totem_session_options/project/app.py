"""Totem de recepção: backend Flask que a página do totem chama."""
import logging

from dotenv import load_dotenv
from flask import Flask, jsonify, request

load_dotenv()

from totem import heygen  # noqa: E402  (depois do load_dotenv)

logging.basicConfig(level=logging.INFO)
app = Flask(__name__)


@app.post("/sessao/iniciar")
def iniciar_sessao():
    dados = heygen.nova_sessao()
    heygen.iniciar(dados["session_id"], sdp=(request.get_json(silent=True) or {}).get("sdp"))
    return jsonify({
        "session_id": dados["session_id"],
        "url": dados["url"],
        "access_token": dados["access_token"],
    })


@app.post("/sessao/ice")
def ice():
    corpo = request.get_json(force=True)
    heygen.enviar_ice(corpo["session_id"], corpo["candidate"])
    return jsonify({"ok": True})


@app.post("/sessao/falar")
def falar():
    corpo = request.get_json(force=True)
    texto = (corpo.get("texto") or "").strip()
    if not texto:
        return jsonify({"erro": "texto vazio"}), 400
    # a página manda "repeat" para os avisos fixos e nada (= pergunta ao LLM) para o visitante
    heygen.falar(corpo["session_id"], texto, task_type=corpo.get("task_type", "talk"))
    return jsonify({"ok": True})


@app.post("/sessao/interromper")
def interromper():
    heygen.interromper(request.get_json(force=True)["session_id"])
    return jsonify({"ok": True})


@app.post("/sessao/encerrar")
def encerrar():
    try:
        heygen.encerrar(request.get_json(force=True)["session_id"])
    except heygen.ErroHeyGen as erro:
        return jsonify({"erro": str(erro)}), 502
    return jsonify({"ok": True})


if __name__ == "__main__":
    app.run(port=5005)
