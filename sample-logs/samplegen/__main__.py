"""python3 -m samplegen [--out DIR] [FOLDER...]: writes the sample folders (all by default) under DIR (default: sample-logs)."""

import argparse
import os
import sys

from .incidents import FOLDERS

SAMPLE_LOGS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python3 -m samplegen", description=__doc__.split(": ", 1)[1])
    parser.add_argument("--out", default=SAMPLE_LOGS, help="where the folders go (default: the sample-logs folder)")
    parser.add_argument("folders", nargs="*", metavar="FOLDER", help="only these folders: " + ", ".join(FOLDERS))
    args = parser.parse_args(argv)
    unknown = [f for f in args.folders if f not in FOLDERS]
    if unknown:
        parser.error("no sample folder named " + ", ".join(unknown))
    for name in args.folders or FOLDERS:
        print(FOLDERS[name].write(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
