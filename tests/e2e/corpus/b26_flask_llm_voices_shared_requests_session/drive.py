"""A visitor loads the page (voices), starts the guide, asks two questions, leaves."""

from app import app
from e2e_support import viewer

client = app.test_client()
page = client.get("/")
assert page.status_code == 200, page.text
assert "<option" in page.text

r = client.post("/session")
assert r.status_code == 200, r.text
room = r.get_json()
viewer.join(room["url"], room["token"])
for question in ("Who painted the blue horse?", "Where is the cafe?"):
    r = client.post("/ask", json={"question": question})
    assert r.status_code == 200, r.text
assert client.post("/end").get_json() == {"ok": True}
