// The bundles in dist/ are built by the set-up; before it, a bin says so in one line instead of a stack trace.
'use strict';
const fs = require('fs');
const path = require('path');

/** `require` of dist/<name>, or one line on stderr and exit code 2 when the bundle is not built yet. */
module.exports = function requireBuilt(name) {
  const file = path.join(__dirname, '..', 'dist', name);
  if (!fs.existsSync(file)) {
    process.stderr.write(
      `report-review: 尚未构建 ${path.join('dist', name)}：请先运行 bash scripts/setup.sh（或 npm run build）。` +
        `Not built yet: run bash scripts/setup.sh (or npm run build) first.\n`,
    );
    process.exit(2);
  }
  return require(file);
};
