from ._component import Component


class Div(Component):
    pass


class H2(Component):
    pass


class Button(Component):
    pass


class Iframe(Component):
    pass


class Small(Component):
    pass
