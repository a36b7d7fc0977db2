/**
 * Fonts go to a stand-in FontFace in Node (pdf/fonts): pdf.js then builds no glyph outlines, and
 * what analysis reads — every page's text items and operator list — is the same as with pdf.js
 * told fonts cannot be loaded (disableFontFace), which builds one outline per glyph shown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontsStandIn } from '../../src/pdf/fonts';
import { openPdf } from '../../src/pdf/load';
import { nodePdfEnvironment } from '../../src/pdf/node';

const env = nodePdfEnvironment();
const REAL = resolve(__dirname, '../../../shared/real');
// threepage: fonts not embedded (no outline either way); LibreOffice output: embedded subset fonts.
const files = [join(__dirname, '..', 'fixtures', 'pdf', 'threepage.pdf'), join(__dirname, '..', 'fixtures', 'libreoffice', 'libreoffice-0.pdf')];
if (existsSync(REAL)) files.push(join(REAL, readdirSync(REAL).filter((f) => f.endsWith('.pdf')).sort()[0]));

type Doc = Awaited<ReturnType<typeof openPdf>>;

/**
 * Every page's text items and operator list (typed arrays as plain ones; a font's name without its
 * document's number, g_d3_f1 → f1), and the glyph outlines pdf.js made.
 */
async function read(doc: Doc): Promise<{ pages: string[]; outlines: number }> {
  const pages: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const text = await page.getTextContent({ includeMarkedContent: false });
      const ops = await page.getOperatorList();
      const json = JSON.stringify([text.items, ops.fnArray, ops.argsArray], (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v));
      pages.push(json.replace(/g_d\d+_/g, ''));
    }
    let outlines = 0;
    for (const [id] of (doc as unknown as { _transport: { commonObjs: Iterable<[string, unknown]> } })._transport.commonObjs) if (id.includes('_path_')) outlines++;
    return { pages, outlines };
  } finally {
    await doc.destroy();
  }
}

describe('pdf.js fonts in Node', () => {
  it('FontFace is the stand-in here', () => {
    expect(fontsStandIn()).toBe(true);
  });

  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s: the same text and operator lists, no glyph outline built', async (_name, file) => {
    const bytes = () => new Uint8Array(readFileSync(file));
    const drawn = await read(
      await env.pdfjs.getDocument({ data: bytes(), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, maxImageSize: 0, cMapUrl: env.cMapUrl, cMapPacked: true, standardFontDataUrl: env.standardFontDataUrl }).promise,
    );
    const read_ = await read(await openPdf(bytes(), env));
    if (!file.includes('threepage')) expect(drawn.outlines).toBeGreaterThan(0);
    expect(read_.outlines).toBe(0);
    expect(read_.pages).toEqual(drawn.pages);
  });
});
