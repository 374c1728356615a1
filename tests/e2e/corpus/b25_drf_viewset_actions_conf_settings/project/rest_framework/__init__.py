"""Offline stand-in for the slice of Django REST framework this project uses."""
