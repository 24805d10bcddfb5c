/** The server's cache of analyses: latest per document, bounded, and provisional entries for checks nothing asked for. */
import * as assert from 'assert';
import { AnalysisCache, type Analysis } from '../../server/src/lsp/analysis';
import { normalizeSettings } from '../../server/src/lsp/settings';

const settings = normalizeSettings({});
const analysis = (uri: string, version = 1): Analysis => ({ uri, version, settings, locale: 'zh-CN', state: 'checked', diagnostics: [], ms: 0 });

describe('AnalysisCache', () => {
  it('keeps the latest analysis per document, for its version and settings', () => {
    const cache = new AnalysisCache();
    const a1 = analysis('a', 1);
    cache.set(a1);
    assert.strictEqual(cache.get('a', 1, settings), a1);
    assert.strictEqual(cache.get('a', 2, settings), undefined);
    assert.strictEqual(cache.get('a', 1, normalizeSettings({})), undefined, 'other settings');
    const a2 = analysis('a', 2);
    cache.set(a2);
    assert.strictEqual(cache.latest('a'), a2);
    assert.strictEqual(cache.latest('b'), undefined);
  });

  it('drops the least recently used beyond its capacity', () => {
    const cache = new AnalysisCache(2);
    cache.set(analysis('a'));
    cache.set(analysis('b'));
    cache.get('a', 1, settings);
    cache.set(analysis('c'));
    assert.deepStrictEqual(['a', 'b', 'c'].map((u) => cache.latest(u) !== undefined), [true, false, true]);
  });

  it('keeps only the newest provisional analysis until something asks for it', () => {
    const cache = new AnalysisCache();
    cache.set(analysis('a'), true);
    cache.set(analysis('b'), true);
    assert.strictEqual(cache.latest('a'), undefined, 'a burst of opened documents keeps only the last');
    assert.ok(cache.get('b', 1, settings), 'asked for: b stays');
    cache.set(analysis('c'), true);
    assert.ok(cache.latest('b') && cache.latest('c'));
    cache.set(analysis('c', 2));
    cache.set(analysis('d'), true);
    assert.ok(cache.latest('c'), 'checked after a change: c stays');
  });
});
