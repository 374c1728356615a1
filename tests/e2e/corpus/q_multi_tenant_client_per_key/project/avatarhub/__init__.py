"""avatarhub: one HeyGen streaming avatar per customer."""
