"""The totem page: opens the session, shows the avatar, a fixed notice, a visitor question, stop."""

import e2e_support
from app import app

client = app.test_client()

opened = client.post("/sessao/iniciar", json={})
assert opened.status_code == 200, opened.get_data(as_text=True)
sessao = opened.get_json()
e2e_support.viewer.join(sessao["url"], sessao["access_token"])
sid = sessao["session_id"]

for body in (
    {"session_id": sid, "texto": "Bem-vindo à clínica.", "task_type": "repeat"},
    {"session_id": sid, "texto": "Qual o horário de atendimento?"},
):
    r = client.post("/sessao/falar", json=body)
    assert r.status_code == 200, r.get_data(as_text=True)

assert client.post("/sessao/interromper", json={"session_id": sid}).status_code == 200
r = client.post("/sessao/encerrar", json={"session_id": sid})
assert r.get_json() == {"ok": True}, r.get_data(as_text=True)
