/**
 * The standalone entry `report-review-lsp`: its help and usage errors, and how it ends when a
 * client sends what cannot be read.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { LspClient, ROOT } from './client';
import { seedText, seedUri } from './fixtures';

const BIN = path.join(ROOT, 'bin', 'report-review-lsp.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10000, input: '' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('report-review-lsp', function () {
  this.timeout(20000);

  for (const flag of ['--help', '-h']) {
    it(`${flag} prints the help, Chinese first, and exits 0`, () => {
      const r = run(flag);
      assert.strictEqual(r.status, 0);
      assert.strictEqual(r.stderr, '');
      const lines = r.stdout.split('\n');
      assert.match(lines[0], /^report-review-lsp \d+\.\d+\.\d+ — 政府信息公开工作年度报告审校的语言服务器$/);
      const zh = lines.indexOf('用法：report-review-lsp [--stdio | --node-ipc | --socket=端口 | --pipe=名称] [--clientProcessId=进程号]');
      const en = lines.indexOf('Usage: report-review-lsp [--stdio | --node-ipc | --socket=PORT | --pipe=NAME] [--clientProcessId=PID]');
      assert.ok(zh > 0 && en > zh, r.stdout);
      for (const option of ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId=', '--help', '--version']) {
        const described = lines.filter((l) => /^ {2}(-\w, )?--/.test(l) && l.includes(option));
        assert.strictEqual(described.length, 2, `${option} described in both languages`);
      }
    });
  }

  it('--version prints the package version and exits 0', () => {
    const r = run('--version');
    assert.deepStrictEqual(r, { status: 0, stdout: `${(require(path.join(ROOT, 'package.json')) as { version: string }).version}\n`, stderr: '' });
  });

  const usageErrors: [string[], string, string][] = [
    [['--frob'], '未知选项 --frob', 'unknown option --frob'],
    [['--stdio', '-z'], '未知选项 -z', 'unknown option -z'],
    [['stdio'], '多余的参数 stdio', 'unexpected argument stdio'],
    [['--socket'], '--socket 缺少值', '--socket needs a value'],
    [['--stdio=yes'], '--stdio 不带值', '--stdio takes no value'],
  ];
  for (const [args, zh, en] of usageErrors) {
    it(`${args.join(' ')} is a usage error: exit 2, the reason in Chinese and English`, () => {
      const r = run(...args);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stdout, '');
      assert.deepStrictEqual(r.stderr.split('\n').slice(0, 3), [`用法错误：${zh}`, `usage error: ${en}`, '用法：report-review-lsp [--stdio | --node-ipc | --socket=端口 | --pipe=名称] [--clientProcessId=进程号]']);
    });
  }

  it('exits with code 1 and one line on stderr when a message header cannot be read', async () => {
    const client = await LspClient.start({ script: BIN, args: [] });
    try {
      const uri = seedUri('000_540e64cb95a423eb.txt');
      await client.open(uri, seedText('000_540e64cb95a423eb.txt'));
      await client.diagnosticsFor(uri, 1);
      const exited = new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`still running 10 s after the bad header\n${client.log.join('')}`)), 10000);
        client.proc.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
      });
      const body = '{"jsonrpc":"2.0","id":99,"method":"shutdown"}';
      client.proc.stdin!.write(`Content-Length: abc\r\n\r\n${body}`);
      assert.strictEqual(await exited, 1);
      const lines = client.log.join('').split('\n').filter((l) => l.startsWith('report-review-lsp'));
      assert.deepStrictEqual(lines, [
        'report-review-lsp：无法读取客户端发来的消息，退出。Cannot read a message from the client; exiting. Content-Length value must be a number. Got abc',
      ]);
    } finally {
      await client.stop();
    }
  });
});
