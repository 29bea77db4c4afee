#!/bin/sh
# Print the path of the first Python 3.11-3.13 on PATH that can make a virtual environment
# (Debian ships `venv` without `ensurepip` until python3-venv is installed); exit 1 when none can.
# Used by the Makefile and by .ci/run, so both agree on what "a usable Python" is.
for candidate in python3 python3.13 python3.12 python3.11; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c \
      'import sys, ensurepip, venv; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then
    command -v "$candidate"
    exit 0
  fi
done
exit 1
