#!/usr/bin/env bash
# Creates (once) a pinned virtualenv with LocalStack community 4.14, the last release that starts without an auth
# token, so tests and `npm start -- --localstack` can run a real LocalStack on the host without Docker.
# Prints the venv's python path on stdout; everything else goes to stderr.
set -euo pipefail
LOCALSTACK_VERSION=4.14.0
# Newer releases of these break the 4.14 runtime (measured: ../shared/notes/localstack-host.md).
PINS=("localstack-core[runtime]==$LOCALSTACK_VERSION" 'cbor2<5.8' 'pyopenssl<24.3' 'cryptography<44' 'service_identity<25')
VENV="${LCL_LOCALSTACK_VENV:-$HOME/.cache/local-cloud-lab/localstack-$LOCALSTACK_VERSION}"
log() { echo "[ensure-localstack] $*" >&2; }

if [ -x "$VENV/bin/python" ] && [ -f "$VENV/.complete" ] &&
  "$VENV/bin/python" -c "import importlib.metadata as m,sys; sys.exit(0 if m.version('localstack-core')=='$LOCALSTACK_VERSION' else 1)" 2>/dev/null; then
  echo "$VENV/bin/python"
  exit 0
fi

# LocalStack 4.14 needs Python 3.13 (3.11 fails with syntax errors, 3.12.1 lacks warnings.deprecated).
find_python() {
  local c
  for c in "${LCL_PYTHON313:-}" "$(command -v python3.13 || true)"; do
    # pyenv's shim exists even where 3.13 is not the active version: only take what really runs.
    [ -n "$c" ] && "$c" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 13) else 1)' 2>/dev/null &&
      { echo "$c"; return 0; }
  done
  local roots=("${PYENV_ROOT:-}" "$HOME/.pyenv" /root/.pyenv /opt/pyenv /usr/local/pyenv)
  for r in "${roots[@]}"; do
    [ -n "$r" ] || continue
    for c in "$r"/versions/3.13*/bin/python3.13; do
      [ -x "$c" ] && { echo "$c"; return 0; }
    done
  done
  return 1
}
PY=$(find_python) || {
  log "Python 3.13 not found (set LCL_PYTHON313 to its path); LocalStack 4.14 needs it"
  exit 1
}
log "creating $VENV with localstack-core $LOCALSTACK_VERSION (Python: $PY)"
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
"$PY" -m venv "$VENV"
"$VENV/bin/pip" install -q --disable-pip-version-check "${PINS[@]}" >&2
touch "$VENV/.complete"
echo "$VENV/bin/python"
