from streamlit import output


def html(body, height=None, **kwargs):
    output.append(("html", body))
