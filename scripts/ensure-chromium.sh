#!/usr/bin/env bash
# Debian's chromium drives the real VS Code (code-server) in the end-to-end tests.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then echo "[ensure-chromium] chromium is missing: install Debian's 'chromium' package" >&2; exit 1; fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
