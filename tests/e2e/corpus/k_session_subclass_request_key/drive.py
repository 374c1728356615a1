import e2e_support
from avatarkit import TourGuide

guide = TourGuide()
url, token = guide.begin()
e2e_support.viewer.join(url, token)
guide.narrate("Room one", "The impressionists.")
guide.still_here()
guide.narrate("Room two", "Modern sculpture.")
guide.listen()
guide.end()
