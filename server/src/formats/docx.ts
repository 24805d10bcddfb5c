/**
 * Word (.docx) → report text: mammoth turns the document's paragraphs and tables (merged cells as
 * colspan/rowspan) into plain HTML, which the HTML reader lays out. Places are the document's
 * paragraphs (outside tables, counted from 1, empty ones included) and table cells.
 */
import * as mammoth from 'mammoth';
import { readHtml } from './html';
import type { DocumentReading } from './index';

export async function readDocx(bytes: Uint8Array): Promise<DocumentReading> {
  let images = 0;
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    {
      ignoreEmptyParagraphs: false,
      // Images are not read (no OCR); counted, so a table pasted as a picture can be told.
      convertImage: mammoth.images.imgElement(async () => {
        images++;
        return { src: '' };
      }),
    },
  );
  const r = readHtml(result.value, { page: false });
  const warnings = images
    ? [{ 'zh-CN': `文档中有 ${images} 张图片，其中的文字和表格未读取`, en: `${images} image(s) in the document: their text and tables are not read` }]
    : [];
  return { ok: true, kind: 'docx', text: r.text, map: r.map, warnings };
}
