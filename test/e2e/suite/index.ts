// extensionTestsPath entry: VS Code calls run() in its extension host; a rejection fails the run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, grep: process.env.E2E_GREP });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  if (process.env.E2E_FAIL) {
    mocha.suite.addTest(new Mocha.Test('E2E_FAIL: a test that must fail', () => assert.strictEqual(1, 2)));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else if (!runner.stats?.tests) reject(new Error('no test ran'));
      else resolve();
    });
  });
}
