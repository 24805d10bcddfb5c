/**
 * `reportReview.*` settings: their shape, defaults, validation and a per-URI cache.
 * Settings are resource-scoped, so they are asked for per document (`workspace/configuration`)
 * and cached per URI; a configuration change clears the whole cache.
 */
import { formatMessage, validateRuleSettings, type Locale, type Message, type RuleSetting } from '../core/index';

export type RunMode = 'onType' | 'onSave';
export type Detect = 'auto' | 'always' | 'never';

export interface Settings {
  /** When to check: on every change (default) or only when the document is saved. */
  run: RunMode;
  /** Per-rule override, alias or id → `off` or a severity. */
  rules: Record<string, RuleSetting>;
  /** What in `rules` names no rule or no level (left out of `rules`), with the nearest known one. */
  rulesProblems: Message[];
  /** Larger documents (in UTF-8 bytes) get one explained info diagnostic instead of a check. */
  maxFileSize: number;
  /** Message language; `auto` follows the editor's display language. */
  locale: 'auto' | Locale;
  /** How plain text and Markdown documents are recognised as reports. */
  detect: Detect;
  /** Show the expected value beside a wrong total. */
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  run: 'onType',
  rules: {},
  rulesProblems: [],
  maxFileSize: 2_000_000,
  locale: 'auto',
  detect: 'auto',
  inlayHints: true,
});

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whatever the client sent (possibly nothing, possibly junk) → complete, valid settings. */
export function normalizeSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, rules: {}, rulesProblems: [] };
  if (!isObject(raw)) return s;
  if (raw.run === 'onType' || raw.run === 'onSave') s.run = raw.run;
  if (isObject(raw.rules)) ({ rules: s.rules, problems: s.rulesProblems } = validateRuleSettings(raw.rules));
  if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize >= 0) {
    s.maxFileSize = raw.maxFileSize;
  }
  if (raw.locale === 'auto' || raw.locale === 'zh-CN' || raw.locale === 'en') s.locale = raw.locale;
  if (raw.detect === 'auto' || raw.detect === 'always' || raw.detect === 'never') s.detect = raw.detect;
  if (typeof raw.inlayHints === 'boolean') s.inlayHints = raw.inlayHints;
  return s;
}

/** The locale a language tag stands for: Chinese tags → zh-CN, English tags → en. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('en')) return 'en';
  return undefined;
}

/**
 * The editor's display language when the server runs without one in `initializationOptions`:
 * VS Code's `VSCODE_NLS_CONFIG`, then the POSIX locale variables. Chinese when nothing says
 * otherwise (the reports and their writers are Chinese).
 */
export function displayLocale(displayLanguage: string | undefined, env: NodeJS.ProcessEnv): Locale {
  const fromClient = localeFromTag(displayLanguage);
  if (fromClient) return fromClient;
  if (env.VSCODE_NLS_CONFIG) {
    try {
      const nls = JSON.parse(env.VSCODE_NLS_CONFIG) as { locale?: unknown };
      const l = localeFromTag(typeof nls.locale === 'string' ? nls.locale : undefined);
      if (l) return l;
    } catch {
      // not JSON: ignore
    }
  }
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const l = localeFromTag(env[name]);
    if (l) return l;
  }
  return 'zh-CN';
}

/** What is wrong in the settings, in words, one line each (they were left out; see normalizeSettings). */
export function settingsWarnings(settings: Settings, locale: Locale): string[] {
  const colon = locale === 'en' ? ': ' : '：';
  return settings.rulesProblems.map((m) => `reportReview.rules${colon}${formatMessage(m, locale)}`);
}

export function effectiveLocale(settings: Settings, fallback: Locale): Locale {
  return settings.locale === 'auto' ? fallback : settings.locale;
}

/**
 * Settings per URI. `get` is synchronous (hot path: every keystroke); `load` asks the client once
 * per URI and caches the answer until `clear`.
 */
export class SettingsCache {
  private readonly cache = new Map<string, Settings>();
  private readonly pending = new Map<string, Promise<Settings>>();
  private generation = 0;
  /** Used when the client cannot answer `workspace/configuration`. */
  global: Settings = normalizeSettings(undefined);

  constructor(private readonly fetch: ((uris: string[]) => Promise<unknown[]>) | undefined) {}

  get(uri: string): Settings | undefined {
    return this.fetch ? this.cache.get(uri) : this.global;
  }

  async load(uri: string): Promise<Settings> {
    const hit = this.get(uri);
    if (hit) return hit;
    const inFlight = this.pending.get(uri);
    if (inFlight) return inFlight;
    const gen = this.generation;
    const p = this.loadMany([uri]).then((r) => r[0]);
    this.pending.set(uri, p);
    try {
      return await p;
    } finally {
      if (gen === this.generation) this.pending.delete(uri);
    }
  }

  /** Settings for several URIs in one round trip; `remember: false` for files that are not open. */
  async loadMany(uris: string[], remember = true): Promise<Settings[]> {
    if (!this.fetch) return uris.map(() => this.global);
    const gen = this.generation;
    const fetched = new Map<string, Settings>();
    const missing = uris.filter((u) => !this.cache.has(u));
    if (missing.length > 0) {
      let raw: unknown[] = [];
      try {
        raw = await this.fetch(missing);
      } catch {
        raw = [];
      }
      missing.forEach((u, i) => fetched.set(u, normalizeSettings(raw[i])));
      // An answer that raced a configuration change is used once but not cached.
      if (remember && gen === this.generation) for (const [u, s] of fetched) this.cache.set(u, s);
    }
    return uris.map((u) => fetched.get(u) ?? this.cache.get(u) ?? this.global);
  }

  delete(uri: string): void {
    this.cache.delete(uri);
    this.pending.delete(uri);
  }

  clear(): void {
    this.generation++;
    this.cache.clear();
    this.pending.clear();
  }
}
