"""IT help desk avatar bot."""
