"""The slice of Gradio's Blocks API this demo uses (runs headless in CI without gradio)."""


class Component:
    def __init__(self, value=None, label=None, **kwargs):
        self.value = value
        self.label = label


class State(Component):
    pass


class Textbox(Component):
    pass


class HTML(Component):
    pass


class Chatbot(Component):
    pass


class Button(Component):
    def __init__(self, value=None, **kwargs):
        super().__init__(value, **kwargs)
        self.handlers = []

    def click(self, fn, inputs=None, outputs=None):
        self.handlers.append((fn, inputs or [], outputs or []))

    def fire(self):
        """What the browser's click does: call the handler with the inputs' values and put
        the results into the outputs."""
        for fn, inputs, outputs in self.handlers:
            result = fn(*[c.value for c in inputs])
            if len(outputs) == 1:
                result = (result,)
            for component, value in zip(outputs, result):
                component.value = value


class Blocks:
    def __init__(self, title=None):
        self.title = title

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def launch(self, **kwargs):
        raise RuntimeError("headless shim: no server")


class Row(Blocks):
    pass
