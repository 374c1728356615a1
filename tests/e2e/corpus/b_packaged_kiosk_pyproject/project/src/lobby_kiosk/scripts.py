GREETING = "Hello {name}, welcome! {host} has been notified and will be with you shortly."
WIFI = "While you wait, the guest Wi-Fi password is on the card next to the screen."


def greet_visitor(kiosk, name, host):
    kiosk.say(GREETING.format(name=name, host=host))
    kiosk.say(WIFI)
