/** A scan with a typed page-number footer is still a scan: no text layer to check. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';

async function pdfWithText(perPage: (n: number) => string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText(perPage(n), { x: 280, y: 30, size: 10, font });
  }
  return doc.save();
}

describe('text layer detection', () => {
  it('100 pages carrying only "- N -" footers are reported as no-text', async () => {
    const report = await analyzePdf(await pdfWithText((n) => `- ${n} -`, 100), { fileName: 'scan.pdf', env: nodePdfEnvironment() });
    expect(report.error?.code).toBe('no-text');
  });

  it('a page with a real line of text is read', async () => {
    const report = await analyzePdf(await pdfWithText((n) => (n === 2 ? 'Budget 2024: total 6220.67' : `${n}`), 3), { fileName: 'text.pdf', env: nodePdfEnvironment() });
    expect(report.error).toBeUndefined();
    expect(report.paragraphs.map((p) => p.text)).toContain('Budget 2024: total 6220.67');
  });
});
