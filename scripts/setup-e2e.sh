#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently and without prompts (root, Debian 12):
#   - apt: chromium (headless workbench), ripgrep (stands in for @vscode/ripgrep's download),
#     libkrb5-dev + pkg-config (code-server's `kerberos` module compiles against them), neovim,
#     fonts-wqy-microhei (Chinese glyphs in the workbench's screenshots);
#   - code-server 4.100.3 (= VS Code 1.100.3, the newest that runs on Node 20) into
#     .vscode-test/code-server/ (git-ignored).
# Fast when everything is already there. Env: SKIP_APT=1 skips the apt step.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_VERSION=4.100.3
# code-server 4.100.3 ships @vscode/ripgrep 1.15.11, whose postinstall downloads ripgrep v13.0.0-10
# unless it finds this archive in its cache under os.tmpdir().
RG_PKG_VERSION=1.15.11
RG_TAG=v13.0.0-10
CS_DIR="$ROOT/.vscode-test/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
export DEBIAN_FRONTEND=noninteractive

# --- apt ---------------------------------------------------------------------------------------
missing=()
for pkg in chromium ripgrep libkrb5-dev pkg-config neovim fonts-wqy-microhei; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ] && [ "${SKIP_APT:-}" != 1 ]; then
  echo "[setup-e2e] apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for cmd in chromium rg nvim; do
  command -v "$cmd" >/dev/null || { echo "[setup-e2e] $cmd is missing"; exit 1; }
done

# --- code-server -------------------------------------------------------------------------------
installed="$(node -p "try { require('$CS_DIR/node_modules/code-server/package.json').version } catch { '' }")"
if [ "$installed" = "$CS_VERSION" ] && [ -x "$CS_BIN" ]; then
  echo "[setup-e2e] code-server $CS_VERSION already installed"
  exit 0
fi

echo "[setup-e2e] installing code-server $CS_VERSION into $CS_DIR (compiles native modules, about a minute)"
mkdir -p "$CS_DIR"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/rg" "$TMP/vscode-ripgrep-cache-$RG_PKG_VERSION"
cp "$(command -v rg)" "$TMP/rg/rg"
tar czf "$TMP/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_TAG-x86_64-unknown-linux-musl.tar.gz" -C "$TMP/rg" rg

[ -f "$CS_DIR/package.json" ] || echo '{ "name": "code-server-host", "private": true }' > "$CS_DIR/package.json"
LOG="$ROOT/.vscode-test/code-server-install.log"
# npm_config_unsafe_perm: code-server's postinstall refuses to run as root without it.
# npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which must not prompt.
if ! (cd "$CS_DIR" && TMPDIR="$TMP" npm_config_unsafe_perm=true npm_config_yes=true \
      npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false \
      npm install --save-exact --foreground-scripts "code-server@$CS_VERSION" >"$LOG" 2>&1); then
  tail -30 "$LOG"
  echo "[setup-e2e] code-server install failed; log: $LOG"
  exit 1
fi
XDG_CONFIG_HOME="$TMP/xdg" XDG_DATA_HOME="$TMP/xdg" "$CS_BIN" --version | tail -1
