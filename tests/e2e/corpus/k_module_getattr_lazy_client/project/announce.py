import heygen_live


def announce(lines):
    url, token = heygen_live.client.open()
    print(f"viewer: {url}")
    return url, token


def read_out(lines):
    ids = [heygen_live.client.say(line) for line in lines]
    heygen_live.client.interrupt()
    return ids


def finish():
    heygen_live.client.close()
