# Sourced by the test scripts: whether the packaged extension or the bundles are missing or
# older than what they are made from (then they are built again, else the ones there are used).
PACKAGE_SOURCES=(server/src client/src package.json package.nls.json package.nls.zh-cn.json l10n syntaxes docs bin
  scripts/build.mjs .vscodeignore README.md CHANGELOG.md LICENSE)
stale() { [ ! -f "$1" ] || [ -n "$(find "${PACKAGE_SOURCES[@]}" -newer "$1" -print -quit 2>/dev/null)" ]; }
vsix_stale() { stale report-review.vsix; }
bundles_stale() { stale dist/extension.js || stale dist/server.js || stale dist/cli.js; }
