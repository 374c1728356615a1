"""Highlights narrator avatar."""
