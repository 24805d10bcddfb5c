#!/usr/bin/env node
/**
 * Prints the format × report matrix (test/unit/formats-matrix.ts): each real report as every
 * document the fixtures hold of it (page, GBK page, Word, PDF from Chromium and from LibreOffice,
 * two-column PDF, PDF without table rules), ✓ where the document gives the report's truth. Run after `npm run compile`:
 * `node scripts/formats-matrix.mjs`.
 *
 * 打印“格式 × 报告”矩阵：✓ 表示该文档读出的文本给出与真值相同的错误和警告。
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { compareDocuments, formatMatrix } = require(path.join(ROOT, 'out', 'test', 'unit', 'formats-matrix.js'));

console.log(formatMatrix(await compareDocuments()));
