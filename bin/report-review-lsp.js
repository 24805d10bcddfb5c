#!/usr/bin/env node
// The standalone language server for any LSP client: `report-review-lsp [--stdio | --node-ipc | --socket=PORT]`.
'use strict';
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || a.startsWith(t + '=')))) {
  process.argv.push('--stdio');
}
require('../dist/server.js');
