import os

from celery import Celery

app = Celery("signage", broker=os.environ.get("SIGNAGE_BROKER", "memory://"))
app.conf["task_always_eager"] = True
