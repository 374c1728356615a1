"""Cliente mínimo da API de streaming da HeyGen (Interactive Avatar)."""
import logging

import requests

from . import config

log = logging.getLogger("totem.heygen")

API_STREAM_NEW = f"{config.HEYGEN_BASE}/v1/streaming.new"
API_STREAM_START = f"{config.HEYGEN_BASE}/v1/streaming.start"
API_STREAM_ICE = f"{config.HEYGEN_BASE}/v1/streaming.ice"
API_STREAM_TASK = f"{config.HEYGEN_BASE}/v1/streaming.task"
API_STREAM_INTERRUPT = f"{config.HEYGEN_BASE}/v1/streaming.interrupt"
API_STREAM_STOP = f"{config.HEYGEN_BASE}/v1/streaming.stop"

H_HEYGEN = {
    "accept": "application/json",
    "content-type": "application/json",
    "x-api-key": config.HEYGEN_API_KEY,
}


class ErroHeyGen(Exception):
    pass


def _checar(resp, etapa):
    if resp.status_code != 200:
        raise ErroHeyGen(f"{etapa}: HTTP {resp.status_code} {resp.text}")
    corpo = resp.json()
    if corpo.get("code") != 100:
        raise ErroHeyGen(f"{etapa}: {corpo.get('message')}")
    return corpo.get("data") or {}


def nova_sessao():
    payload = {
        "avatar_id": config.AVATAR_ID,
        "quality": config.QUALIDADE,
        "version": "v2",
        "video_encoding": "VP8",
        "language": config.IDIOMA,
        "disable_idle_timeout": config.SEM_TIMEOUT,
    }
    if config.VOZ_ID:
        payload["voice"] = {
            "voice_id": config.VOZ_ID,
            "rate": 1.05,
            "emotion": "friendly",
            "elevenlabs_settings": {"stability": 0.6, "similarity_boost": 0.8, "model_id": "eleven_multilingual_v2"},
        }
    if config.BASE_CONHECIMENTO_ID:
        payload["knowledge_base_id"] = config.BASE_CONHECIMENTO_ID
    r = requests.post(API_STREAM_NEW, json=payload, headers=H_HEYGEN, timeout=30)
    dados = _checar(r, "streaming.new")
    log.info("sessão criada: %s", dados["session_id"])
    return dados


def iniciar(session_id, sdp=None):
    corpo = {"session_id": session_id}
    if sdp:  # resto da época do WebRTC puro (v1): o navegador mandava a resposta SDP
        corpo["sdp"] = sdp
    r = requests.post(API_STREAM_START, json=corpo, headers=H_HEYGEN, timeout=30)
    return _checar(r, "streaming.start")


def enviar_ice(session_id, candidato):
    r = requests.post(API_STREAM_ICE, json={"session_id": session_id, "candidate": candidato},
                      headers=H_HEYGEN, timeout=10)
    return _checar(r, "streaming.ice")


def falar(session_id, texto, task_type="talk"):
    r = requests.post(API_STREAM_TASK, json={
        "session_id": session_id,
        "text": texto,
        "task_type": task_type,
        "task_mode": "sync",
    }, headers=H_HEYGEN, timeout=60)
    return _checar(r, "streaming.task")


def interromper(session_id):
    r = requests.post(API_STREAM_INTERRUPT, json={"session_id": session_id}, headers=H_HEYGEN, timeout=10)
    return _checar(r, "streaming.interrupt")


def encerrar(session_id):
    r = requests.post(API_STREAM_STOP, json={"session_id": session_id}, headers=H_HEYGEN, timeout=10)
    return _checar(r, "streaming.stop")
