from .net import BASE, send


def rename(kb_id, name, prompt, opening):
    send("%s/%s" % (BASE, kb_id), {"name": name, "prompt": prompt, "opening": opening})


def forget(kb_id):
    send("%s/%s/delete" % (BASE, kb_id), {})
