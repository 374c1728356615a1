"""Tiny offline stand-in for the parts of marimo this notebook uses.

A marimo notebook is a Python file of `@app.cell` functions: a cell's parameters are the
names it reads, its return tuple the names it defines; `app.run()` runs the cells in
dependency order and returns `(outputs, defs)`.
"""
import ast
import inspect
import textwrap

__version__ = "0.6.13"


class _Md:
    def __init__(self, text):
        self.text = text

    def __repr__(self):
        return f"md({self.text!r})"


def md(text):
    return _Md(text)


class App:
    def __init__(self, **kwargs):
        self._cells = []

    def cell(self, function=None, **kwargs):
        def register(fn):
            self._cells.append(fn)
            return fn

        return register(function) if function is not None else register

    @staticmethod
    def _cell(fn):
        """The cell's code as marimo runs it: the function's body without its `return`
        (marimo regenerates that line from the names the code defines), and those names."""
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
        body = tree.body[0].body
        names = ()
        if body and isinstance(body[-1], ast.Return):
            value = body[-1].value
            elements = value.elts if isinstance(value, ast.Tuple) else [value] if value else []
            names = tuple(e.id for e in elements if isinstance(e, ast.Name))
            body = body[:-1]
        module = ast.Module(body=body, type_ignores=[])
        return compile(module, inspect.getsourcefile(fn), "exec"), names

    def run(self):
        defs = {}
        pending = list(self._cells)
        outputs = []
        while pending:
            for fn in pending:
                params = list(inspect.signature(fn).parameters)
                if all(p in defs for p in params):
                    code, names = self._cell(fn)
                    scope = {"__builtins__": __builtins__, **{p: defs[p] for p in params}}
                    exec(code, scope)
                    defs.update({name: scope[name] for name in names})
                    outputs.append(None)
                    pending.remove(fn)
                    break
            else:
                raise RuntimeError(f"cells with unmet references: {[f.__name__ for f in pending]}")
        return outputs, defs
