from .net import BASE, send


def rename(kb_id, name, prompt, opening):
    send(
        "%s/%s" % (BASE, kb_id),
        {"name": name, "prompt": prompt, "opening_text": opening},
        method="PATCH",
    )


def forget(kb_id):
    send("%s/%s" % (BASE, kb_id), method="DELETE")
