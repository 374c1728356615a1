shown = []


def display(*objs, **kwargs):
    shown.extend(objs)
