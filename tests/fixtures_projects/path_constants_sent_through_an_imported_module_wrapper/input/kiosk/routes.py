NEW = "/v1/streaming.new"
START = "/v1/streaming.start"
TASK = "/v1/streaming.task"
STOP = "/v1/streaming.stop"
