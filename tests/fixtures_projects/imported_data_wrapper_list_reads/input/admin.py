from transport import call


def knowledge_base_names():
    return [kb["name"] for kb in call("GET", "/v1/streaming/knowledge_base/list")]


def stop_all():
    for session in call("GET", "/v1/streaming.list")["sessions"]:
        call("POST", "/v1/streaming.stop", {"session_id": session["session_id"]})
        print("stopped", session["session_id"])
