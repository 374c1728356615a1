from kioskctl.cli import app

app()
