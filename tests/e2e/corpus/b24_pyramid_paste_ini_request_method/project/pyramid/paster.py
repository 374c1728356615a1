import configparser
import os


def get_appsettings(config_uri, name="main"):
    """The `[app:main]` section of a PasteDeploy INI file (`%(here)s` is its directory)."""
    path = os.path.abspath(config_uri)
    parser = configparser.ConfigParser(defaults={"here": os.path.dirname(path)})
    parser.read(path)
    section = "app:" + name
    return {key: value for key, value in parser.items(section) if key != "here"}
