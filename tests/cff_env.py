"""cffconvert in its own virtual environment (.venv-cff), created once from requirements-cff.txt.

cffconvert pins jsonschema 3.x, which conflicts with frictionless in .venv, so it cannot share it. The
environment is rebuilt when requirements-cff.txt changes (its SHA-256 is stamped inside).
"""
import hashlib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".venv-cff")
REQUIREMENTS = os.path.join(ROOT, "requirements-cff.txt")


def _stamp():
    with open(REQUIREMENTS, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def cffconvert():
    """Path of the cffconvert executable, installing .venv-cff first if it is missing or out of date."""
    exe = os.path.join(VENV, "bin", "cffconvert")
    stamp = os.path.join(VENV, ".installed")
    if os.path.exists(exe) and os.path.exists(stamp) and open(stamp).read() == _stamp():
        return exe
    subprocess.run([sys.executable, "-m", "venv", "--clear", VENV], check=True)
    subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "--quiet", "--disable-pip-version-check",
                    "-r", REQUIREMENTS], check=True)
    with open(stamp, "w") as fh:
        fh.write(_stamp())
    return exe


if __name__ == "__main__":
    print(cffconvert())
