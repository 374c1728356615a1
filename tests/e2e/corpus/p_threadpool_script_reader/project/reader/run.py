import os
from concurrent.futures import ThreadPoolExecutor, wait

from .client import AvatarClient


def load_lines(path):
    with open(path, encoding="utf-8") as fh:
        return [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]


def read_script(path, on_room=None):
    client = AvatarClient()
    url, token = client.connect(os.environ.get("AVATAR_ID", "Anna_public_3_20240108"))
    if on_room:
        on_room(url, token)
    lines = load_lines(path)
    # one worker: lines must stay in order, we only want the UI thread free
    with ThreadPoolExecutor(max_workers=1) as pool:
        futures = [pool.submit(client.speak, line) for line in lines]
        wait(futures)
    total_ms = 0.0
    for f in futures:
        total_ms += f.result() or 0
    client.disconnect()
    return len(lines), total_ms
