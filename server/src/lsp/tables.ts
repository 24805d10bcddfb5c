/**
 * The table view's feed: the client names the documents a table view shows
 * (`reportReview/watchTables`); with each check of one of them the server sends its tables as the
 * template's grids (`reportReview/tables`), drawn from the same analysis as the diagnostics of
 * that version. Nothing is computed for a document no view shows.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { tableGrids, type GridLines, type GridTable, type Span } from '../core/index';
import type { Analysis } from './analysis';
import type { ServerContext } from './context';
import { TablesNotification, WatchTablesNotification, type TablesParams, type WatchTablesParams } from './protocol';
import { isPageAnalysis } from './sources';

/** Every span and line range of the grids, moved by `span`. */
function moved(tables: GridTable[], span: (s: Span) => Span, lines: (s: Span) => GridLines): GridTable[] {
  const where = <T extends { span?: Span; lines?: GridLines }>(x: T): T => (x.span ? { ...x, span: span(x.span), lines: lines(x.span) } : x);
  return tables.map((t) => ({
    ...where(t),
    rows: t.rows.map((r) => ({ ...where(r), cells: r.cells.map(where), extra: r.extra.map(where) })),
    unmatched: t.unmatched.map((u) => ({ ...u, span: span(u.span) })),
  }));
}

/**
 * A document's tables, with spans in the document's own offsets: a report text's are its own;
 * an HTML page's report text is the reader's, and its spans go to the page through the
 * analysis' index (`doc`: the page at the analysed version).
 */
export function tablesOf(a: Analysis, version: number, doc: TextDocument): TablesParams {
  let tables = a.result ? tableGrids(a.result, a.locale) : [];
  if (isPageAnalysis(a) && a.index) {
    const index = a.index;
    tables = moved(
      tables,
      (s) => ({ start: doc.offsetAt(index.positionAt(s.start)), end: doc.offsetAt(index.positionAt(s.end)) }),
      (s) => ({ start: index.positionAt(s.start).line, end: index.positionAt(s.end).line }),
    );
  }
  return { uri: a.uri, version, state: a.state, tables };
}

export interface TableFeed {
  /** After the diagnostics of `version` were published from `a`. */
  published(a: Analysis, version: number): void;
}

export function registerTables(server: ServerContext): TableFeed {
  const { connection } = server;
  let watched = new Set<string>();
  /** `doc`: the document at the analysed version (the one whose diagnostics were published). */
  const send = (a: Analysis, doc: TextDocument) => {
    try {
      void connection.sendNotification(TablesNotification, tablesOf(a, doc.version, doc));
    } catch (error) {
      server.logError(`tables of ${a.uri}`, error);
    }
  };
  connection.onNotification(WatchTablesNotification, (params: WatchTablesParams) => {
    const uris = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
    const before = watched;
    watched = new Set(uris);
    // A document newly watched gets the tables of its current version at once (the analysis its
    // diagnostics came from, unless a newer version is on its way).
    for (const uri of watched) {
      if (before.has(uri)) continue;
      server
        .current(uri)
        .then((c) => {
          if (c && watched.has(uri)) send(c.analysis, c.doc);
        })
        .catch((error) => server.logError(`tables of ${uri}`, error));
    }
  });
  return {
    published(a, version) {
      if (!watched.has(a.uri)) return;
      const doc = server.documents.get(a.uri);
      if (doc?.version === version) send(a, doc);
    },
  };
}
