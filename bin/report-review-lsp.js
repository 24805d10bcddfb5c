#!/usr/bin/env node
// The standalone language server for any LSP client: `report-review-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]`.
'use strict';
const { parseArgs } = require('node:util');

const VERSION = require('../package.json').version;
const USAGE_ZH = '用法：report-review-lsp [--stdio | --node-ipc | --socket=端口 | --pipe=名称] [--clientProcessId=进程号]';
const USAGE_EN = 'Usage: report-review-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--clientProcessId=PID]';
const HELP = `report-review-lsp ${VERSION} — 政府信息公开工作年度报告审校的语言服务器

${USAGE_ZH}

  --stdio                   经标准输入、输出通信（默认）
  --node-ipc                经 Node 的进程间通道通信（由 Node 进程启动时）
  --socket=端口             连接本机的这个 TCP 端口
  --pipe=名称               连接这个命名管道（Windows）或 Unix 套接字
  --clientProcessId=进程号  这个进程结束时随之退出
  -h, --help                显示帮助
  -v, --version             显示版本

设置（reportReview.*）由客户端通过 workspace/configuration 或 initializationOptions.settings 提供。
客户端发来无法读取的消息时，服务器以退出码 1 退出（标准错误上说明原因），客户端可重新启动它。

report-review-lsp ${VERSION} — the language server of Report Review (government information disclosure annual reports)

${USAGE_EN}

  --stdio                   talk over standard input and output (the default)
  --node-ipc                talk over Node's IPC channel (when started by a Node process)
  --socket=PORT             connect to this TCP port on this machine
  --pipe=NAME               connect to this named pipe (Windows) or Unix socket
  --clientProcessId=PID     exit when this process ends
  -h, --help                show this help
  -v, --version             show the version

Settings (reportReview.*) come from the client: workspace/configuration or initializationOptions.settings.
When the client sends a message that cannot be read, the server exits with code 1 (the reason on
standard error), and the client can start it again.
`;

const OPTIONS = {
  stdio: { type: 'boolean' },
  'node-ipc': { type: 'boolean' },
  socket: { type: 'string' },
  pipe: { type: 'string' },
  clientProcessId: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
};

/** Answers --help, --version and usage errors with an exit code; undefined when the server is to start. */
function answer(args) {
  const { values, tokens } = parseArgs({ args, options: OPTIONS, strict: false, tokens: true });
  const problem = tokens.map(wrong).find(Boolean);
  if (problem) {
    process.stderr.write(`用法错误：${problem[0]}\nusage error: ${problem[1]}\n${USAGE_ZH}\n${USAGE_EN}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  if (!values.stdio && !values['node-ipc'] && values.socket === undefined && values.pipe === undefined) {
    process.argv.push('--stdio');
  }
  return undefined;
}

/** What is wrong with an argument, in Chinese and English; undefined when nothing is. */
function wrong(token) {
  if (token.kind === 'positional') return [`多余的参数 ${token.value}`, `unexpected argument ${token.value}`];
  if (token.kind !== 'option') return undefined;
  const option = OPTIONS[token.name];
  if (!option) return [`未知选项 ${token.rawName}`, `unknown option ${token.rawName}`];
  if (option.type === 'string' && token.value === undefined) return [`${token.rawName} 缺少值`, `${token.rawName} needs a value`];
  if (option.type === 'boolean' && token.value !== undefined) return [`${token.rawName} 不带值`, `${token.rawName} takes no value`];
  return undefined;
}

// Exit codes are set, not forced: output to a pipe is written out before the process ends.
const code = answer(process.argv.slice(2));
if (code === undefined) require('./not-built')('server.js');
else process.exitCode = code;
