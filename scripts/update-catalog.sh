#!/usr/bin/env bash
# Extract the interface's messages from the code and merge them into the French
# catalog. New messages arrive untranslated; tests/test_i18n_catalog.py fails until
# every one has a translation. Needs Babel (a dependency of the package).
set -euo pipefail
cd "$(dirname "$0")/.."
template=$(mktemp --suffix=.pot)
trap 'rm -f "$template"' EXIT
pybabel extract -F babel.cfg -k N_ -k gettext:2 --no-location --sort-output \
  --project=operation-dashboard -o "$template" .
pybabel update -i "$template" -d dashboard/i18n/locales -l fr -D messages \
  --no-fuzzy-matching --ignore-obsolete
