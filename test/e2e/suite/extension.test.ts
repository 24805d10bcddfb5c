import * as assert from 'assert';
import * as vscode from 'vscode';

describe('VS Code', () => {
  it('is VS Code 1.100.x', () => {
    console.log(`      VS Code ${vscode.version} (${vscode.env.appName}), extension host Node ${process.version}`);
    assert.match(vscode.version, /^1\.100\./);
  });
});
