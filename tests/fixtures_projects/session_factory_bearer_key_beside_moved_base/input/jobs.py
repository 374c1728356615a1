from transport import API, make_session


def keep_alive(session_id):
    make_session().post(f"{API}/v1/streaming.keep_alive", json={"session_id": session_id}).raise_for_status()
