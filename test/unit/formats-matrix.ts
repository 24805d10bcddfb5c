/**
 * The format × report matrix: every real report (test/corpus/truth.json) as each document the
 * fixtures hold of it (test/fixtures/formats/<format>/<report>.<ext>), read by the readers and
 * compared with its truth as the corpus compares a layout (test/corpus/compare.ts). The text
 * compared is what `report-review extract` writes. Used by formats-matrix.test.ts and
 * scripts/formats-matrix.mjs.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readDocument } from '../../server/src/formats';
import { REPORTS, TRUTH, compareText } from '../corpus/compare';
import { ROOT } from './helpers';

export const FORMATS_DIR = path.join(ROOT, 'test', 'fixtures', 'formats');

/** The documents of the matrix: a folder of the fixtures, its extension, and how it was made. */
export const FORMATS: { format: string; ext: string; made: string }[] = [
  { format: 'html', ext: 'html', made: 'the page as published' },
  { format: 'gbk', ext: 'html', made: 'the page re-encoded as GBK, <meta charset="gb2312">' },
  { format: 'docx', ext: 'docx', made: 'the report saved as Word by LibreOffice' },
  { format: 'pdf', ext: 'pdf', made: 'the report printed to PDF by Chromium, with running header and footer' },
  { format: 'pdf-libreoffice', ext: 'pdf', made: 'the Word file exported to PDF by LibreOffice' },
  { format: 'pdf-columns', ext: 'pdf', made: 'the report set in two columns and printed by Chromium (table 三 across a page break)' },
  { format: 'pdf-unruled', ext: 'pdf', made: 'the report printed by Chromium with its tables\' borders taken away (tables without rules)' },
  { format: 'pdf-unruled-libreoffice', ext: 'pdf', made: 'the Word file with its table borders taken out, exported to PDF by LibreOffice' },
  { format: 'pdf-unruled-columns', ext: 'pdf', made: 'the report set in two columns and printed by Chromium with its tables\' borders taken away (headings and title wrapped)' },
  { format: 'pdf-unruled-a5', ext: 'pdf', made: 'the report printed on A5 by Chromium with its tables\' borders taken away (a heading reaching the margin joined to the line below)' },
];

/**
 * Documents that cannot give their truth, with the reason: the reader must then say so
 * (`table-layout`) rather than check numbers it cannot stand behind. `format/report` → reason.
 */
export const KNOWN: Record<string, string> = {};

export interface FormatOutcome {
  report: string;
  format: string;
  file: string;
  pass: boolean;
  diff: string[];
  /** The reader's text says a table could not be read (`table-layout`). */
  layout: boolean;
}

export const originals = (): string[] => REPORTS.filter((r) => TRUTH[r].kind === 'original');

/** The documents the fixtures hold: [report, format, file]. */
export function documents(): { report: string; format: string; file: string }[] {
  return FORMATS.flatMap(({ format, ext }) =>
    originals()
      .map((report) => ({ report, format, file: path.join(FORMATS_DIR, format, `${report}.${ext}`) }))
      .filter((d) => fs.existsSync(d.file)),
  );
}

export async function compareDocuments(): Promise<FormatOutcome[]> {
  const out: FormatOutcome[] = [];
  for (const d of documents()) {
    const r = await readDocument(fs.readFileSync(d.file), d.file);
    if (!r.ok) {
      out.push({ ...d, pass: false, diff: [`not read: ${r.message.en}`], layout: false });
      continue;
    }
    const c = compareText(d.report, r.text);
    out.push({ ...d, ...c, layout: c.diff.some((x) => x.startsWith('+table-layout')) });
  }
  return out;
}

/** The format × report matrix (✓ gives its truth, ✗ does not, ~ a known difference, blank: no such document), then the differences. */
export function formatMatrix(outcomes: FormatOutcome[]): string {
  const reports = originals();
  const width = Math.max(...FORMATS.map((f) => f.format.length));
  const at = new Map(outcomes.map((o) => [`${o.format}/${o.report}`, o]));
  const lines = [`${''.padEnd(width)}  ${reports.map((r) => r.slice(0, 3).padEnd(4)).join(' ')}`];
  for (const { format } of FORMATS) {
    const cells = reports.map((r) => {
      const o = at.get(`${format}/${r}`);
      return (o ? (o.pass ? '✓' : KNOWN[`${format}/${r}`] ? '~' : '✗') : ' ').padEnd(4);
    });
    lines.push(`${format.padEnd(width)}  ${cells.join(' ')}`);
  }
  const passed = outcomes.filter((o) => o.pass).length;
  lines.push(`${passed} of ${outcomes.length} documents give their truth (and so does the text \`extract\` writes of each)`);
  for (const o of outcomes.filter((x) => !x.pass)) {
    const known = KNOWN[`${o.format}/${o.report}`];
    lines.push(`${known ? '~' : '✗'} ${o.format}/${o.report.slice(0, 3)}: ${known ? `${known}; ` : ''}${o.diff[0].slice(0, 140)}`);
  }
  return lines.join('\n');
}
