class Component:
    def __init__(self, children=None, **props):
        self.children = children
        self.props = props

    def to_plotly_json(self):
        kids = self.children
        if isinstance(kids, list):
            kids = [k.to_plotly_json() if isinstance(k, Component) else k for k in kids]
        elif isinstance(kids, Component):
            kids = kids.to_plotly_json()
        return {"type": type(self).__name__, "props": {**self.props, "children": kids}}
