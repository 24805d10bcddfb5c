/**
 * Every real report as a page, a Word file and a PDF (and the other documents the fixtures hold of
 * it) gives its truth (test/corpus/truth.json): read in-process and compared as the corpus compares
 * a layout, checked by the CLI as a user runs it, and as the text `extract` writes. Prints the
 * format × report matrix.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readDocument } from '../../server/src/formats';
import { TRUTH } from '../corpus/compare';
import { FORMATS_DIR, KNOWN, compareDocuments, documents, formatMatrix, originals, type FormatOutcome } from './formats-matrix';
import { ROOT, runCli } from './helpers';

interface JsonFile {
  path: string;
  template?: string;
  error?: { message: string };
  problems: { rule: string; severity: string; message: string }[];
}

/** Errors and warnings as `rule message`, sorted (what the truth lists). */
const listed = (problems: JsonFile['problems']) =>
  problems
    .filter((p) => p.severity === 'error' || p.severity === 'warning')
    .map((p) => `${p.rule} ${p.message}`)
    .sort();

describe('formats × reports: every document of every real report gives its truth', function () {
  this.timeout(300000);
  let outcomes: FormatOutcome[];
  before(async () => {
    outcomes = await compareDocuments();
  });

  it('every original is there as .html, .docx and .pdf', () => {
    for (const report of originals()) {
      for (const [format, ext] of [['html', 'html'], ['docx', 'docx'], ['pdf', 'pdf']]) {
        assert.ok(fs.existsSync(path.join(FORMATS_DIR, format, `${report}.${ext}`)), `${format}/${report}.${ext}`);
      }
    }
    assert.strictEqual(documents().length, outcomes.length);
  });

  it('each document read gives its truth, or is a known difference the reader itself reports as table-layout', () => {
    console.log(formatMatrix(outcomes).replace(/^/gm, '      '));
    const wrong = outcomes.filter((o) => !o.pass && !KNOWN[`${o.format}/${o.report}`]).map((o) => `${o.format}/${o.report}: ${o.diff.join('; ')}`);
    assert.deepStrictEqual(wrong, []);
    for (const [key, reason] of Object.entries(KNOWN)) {
      const o = outcomes.find((x) => `${x.format}/${x.report}` === key);
      assert.ok(o, `KNOWN names ${key}, which is not a document of the fixtures`);
      assert.ok(!o.pass, `${key} now gives its truth: take it out of KNOWN`);
      // Precision: a document that cannot be read right says so, and checks nothing else wrongly.
      assert.ok(o.layout, `${key} (${reason}): the reader must say table-layout`);
      assert.deepStrictEqual(o.diff.filter((d) => d.startsWith('+') && !d.startsWith('+table-layout')), [], `${key}: findings the truth does not have`);
    }
  });

  it('report-review check on every document, in one run, lists each report\'s errors and warnings', () => {
    const docs = documents();
    // One run over forty documents: more than runCli's time allows on a loaded machine.
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report-review.js'), 'check', '--format', 'json', ...docs.map((d) => path.relative(ROOT, d.file))], { cwd: ROOT, encoding: 'utf8', timeout: 280000 });
    assert.ok(!r.error, String(r.error));
    assert.strictEqual(r.status, 1, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: JsonFile[] }).files;
    assert.strictEqual(files.length, docs.length);
    docs.forEach((d, i) => {
      const f = files[i];
      if (KNOWN[`${d.format}/${d.report}`]) return;
      assert.ok(!f.error, `${d.format}/${d.report}: ${f.error?.message}`);
      const truth = TRUTH[d.report];
      if (truth.template !== null) assert.strictEqual(f.template, truth.template, `${d.format}/${d.report}`);
      assert.deepStrictEqual(listed(f.problems), truth.findings.map((x) => `${x.rule} ${x.message}`).sort(), `${d.format}/${d.report}`);
    });
  });

  it('extract writes the text read, and the CLI checks it to the document\'s findings (004 as page, Word, PDF, two-column PDF, PDFs without rules)', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-matrix-'));
    try {
      const report = '004_pingtan_jinjingpianqu_2024';
      const docs = documents().filter((d) => d.report === report);
      assert.deepStrictEqual(docs.map((d) => d.format), ['html', 'gbk', 'docx', 'pdf', 'pdf-libreoffice', 'pdf-columns', 'pdf-unruled', 'pdf-unruled-libreoffice']);
      const texts: string[] = [];
      for (const d of docs) {
        const out = path.join(tmp, `${d.format}.txt`);
        assert.strictEqual(runCli(['extract', path.relative(ROOT, d.file), '-o', out]).code, 0);
        const read = await readDocument(fs.readFileSync(d.file), d.file);
        assert.ok(read.ok);
        assert.strictEqual(fs.readFileSync(out, 'utf8'), read.text, d.format);
        texts.push(out);
      }
      const fromDocs = (JSON.parse(runCli(['check', '--format', 'json', ...docs.map((d) => d.file)]).stdout) as { files: JsonFile[] }).files;
      const fromTexts = (JSON.parse(runCli(['check', '--format', 'json', ...texts]).stdout) as { files: JsonFile[] }).files;
      const all = (f: JsonFile) => f.problems.map((p) => `${p.severity} ${p.rule} ${p.message}`);
      assert.deepStrictEqual(fromTexts.map(all), fromDocs.map(all));
      assert.deepStrictEqual(listed(fromTexts[0].problems), TRUTH[report].findings.map((x) => `${x.rule} ${x.message}`).sort());
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
