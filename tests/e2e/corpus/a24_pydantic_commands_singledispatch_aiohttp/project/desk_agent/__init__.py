"""Help-desk avatar agent: commands in, avatar actions out."""
