from transport import call


def knowledge_base_names():
    return [kb["name"] for kb in call("GET", "/v1/contexts")["results"]]


def stop_all():
    for session in call("GET", "/v1/sessions?type=active")["results"]:
        call(
            "POST",
            "/v1/sessions/stop",
            {"session_id": session["id"], "reason": "USER_CLOSED"},
        )
        print("stopped", session["id"])
