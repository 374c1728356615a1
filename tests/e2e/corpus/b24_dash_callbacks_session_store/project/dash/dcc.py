from ._component import Component


class Store(Component):
    pass


class Input(Component):
    pass


class Checklist(Component):
    pass
