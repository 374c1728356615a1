"""The part of smolagents.Tool the ops agent relies on."""


class Tool:
    name: str = ""
    description: str = ""
    inputs: dict = {}
    output_type: str = "string"

    def __call__(self, **kwargs):
        missing = [k for k, spec in self.inputs.items() if k not in kwargs and not spec.get("nullable")]
        if missing:
            raise TypeError(f"{self.name}: missing {missing}")
        return self.forward(**kwargs)
