// Bundles the extension with esbuild: dist/extension.js (client), dist/server.js (language
// server), dist/cli.js (command line), and the document readers (HTML, Word, PDF) as ES modules
// in dist/formats/, loaded by `import('./formats')` only when a document of their kind is read
// (the Word and PDF readers are chunks of their own). `--production` minifies and drops source
// maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production') || process.env.NODE_ENV === 'production';
const watch = process.argv.includes('--watch');

// `import('./formats')` in the CLI and the server stays a dynamic import of the readers' bundle.
const lazyFormats = {
  name: 'lazy-formats',
  setup(build) {
    build.onResolve({ filter: /^\.\/formats$/ }, () => ({ path: './formats/index.mjs', external: true }));
  },
};

const bundles = [
  { entry: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { entry: 'server/src/server.ts', out: 'dist/server.js', external: [], plugins: [lazyFormats] },
  { entry: 'server/src/cli.ts', out: 'dist/cli.js', external: [], plugins: [lazyFormats] },
  {
    entry: 'server/src/formats/index.ts',
    outdir: 'dist/formats',
    external: [],
    esm: true,
  },
];

// A production build leaves no stale source maps behind.
if (production && existsSync(join(root, 'dist'))) {
  for (const f of readdirSync(join(root, 'dist'))) if (f.endsWith('.map')) rmSync(join(root, 'dist', f));
}

// The readers' chunks are named by content hash: old ones go before a build.
rmSync(join(root, 'dist', 'formats'), { recursive: true, force: true });

const contexts = [];
for (const b of bundles) {
  if (!existsSync(join(root, b.entry))) {
    console.warn(`build: ${b.entry} does not exist yet, skipped`);
    continue;
  }
  const options = {
    absWorkingDir: root,
    entryPoints: [b.entry],
    ...(b.esm
      ? {
          outdir: b.outdir,
          format: 'esm',
          splitting: true,
          outExtension: { '.js': '.mjs' },
          entryNames: '[name]',
          chunkNames: '[name]-[hash]',
          // Modules written for CommonJS (mammoth) require Node's own modules.
          banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
        }
      : { outfile: b.out, format: 'cjs', plugins: b.plugins ?? [] }),
    bundle: true,
    platform: 'node',
    target: 'node18',
    external: b.external,
    minify: production,
    sourcemap: production ? false : 'linked',
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  };
  if (watch) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
    contexts.push(ctx);
  } else {
    const result = await esbuild.build({ ...options, metafile: true });
    const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
    console.log(`build: ${b.out ?? b.outdir} ${(bytes / 1024).toFixed(1)} KB${production ? ' (production)' : ''}`);
  }
}
if (watch) console.log(`build: watching ${contexts.length} bundles`);
