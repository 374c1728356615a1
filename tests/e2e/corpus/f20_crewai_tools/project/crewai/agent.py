"""Agent / Task / Crew with a scripted plan instead of an LLM."""
from dataclasses import dataclass, field


@dataclass
class Agent:
    role: str
    goal: str
    backstory: str = ""
    tools: list = field(default_factory=list)
    verbose: bool = False

    def use(self, tool_name, tool_input):
        for t in self.tools:
            if t.name == tool_name:
                if self.verbose:
                    print(f"[{self.role}] -> {tool_name}({tool_input})")
                return t.run(tool_input)
        raise KeyError(f"agent {self.role!r} has no tool {tool_name!r}")


@dataclass
class Task:
    description: str
    agent: Agent
    expected_output: str = ""
    # what the LLM would decide: a list of (tool name, tool input) steps
    plan: list = field(default_factory=list)


@dataclass
class Crew:
    agents: list
    tasks: list
    verbose: bool = False

    def kickoff(self, inputs=None):
        outputs = []
        for task in self.tasks:
            for tool_name, tool_input in task.plan:
                if isinstance(tool_input, dict) and inputs:
                    tool_input = {k: (v.format(**inputs) if isinstance(v, str) else v) for k, v in tool_input.items()}
                outputs.append(task.agent.use(tool_name, tool_input))
        return outputs
