/**
 * HTML → report text. The page is parsed as a browser would (parse5, with the source offset of
 * every node), the article is found (the element that holds most of the page's text outside
 * links, plus the report title standing above it), and its blocks become lines in reading order.
 * Tables are read from the DOM grid with rowspan and colspan resolved. Scripts, styles, forms
 * and hidden elements are left out.
 */
import { parse, serializeOuter } from 'parse5';
import { LayoutBuilder, writeTable, type GridCell, type Place, type Run, type SourceMap } from './layout';

/** The parts of parse5's default tree this reader uses. */
interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
  parentNode?: Node | null;
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
}

const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'button', 'select', 'input', 'textarea', 'option', 'nav', 'map', 'audio', 'video', 'img',
]);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'section',
  'article', 'header', 'footer', 'aside', 'main', 'center', 'pre', 'address', 'figure', 'figcaption', 'form',
  'fieldset', 'hr', 'caption', 'body', 'html', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'table',
]);

const attr = (n: Node, name: string): string | undefined => n.attrs?.find((a) => a.name === name)?.value;
const children = (n: Node): Node[] => (n.nodeName === 'template' ? [] : n.childNodes ?? []);

function hidden(n: Node): boolean {
  if (attr(n, 'hidden') !== undefined) return true;
  const style = attr(n, 'style');
  return !!style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const skipped = (n: Node): boolean => !!n.tagName && (SKIP.has(n.tagName) || hidden(n));

/**
 * The source offset of each character of a text node's value. The value is the decoded text
 * (character references resolved, CR LF read as LF), so the raw source is walked beside it.
 */
export function textOffsets(source: string, node: Node): number[] {
  const value = node.value ?? '';
  const loc = node.sourceCodeLocation;
  const out = new Array<number>(value.length);
  if (!loc) return out.fill(-1);
  let i = loc.startOffset;
  const end = loc.endOffset;
  for (let j = 0; j < value.length; ) {
    if (i >= end) {
      out[j++] = Math.max(loc.startOffset, end - 1);
      continue;
    }
    const c = source[i];
    if (c === value[j]) {
      out[j++] = i++;
    } else if (c === '\r') {
      i++;
    } else if (c === '&') {
      const m = /^&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)/.exec(source.slice(i, Math.min(end, i + 40)));
      const at = i;
      i += m ? m[0].length : 1;
      out[j++] = at;
      // A reference may decode to two UTF-16 units, or to more than one character.
      while (j < value.length && (i >= end || (source[i] !== value[j] && source[i] !== '&' && source[i] !== '\r'))) out[j++] = at;
    } else {
      out[j++] = i++;
    }
  }
  return out;
}

/**
 * Where text typed into an empty cell goes: inside its innermost first element (`<td><p>|<br></p>`),
 * else right after the cell's start tag.
 */
function insertionPoint(td: Node): number {
  let at = td;
  for (;;) {
    const first = children(at).find((c) => c.tagName || (c.value ?? '').trim());
    if (!first?.tagName || first.tagName === 'br' || SKIP.has(first.tagName)) break;
    at = first;
  }
  const loc = at.sourceCodeLocation as { startTag?: { endOffset: number }; startOffset: number } | null | undefined;
  return loc?.startTag?.endOffset ?? loc?.startOffset ?? -1;
}

/** Text length outside links (what a reader reads rather than clicks), per element. */
function measure(root: Node, sizes: Map<Node, number>): number {
  if (root.nodeName === '#text') return (root.value ?? '').replace(/\s+/g, '').length;
  if (skipped(root) || root.nodeName === '#comment') return 0;
  let n = 0;
  for (const c of children(root)) n += measure(c, sizes);
  if (root.tagName === 'a') n = Math.floor(n / 4);
  sizes.set(root, n);
  return n;
}

/** The element holding the article: descend while one child holds most of the text. */
function findArticle(body: Node): Node {
  const sizes = new Map<Node, number>();
  measure(body, sizes);
  let at = body;
  for (;;) {
    const total = sizes.get(at) ?? 0;
    let best: Node | undefined;
    let bestSize = 0;
    for (const c of children(at)) {
      const s = sizes.get(c) ?? 0;
      if (c.tagName && s > bestSize) {
        best = c;
        bestSize = s;
      }
    }
    // A table's rows and cells belong together: never descend into one as if it were a page region,
    // unless it lays out the page (a cell holds the article).
    if (!best || bestSize < total * 0.6 || (at.tagName === 'table' && !isLayoutTable(at)) || (best.tagName && /^(tbody|thead|tr|td|th|p)$/.test(best.tagName) && !layoutCell(best))) return at;
    at = best;
  }
}

function rowsOf(t: Node): Node[] {
  const rows: Node[] = [];
  for (const c of children(t)) {
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'tbody' || c.tagName === 'thead' || c.tagName === 'tfoot') rows.push(...children(c).filter((r) => r.tagName === 'tr'));
  }
  return rows;
}

/** A table used for page layout rather than data: a cell holds another table or long text. */
function isLayoutTable(t: Node): boolean {
  for (const row of rowsOf(t)) {
    for (const cell of children(row)) {
      if (cell.tagName !== 'td' && cell.tagName !== 'th') continue;
      if (findTag(cell, 'table') || squash(textOf(cell)).length > 400) return true;
    }
  }
  return false;
}

/** A cell or row used for page layout: it holds several blocks of text or a table of its own. */
function layoutCell(n: Node): boolean {
  if (n.tagName === 'p') return false;
  let blocks = 0;
  const walk = (x: Node): boolean => {
    for (const c of children(x)) {
      if (c.tagName === 'table') return true;
      if (c.tagName && BLOCK.has(c.tagName)) blocks++;
      if (c.tagName && walk(c)) return true;
    }
    return false;
  };
  return walk(n) || blocks > 8;
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  if (skipped(n)) return '';
  return children(n).map(textOf).join('');
}

const squash = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');

function findTag(n: Node, tag: string): Node | undefined {
  if (n.tagName === tag) return n;
  for (const c of children(n)) {
    const f = findTag(c, tag);
    if (f) return f;
  }
  return undefined;
}

/** The report title as the page names it: the <title> up to a site suffix, or a meta ArticleTitle. */
function pageTitle(doc: Node): string | undefined {
  const head = findTag(doc, 'head');
  if (!head) return undefined;
  const metas: Node[] = [];
  const walk = (n: Node) => {
    if (n.tagName === 'meta') metas.push(n);
    for (const c of children(n)) walk(c);
  };
  walk(head);
  const meta = metas.find((m) => /^(articletitle|title|og:title)$/i.test(attr(m, 'name') ?? attr(m, 'property') ?? ''));
  const fromMeta = meta && attr(meta, 'content');
  if (fromMeta && squash(fromMeta)) return squash(fromMeta);
  const title = findTag(head, 'title');
  const t = title ? squash(textOf(title)).split(/[_|]|--|——|-(?=[^-]*$)/)[0] : '';
  return t || undefined;
}

/** The element before `article` in document order whose whole text is the title. */
function findTitleElement(doc: Node, article: Node, title: string): Node | undefined {
  let found: Node | undefined;
  let passed = false;
  const walk = (n: Node): void => {
    if (passed || skipped(n)) return;
    if (n === article) {
      passed = true;
      return;
    }
    if (n.tagName && squash(textOf(n)) === title) found = n;
    for (const c of children(n)) walk(c);
  };
  walk(doc);
  return found;
}

interface Options {
  /** Look for the article in a whole page (false: the whole body is the document, as mammoth writes it). */
  page: boolean;
}


class Reader {
  private out = new LayoutBuilder();
  private current: Run[] = [];
  private tables = 0;
  private paragraphs = 0;
  private place = 0;

  constructor(private source: string) {
    this.place = this.out.place({});
  }

  result(): { text: string; map: SourceMap } {
    this.flush();
    return this.out.finish();
  }

  /** Ends the current line (a block boundary). */
  flush(): void {
    if (this.current.length) this.out.line([this.current]);
    this.current = [];
  }

  block(n: Node): void {
    if (skipped(n) || n.nodeName === '#comment') return;
    if (n.nodeName === '#text') {
      this.current.push({ text: n.value ?? '', offsets: textOffsets(this.source, n), place: this.place });
      return;
    }
    const tag = n.tagName;
    if (tag === 'br') {
      this.flush();
      return;
    }
    if (tag === 'table' && !isLayoutTable(n)) {
      this.flush();
      this.table(n);
      return;
    }
    const isBlock = !!tag && BLOCK.has(tag);
    if (isBlock) {
      this.flush();
      if (/^(p|h[1-6]|li|dt|dd|pre|caption)$/.test(tag!)) this.place = this.out.place({ paragraph: ++this.paragraphs });
    }
    for (const c of children(n)) this.block(c);
    if (isBlock) this.flush();
  }

  /** The runs of a cell's content: its blocks and line breaks joined (labels are split over several <p>). */
  private cellRuns(n: Node, place: number, into: Run[]): void {
    for (const c of children(n)) {
      if (skipped(c) || c.nodeName === '#comment') continue;
      if (c.nodeName === '#text') into.push({ text: c.value ?? '', offsets: textOffsets(this.source, c), place });
      else this.cellRuns(c, place, into);
    }
  }

  private table(t: Node): void {
    const tableNo = ++this.tables;
    const rows = rowsOf(t);
    const grid: (GridCell | undefined)[][] = rows.map(() => []);
    const cells: GridCell[] = [];
    rows.forEach((tr, r) => {
      let col = 0;
      for (const td of children(tr)) {
        if (td.tagName !== 'td' && td.tagName !== 'th') continue;
        while (grid[r][col]) col++;
        const span = (name: string) => {
          const v = parseInt(attr(td, name) ?? '1', 10);
          return Number.isFinite(v) && v >= 0 ? v : 1;
        };
        const colspan = Math.min(Math.max(span('colspan'), 1), 1000);
        let rowspan = span('rowspan');
        rowspan = rowspan === 0 ? rows.length - r : Math.min(Math.max(rowspan, 1), rows.length - r);
        const place = this.out.place({ table: tableNo, row: r + 1, column: col + 1 });
        const runs: Run[] = [{ text: '', offsets: [insertionPoint(td)], place }];
        this.cellRuns(td, place, runs);
        const cell: GridCell = { runs, text: squash(runs.map((x) => x.text).join('')), row: r, col, rowspan, colspan };
        cells.push(cell);
        for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) grid[r + dr][col + dc] = cell;
        col += colspan;
      }
    });
    writeTable(this.out, grid, cells);
  }
}

export interface HtmlReading {
  text: string;
  map: SourceMap;
  /** The source string the map's offsets index (the decoded page). */
  source: string;
}

/** The report's title element (when it stands outside the article) and the article of a page. */
function article(doc: Node): { title?: Node; root: Node } {
  const root = findArticle(findTag(doc, 'body') ?? doc);
  const title = pageTitle(doc);
  if (!title || squash(textOf(root)).startsWith(title)) return { root };
  return { title: findTitleElement(doc, root, title), root };
}

/** Reads decoded HTML into report text. */
export function readHtml(source: string, options: Options = { page: true }): HtmlReading {
  const doc = parse(source, { sourceCodeLocationInfo: true }) as unknown as Node;
  const reader = new Reader(source);
  const { title, root } = options.page ? article(doc) : { title: undefined, root: findTag(doc, 'body') ?? doc };
  if (title) {
    reader.block(title);
    reader.flush();
  }
  reader.block(root);
  return { ...reader.result(), source };
}

/** A page's report alone (its title and article, without the site around them), as HTML. */
export function articleHtml(source: string): string {
  const doc = parse(source) as unknown as Node;
  const { title, root } = article(doc);
  const outer = (n: Node) => serializeOuter(n as never);
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title ? textOf(title).trim() : ''}</title></head>\n<body>\n${title ? outer(title) : ''}\n${outer(root)}\n</body></html>\n`;
}

export type { Place };
