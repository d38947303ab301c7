#!/usr/bin/env bash
# Creates the project-local virtualenv with a pinned moto server (the default local emulator).
set -euo pipefail
MOTO_VERSION=5.2.5
root="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${LCL_VENV:-$root/.venv}"
if [ -x "$VENV/bin/moto_server" ] && "$VENV/bin/python" -c "import moto,sys; sys.exit(0 if moto.__version__=='$MOTO_VERSION' else 1)" 2>/dev/null; then
  exit 0
fi
echo "[ensure-moto] creating $VENV with moto[server]==$MOTO_VERSION"
python3 -m venv "$VENV"
"$VENV/bin/pip" install -q "moto[server]==$MOTO_VERSION"
