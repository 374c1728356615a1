"""Minimal StateGraph: nodes are async callables returning partial state updates."""

END = "__end__"


class CompiledGraph:
    def __init__(self, nodes, edges, routers, entry):
        self.nodes, self.edges, self.routers, self.entry = nodes, edges, routers, entry

    async def ainvoke(self, state):
        state = dict(state)
        current = self.entry
        steps = 0
        while current != END:
            steps += 1
            if steps > 50:
                raise RuntimeError("graph did not terminate")
            update = await self.nodes[current](state)
            state.update(update or {})
            if current in self.routers:
                current = self.routers[current](state)
            else:
                current = self.edges.get(current, END)
        return state


class StateGraph:
    def __init__(self, state_type):
        self.state_type = state_type
        self.nodes, self.edges, self.routers = {}, {}, {}
        self.entry = None

    def add_node(self, name, fn):
        self.nodes[name] = fn

    def add_edge(self, a, b):
        self.edges[a] = b

    def add_conditional_edges(self, a, router):
        self.routers[a] = router

    def set_entry_point(self, name):
        self.entry = name

    def compile(self):
        return CompiledGraph(self.nodes, self.edges, self.routers, self.entry)
