from .widget import Widget


class BoxLayout(Widget):
    orientation = "horizontal"
