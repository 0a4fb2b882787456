#!/usr/bin/env bash
# Write constraints.txt: the installed version of every package in the dependency
# tree of `pip install -e ".[test]"` (the project itself excluded), read from this
# Python's environment. It first installs the package with its test extra, so a
# bound raised in pyproject.toml (a newer Dash) is installed before the versions
# are written; run the tests and benchmarks on the result before committing it.
#   bash scripts/update-constraints.sh
set -euo pipefail
cd "$(dirname "$0")/.."
trap 'rm -f constraints.txt.new' EXIT

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

python3 - >constraints.txt.new <<'EOF'
import importlib.metadata as md
import sys
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

with open("pyproject.toml", "rb") as f:
    project = canonicalize_name(tomllib.load(f)["project"]["name"])

pins, visited, problems = {}, set(), []
todo = [(project, frozenset({"test"}))]
while todo:
    name, extras = todo.pop()
    if (name, extras) in visited:
        continue
    visited.add((name, extras))
    dist = md.distribution(name)
    pins[name] = dist.version
    for line in dist.requires or []:
        req = Requirement(line)
        envs = [{"extra": e} for e in extras or {""}]
        if req.marker is not None and not any(req.marker.evaluate(e) for e in envs):
            continue
        dep = canonicalize_name(req.name)
        try:
            version = md.version(dep)
        except md.PackageNotFoundError:
            problems.append(f"{name}: {req} is not installed")
            continue
        if not req.specifier.contains(version, prereleases=True):
            problems.append(f"{name}: {req} but {dep} {version} is installed")
        todo.append((dep, frozenset(req.extras)))
if problems:
    sys.exit("\n".join(problems))
del pins[project]

print("# The exact versions the test suite passed with: every package that")
print('# `pip install -e ".[test]"` installs (Python 3.11, Linux), the project excluded.')
print('# Install with: python3 -m pip install -c constraints.txt -e ".[test]"')
print("# Regenerate (in the environment the tests passed in): bash scripts/update-constraints.sh")
for name in sorted(pins):
    print(f"{name}=={pins[name]}")
EOF
mv constraints.txt.new constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages"
