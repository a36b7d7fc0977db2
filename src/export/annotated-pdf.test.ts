import { describe, expect, it } from 'vitest';
import { PDFDocument, degrees } from 'pdf-lib';
import { nodePdfEnvironment } from '../pdf/node';
import { annotatedPdf, ANNOTATION_AUTHOR } from './annotated-pdf';
import { sampleReport } from '../../test/ui/fixtures';
import type { BBox } from '../pdf/types';

async function blankPdf(pages: number, rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595, 842]);
    if (rotate) p.setRotation(degrees(rotate));
  }
  return doc.save();
}

/** Annotations as pdf.js sees them, with their rectangles mapped to displayed, top-left coordinates. */
async function readAnnotations(bytes: Uint8Array) {
  const { pdfjs } = nodePdfEnvironment();
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
  const out: { page: number; subtype: string; contents: string; box: BBox }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    for (const a of await page.getAnnotations()) {
      const r = vp.convertToViewportRectangle(a.rect);
      out.push({
        page: n,
        subtype: a.subtype,
        contents: a.contentsObj?.str ?? '',
        box: [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])],
      });
    }
  }
  await doc.destroy();
  return out;
}

describe('annotatedPdf', () => {
  for (const rotate of [0, 90]) {
    it(`adds a highlight per finding and page and a note per finding, where the numbers stand (rotation ${rotate})`, async () => {
      const report = sampleReport();
      const out = await annotatedPdf(await blankPdf(5, rotate), report);
      const annots = await readAnnotations(out.bytes);
      const highlights = annots.filter((a) => a.subtype === 'Highlight');
      const notes = annots.filter((a) => a.subtype === 'Text');
      const pagesPerFinding = report.findings.map((f) => new Set(f.refs.map((r) => r.page)).size);
      expect(highlights).toHaveLength(pagesPerFinding.reduce((a, b) => a + b, 0));
      expect(notes).toHaveLength(report.findings.length);
      expect(out.highlights).toBe(highlights.length);
      expect(out.notes).toBe(notes.length);
      for (const f of report.findings) {
        const note = notes.find((n) => n.contents.startsWith(`[${f.id}]`));
        expect(note, f.id).toBeTruthy();
        expect(note!.page).toBe(f.refs[0].page);
        expect(note!.contents).toContain(f.message);
        expect(note!.contents).toContain(ANNOTATION_AUTHOR);
        // The highlight on the primary page covers the union of that page's refs (plus 1pt margin).
        const boxes = f.refs.filter((r) => r.page === f.refs[0].page).map((r) => r.bbox);
        const want = [Math.min(...boxes.map((b) => b[0])) - 1, Math.min(...boxes.map((b) => b[1])) - 1, Math.max(...boxes.map((b) => b[2])) + 1, Math.max(...boxes.map((b) => b[3])) + 1];
        const hl = highlights.find((h) => h.page === f.refs[0].page && h.contents.startsWith(`[${f.id}]`))!;
        expect(hl, f.id).toBeTruthy();
        hl.box.forEach((v, i) => expect(v).toBeCloseTo(want[i], 1));
      }
    });
  }

  it('keeps the original pages and skips refs on pages that do not exist', async () => {
    const report = sampleReport();
    report.findings[0].refs[0].page = 9;
    const out = await annotatedPdf(await blankPdf(5), report);
    const doc = await PDFDocument.load(out.bytes);
    expect(doc.getPageCount()).toBe(5);
    expect(out.notes).toBe(report.findings.length - 1);
  });
});
