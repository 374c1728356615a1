"""Stand-in: outside Colab this package is not installed."""
raise ImportError("google.colab is only available on Colab")
