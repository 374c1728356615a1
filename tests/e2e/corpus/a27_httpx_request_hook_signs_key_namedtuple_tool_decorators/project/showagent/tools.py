import inspect

REGISTRY = {}


def _schema(fn):
    props = {}
    for name, param in inspect.signature(fn).parameters.items():
        if name == "avatar":
            continue
        kind = {int: "integer", float: "number"}.get(param.annotation, "string")
        props[name] = {"type": kind}
    return {"type": "object", "properties": props, "required": list(props)}


def tool(name=None, description=""):
    def register(fn):
        key = name or fn.__name__
        REGISTRY[key] = {"fn": fn, "description": description or (fn.__doc__ or "").strip(), "parameters": _schema(fn)}
        return fn

    return register


def openai_tools():
    return [
        {"type": "function", "function": {"name": k, "description": v["description"], "parameters": v["parameters"]}}
        for k, v in REGISTRY.items()
    ]
