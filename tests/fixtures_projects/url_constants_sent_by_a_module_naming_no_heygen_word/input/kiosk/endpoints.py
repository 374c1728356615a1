API = "https://api.heygen.com/v1"

TOKEN_URL = API + "/streaming.create_token"
NEW_URL = API + "/streaming.new"
START_URL = API + "/streaming.start"
TASK_URL = API + "/streaming.task"
STOP_URL = API + "/streaming.stop"
