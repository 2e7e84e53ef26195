"""``python cli.py ...`` does the same as the installed ``warta`` command.

Run by an interpreter that lacks Warta's dependencies (``python3 cli.py`` outside the
project's virtual environment), it hands over to the checkout's ``.venv`` made by the
README's Quick start, or says in one line how to set up: no traceback.
"""

import os
import sys
from pathlib import Path

try:
    from extractor.cli import main
except ModuleNotFoundError as missing:
    venv = Path(__file__).resolve().parent / ".venv"
    venv_python = venv / "bin" / "python"
    if venv_python.is_file() and Path(sys.prefix).resolve() != venv.resolve():
        os.execv(venv_python, [str(venv_python), *sys.argv])
    print(f"warta: {missing.name!r} is not installed for {sys.executable}; set up first: "
          "python3 -m venv .venv && .venv/bin/pip install -e . (README, Quick start)", file=sys.stderr)
    sys.exit(2)

if __name__ == "__main__":
    main()
