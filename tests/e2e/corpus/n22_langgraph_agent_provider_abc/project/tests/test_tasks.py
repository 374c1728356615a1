import httpx

from concierge import tasks


def test_announce_posts_task(monkeypatch):
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["url"] = str(request.url)
        seen["body"] = request.content
        return httpx.Response(200, json={"code": 100, "data": {"task_id": "t-9", "duration_ms": 800}})

    real_client = httpx.Client

    def fake_client(**kwargs):
        return real_client(transport=httpx.MockTransport(handler), **kwargs)

    monkeypatch.setattr(tasks.httpx, "Client", fake_client)
    result = tasks.announce.delay("sess-1", "Welcome!", "chat").get()
    assert seen["url"] == "https://api.heygen.com/v1/streaming.task"
    assert b'"task_type":"chat"' in seen["body"].replace(b" ", b"")
    assert result == {"session_id": "sess-1", "task_id": "t-9", "duration_ms": 800}
