from .endpoints import close_session, create_session, keep_alive, send_task, start_session

__all__ = ["create_session", "start_session", "send_task", "keep_alive", "close_session"]
