class Widget:
    def __init__(self, *args, id=None, **kwargs):  # noqa: A002
        self.id = id


class Header(Widget):
    pass


class Footer(Widget):
    pass


class Static(Widget):
    def __init__(self, renderable="", id=None, **kwargs):  # noqa: A002
        super().__init__(id=id)
        self.renderable = renderable

    def update(self, renderable=""):
        self.renderable = renderable


class Input(Widget):
    def __init__(self, value="", placeholder="", id=None, **kwargs):  # noqa: A002
        super().__init__(id=id)
        self.value = value
        self.placeholder = placeholder


class Button(Widget):
    class Pressed:
        def __init__(self, button):
            self.button = button

    def __init__(self, label="", id=None, variant="default", **kwargs):  # noqa: A002
        super().__init__(id=id)
        self.label = label
        self.variant = variant
