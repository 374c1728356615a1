import sys

from .run import read_script

if __name__ == "__main__":
    n, ms = read_script(sys.argv[1] if len(sys.argv) > 1 else "script.txt")
    print(f"read {n} lines ({ms / 1000:.1f}s)")
