HEYGEN_API = "https://api.heygen.com/v1"

CREATE_TOKEN_URL = f"{HEYGEN_API}/streaming.create_token"
NEW_URL = f"{HEYGEN_API}/streaming.new"
START_URL = f"{HEYGEN_API}/streaming.start"
TASK_URL = f"{HEYGEN_API}/streaming.task"
INTERRUPT_URL = f"{HEYGEN_API}/streaming.interrupt"
STOP_URL = f"{HEYGEN_API}/streaming.stop"
