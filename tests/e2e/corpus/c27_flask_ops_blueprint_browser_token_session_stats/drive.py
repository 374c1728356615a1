from opsdash import create_app

client = create_app().test_client()

r = client.get("/api/token")
assert r.status_code == 200, r.get_json()
body = r.get_json()
assert body["token"] and body["avatar"], body

r = client.get("/api/stats")
assert r.status_code == 200, r.get_json()
assert r.get_json() == {"active": 0, "recent": 0}, r.get_json()
