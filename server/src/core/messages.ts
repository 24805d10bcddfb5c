/** Message catalogue: ids + arguments, rendered per locale. Arguments may themselves be message ids (`@id`). */
import en from './messages/en.json';
import zh from './messages/zh-CN.json';
import type { Locale, Message } from './types';

const CATALOGUES: Record<Locale, Record<string, string>> = { 'zh-CN': zh, en };

/** A pattern cut at its `{name}` placeholders: text, name, text, name, …, text. */
type Compiled = string[];
const COMPILED: Record<Locale, Map<string, Compiled>> = { 'zh-CN': new Map(), en: new Map() };

function compile(pattern: string): Compiled {
  return pattern.split(/\{(\w+)\}/);
}

export function formatMessage(m: Message, locale: Locale = 'zh-CN'): string {
  const loc: Locale = CATALOGUES[locale] ? locale : 'zh-CN';
  const cat = CATALOGUES[loc];
  let parts = COMPILED[loc].get(m.id);
  if (!parts) {
    parts = compile(cat[m.id] ?? zh[m.id as keyof typeof zh] ?? m.id);
    COMPILED[loc].set(m.id, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = m.args?.[parts[i]];
    if (v !== undefined) out += typeof v === 'string' && v.startsWith('@') ? (cat[v.slice(1)] ?? v.slice(1)) : String(v);
    out += parts[i + 1];
  }
  return out;
}

export function msg(id: string, args?: Record<string, string | number>): Message {
  return args ? { id, args } : { id };
}
