/**
 * The table view's feed: the client names the documents a table view shows
 * (`reportReview/watchTables`); with each check of one of them the server sends its tables as the
 * template's grids (`reportReview/tables`), drawn from the same analysis as the diagnostics of
 * that version. Nothing is computed for a document no view shows.
 */
import { tableGrids } from '../core/index';
import type { Analysis } from './analysis';
import type { ServerContext } from './context';
import { TablesNotification, WatchTablesNotification, type TablesParams, type WatchTablesParams } from './protocol';

export function tablesOf(a: Analysis, version: number): TablesParams {
  return { uri: a.uri, version, state: a.state, tables: a.result ? tableGrids(a.result, a.locale) : [] };
}

export interface TableFeed {
  /** After the diagnostics of `version` were published from `a`. */
  published(a: Analysis, version: number): void;
}

export function registerTables(server: ServerContext): TableFeed {
  const { connection } = server;
  let watched = new Set<string>();
  const send = (a: Analysis, version: number) => {
    try {
      void connection.sendNotification(TablesNotification, tablesOf(a, version));
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
          if (c && watched.has(uri)) send(c.analysis, c.doc.version);
        })
        .catch((error) => server.logError(`tables of ${uri}`, error));
    }
  });
  return {
    published(a, version) {
      if (watched.has(a.uri)) send(a, version);
    },
  };
}
