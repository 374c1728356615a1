"""What the browser does against this backend: load the page, fetch a token, list avatars."""

from app import app

client = app.test_client()

page = client.get("/")
assert page.status_code == 200, page.status_code

resp = client.post("/api/get-access-token")
assert resp.status_code == 200, resp.get_data(as_text=True)
token = resp.get_json()["token"]
assert isinstance(token, str) and token

avatars = client.get("/api/avatars")
assert avatars.status_code == 200, avatars.get_data(as_text=True)
items = avatars.get_json()["avatars"]
assert isinstance(items, list)
for item in items:
    assert "id" in item and "preview" in item
