import e2e_support
from onboarding_flow import STEPS, run_workflow


def frontend_joins(ctx):
    e2e_support.viewer.join(ctx["stream"]["url"], ctx["stream"]["access_token"])
    return ctx


steps = list(STEPS)
names = [name for name, _ in steps]
steps.insert(names.index("greet"), ("frontend", frontend_joins))
ctx = run_workflow({"employee": "Dana", "team": "Payments"}, steps=steps)
assert ctx["status"] == "done", ctx
