"""Offline stand-in for the slice of `langchain_core.tools` this project uses (the real
package is too heavy for the kiosk image). Same names, same call protocol."""
from .tools import BaseTool, ToolException

__all__ = ["BaseTool", "ToolException"]
