import e2e_support
import support_desk

desk = support_desk.SupportDesk()
creds = desk.open()
e2e_support.viewer.join(creds["url"], creds["access_token"])
desk.ask("How do I reset my password?")
desk.ask("Can I change the e-mail on my account?")
desk.close()
