#!/usr/bin/env bash
# Install what the test suite needs on a fresh Debian machine, then run it all.
#   bash scripts/run-tests.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "Installing Debian's chromium and chromium-driver..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"

ruff check .
ruff format --check .
python3 -m pytest --headless "$@"
