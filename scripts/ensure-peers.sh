#!/usr/bin/env bash
# Installs the IAM linters the benchmark compares against (parliament, cloudsplaining), pinned, into the project's
# virtualenv (the one scripts/ensure-moto.sh creates; LCL_VENV overrides where it is). Benchmark use only.
set -euo pipefail
PARLIAMENT_VERSION=1.6.4
CLOUDSPLAINING_VERSION=0.9.1
root="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${LCL_VENV:-$root/.venv}"
check="import importlib.metadata as m, sys; sys.exit(0 if m.version('parliament')=='$PARLIAMENT_VERSION' and m.version('cloudsplaining')=='$CLOUDSPLAINING_VERSION' else 1)"
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "$check" 2>/dev/null; then
  exit 0
fi
echo "[ensure-peers] installing parliament==$PARLIAMENT_VERSION cloudsplaining==$CLOUDSPLAINING_VERSION into $VENV"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "parliament==$PARLIAMENT_VERSION" "cloudsplaining==$CLOUDSPLAINING_VERSION"
