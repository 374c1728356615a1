from transport import API, make_session


def keep_alive(session_id):
    make_session().post(f"{API}/v1/sessions/keep-alive", json={"session_id": session_id}).raise_for_status()
