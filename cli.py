"""``python cli.py ...`` does the same as the installed ``warta`` command."""

from extractor.cli import main

if __name__ == "__main__":
    main()
