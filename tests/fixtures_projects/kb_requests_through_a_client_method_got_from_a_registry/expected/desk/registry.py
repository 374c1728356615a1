CLIENTS = {}


def client(name="default"):
    return CLIENTS[name]
