"""Offline stand-in for the few pieces of Django REST framework this app uses."""
