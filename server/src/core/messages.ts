/** Message catalogue: ids + arguments, rendered per locale. Arguments may themselves be message ids (`@id`). */
import en from './messages/en.json';
import zh from './messages/zh-CN.json';
import type { Locale, Message } from './types';

const CATALOGUES: Record<Locale, Record<string, string>> = { 'zh-CN': zh, en };

export function formatMessage(m: Message, locale: Locale = 'zh-CN'): string {
  const cat = CATALOGUES[locale] ?? zh;
  const pattern = cat[m.id] ?? zh[m.id as keyof typeof zh] ?? m.id;
  return pattern.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = m.args?.[k];
    if (v === undefined) return '';
    if (typeof v === 'string' && v.startsWith('@')) return cat[v.slice(1)] ?? v.slice(1);
    return String(v);
  });
}

export function msg(id: string, args?: Record<string, string | number>): Message {
  return args ? { id, args } : { id };
}
