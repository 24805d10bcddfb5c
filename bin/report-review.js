#!/usr/bin/env node
// The command line: `report-review check|fix …` (see `report-review --help`).
'use strict';
const { main } = require('./not-built')('cli.js');
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`report-review: ${(e && e.message) || String(e)}\n`);
    process.exitCode = 2;
  },
);
