import e2e_support
from museum.guide import Guide

guide = Guide()
url, token = guide.start_tour()
e2e_support.viewer.join(url, token)
guide.greet("class 4B")
guide.answer("Who painted the big ship?")
guide.visitor_speaks()
guide.answer("How old is it?")
guide.end_tour()
