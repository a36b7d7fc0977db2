/**
 * Analysis opens a PDF with its images left out of the operator list (openPdf's maxImageSize):
 * nothing Gouji reads is an image, and decoding them (JPEG, colour conversion) was work a page
 * never needed. The same page read with pdf.js's defaults does carry the image.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/load';
import { nodePdfEnvironment } from '../../src/pdf/node';

const env = nodePdfEnvironment();
const { OPS } = env.pdfjs;
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintSolidColorImageMask, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectGroup]);
const scanned = () => new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'bad', 'scanned.pdf')));

async function imageOps(doc: Awaited<ReturnType<typeof openPdf>>): Promise<number> {
  let n = 0;
  try {
    for (let p = 1; p <= doc.numPages; p++) n += (await (await doc.getPage(p)).getOperatorList()).fnArray.filter((op) => IMAGE_OPS.has(op)).length;
  } finally {
    await doc.destroy();
  }
  return n;
}

describe('openPdf: images', () => {
  it('a scanned page read for analysis has no image op; with pdf.js defaults it has', async () => {
    const raw = await env.pdfjs.getDocument({ data: scanned(), verbosity: 0, isEvalSupported: false, disableFontFace: true, cMapUrl: env.cMapUrl, cMapPacked: true, standardFontDataUrl: env.standardFontDataUrl }).promise;
    expect(await imageOps(raw)).toBeGreaterThan(0);
    expect(await imageOps(await openPdf(scanned(), env))).toBe(0);
  });
});
