"""Avatar backends, loaded by name from a "module:Class" spec (like entry points)."""
