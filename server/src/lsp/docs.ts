/** Where the shipped rule docs are, as file URIs for `codeDescription.href`. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * The extension root: the path the client passed, or else this package's own root (the nearest
 * folder above the running script that holds `docs/rules` or the package's `package.json`).
 */
export function packageRoot(fromClient: string | undefined, start: string = __dirname): string {
  if (fromClient) return fromClient;
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'docs', 'rules'))) return dir;
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'report-review') return dir;
      } catch {
        // unreadable package.json: keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(start, '..');
    dir = up;
  }
}

export class RuleDocs {
  private readonly hrefs = new Map<string, string>();
  constructor(readonly root: string) {}

  /** `file:///…/docs/rules/<alias>.md`. */
  href(alias: string): string {
    let h = this.hrefs.get(alias);
    if (!h) {
      h = pathToFileURL(path.join(this.root, 'docs', 'rules', `${alias}.md`)).href;
      this.hrefs.set(alias, h);
    }
    return h;
  }
}
