"""Offline stand-in for the TwiML builder of the twilio package."""
