/** The rule registry: `all.ts`, generated from the rule files by scripts/rules-index.mjs. */
export { ALL_RULES } from './all';

/** Rules that still speak when the report is in the 2019 format or not a report at all. */
export const ALWAYS = new Set(['old-template', 'title']);
