from streamlit import output


def html(body, height=None, scrolling=False):
    output.append(("html", body))
