shown = []


class HTML:
    def __init__(self, data=None):
        self.data = data


def display(*objs):
    shown.extend(objs)
