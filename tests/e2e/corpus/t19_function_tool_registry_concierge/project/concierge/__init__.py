"""Lobby concierge: an LLM agent that talks to visitors through a HeyGen streaming avatar."""
