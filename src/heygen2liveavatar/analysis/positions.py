"""Line and column of chosen nodes, without LibCST's PositionProvider.

PositionProvider records a range for every node of the module (several times the cost of
a parse). Findings need positions for a handful of nodes, so this generates the module's
code once with a codegen state that notes the token index of just those nodes. The same
pass yields the module's round-trip code, which tells whether LibCST reproduces the
source byte for byte.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import libcst as cst
from libcst._nodes.internal import CodegenState

_NEWLINE = re.compile(r"\r\n|\r|\n")


class _TargetPositionState(CodegenState):
    def __init__(self, module: cst.Module, targets: set[int]) -> None:
        super().__init__(
            default_indent=module.default_indent, default_newline=module.default_newline
        )
        self.targets = targets
        self.token_index: dict[int, int] = {}

    def before_codegen(self, node: cst.CSTNode) -> None:
        key = id(node)
        if key in self.targets and key not in self.token_index:
            self.token_index[key] = len(self.tokens)


class PositionTable:
    """Positions (1-based line and column) of the requested nodes in the module's code."""

    def __init__(self, module: cst.Module, nodes: Iterable[cst.CSTNode]) -> None:
        node_list = list(nodes)
        by_id = {id(node): node for node in node_list}
        state = _TargetPositionState(module, set(by_id))
        module._codegen(state)
        tokens = state.tokens
        self.code = "".join(tokens)
        line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.code)]
        # Token index -> character offset, computed in one sweep over the sorted indexes.
        wanted = sorted(set(state.token_index.values()))
        offsets: dict[int, int] = {}
        position = 0
        token_cursor = 0
        for token_index in wanted:
            while token_cursor < token_index:
                position += len(tokens[token_cursor])
                token_cursor += 1
            offsets[token_index] = position
        self._positions: dict[int, tuple[int, int]] = {}
        for key, token_index in state.token_index.items():
            offset = offsets[token_index]
            node = by_id[key]
            if isinstance(node, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
                offset = self._skip_leading_lines(offset, len(node.leading_lines), line_starts)
            line = bisect.bisect_right(line_starts, offset)
            column = offset - line_starts[line - 1] + 1
            self._positions[key] = (line, column)

    def _skip_leading_lines(self, offset: int, count: int, line_starts: list[int]) -> int:
        if count:
            line = bisect.bisect_right(line_starts, offset)
            target = min(line - 1 + count, len(line_starts) - 1)
            offset = line_starts[target]
        while offset < len(self.code) and self.code[offset] in " \t\f":
            offset += 1
        return offset

    def get(self, node: cst.CSTNode) -> tuple[int, int]:
        return self._positions.get(id(node), (1, 1))
