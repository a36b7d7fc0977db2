import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, degrees } from 'pdf-lib';
import { nodePdfEnvironment } from '../pdf/node';
import { annotatedPdf, ANNOTATION_AUTHOR, NotePlacer, NOTE_SIZE, wrapText } from './annotated-pdf';
import { finding, sampleReport } from '../../test/ui/fixtures';
import type { BBox } from '../pdf/types';
import type { Report } from '../report/types';

async function blankPdf(pages: number, rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    const p = doc.addPage([595, 842]);
    if (rotate) p.setRotation(degrees(rotate));
  }
  return doc.save();
}

const overlaps = (a: BBox, b: BBox) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The output as pdf.js sees it: annotations (rectangles in displayed, top-left coordinates), text and labels per page. */
async function readPdf(bytes: Uint8Array) {
  const { pdfjs, cMapUrl, standardFontDataUrl } = nodePdfEnvironment();
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, cMapUrl, cMapPacked: true, standardFontDataUrl }).promise;
  const annots: { page: number; subtype: string; contents: string; box: BBox; dest: unknown }[] = [];
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const vp = page.getViewport({ scale: 1 });
    for (const a of await page.getAnnotations()) {
      const r = vp.convertToViewportRectangle(a.rect);
      annots.push({
        page: n,
        subtype: a.subtype,
        contents: a.contentsObj?.str ?? '',
        box: [Math.min(r[0], r[2]), Math.min(r[1], r[3]), Math.max(r[0], r[2]), Math.max(r[1], r[3])],
        dest: a.dest,
      });
    }
    const content = await page.getTextContent();
    text.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  const labels = await doc.getPageLabels();
  const destPages = new Map<unknown, number>();
  for (const a of annots) if (Array.isArray(a.dest)) destPages.set(a.dest, (await doc.getPageIndex(a.dest[0])) + 1);
  await doc.destroy();
  return { pages: text.length, annots, text, labels, destPages };
}

describe('annotatedPdf', () => {
  for (const rotate of [0, 90]) {
    it(`adds a highlight per finding and page and a note per finding, where the numbers stand (rotation ${rotate})`, async () => {
      const report = sampleReport();
      // A narrative finding: its table figure (refs[0], page 4) and its sentence (the anchor, page 3).
      report.findings.push(
        finding('f4', 'error', 'narrative.table', [
          { page: 4, bbox: [300, 600, 340, 612], tableId: 't2', row: 1, col: 1 },
          { page: 3, bbox: [80, 400, 260, 414], text: '4.59万元' },
        ], { anchor: 1 }),
      );
      const out = await annotatedPdf(await blankPdf(5, rotate), report);
      const { annots } = await readPdf(out.bytes);
      // Original page n is page n + summaryPages of the output.
      const shift = out.summaryPages;
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
        // Where the summary lists it: the anchor (the sentence of a narrative finding), not refs[0].
        expect(note!.page - shift).toBe(f.refs[f.anchor].page);
        expect(note!.contents).toContain(f.message);
        expect(note!.contents).toContain(ANNOTATION_AUTHOR);
        // The highlight on the primary page covers the union of that page's refs (plus 1pt margin).
        const boxes = f.refs.filter((r) => r.page === f.refs[0].page).map((r) => r.bbox);
        const want = [Math.min(...boxes.map((b) => b[0])) - 1, Math.min(...boxes.map((b) => b[1])) - 1, Math.max(...boxes.map((b) => b[2])) + 1, Math.max(...boxes.map((b) => b[3])) + 1];
        const hl = highlights.find((h) => h.page - shift === f.refs[0].page && h.contents.startsWith(`[${f.id}]`))!;
        expect(hl, f.id).toBeTruthy();
        hl.box.forEach((v, i) => expect(v).toBeCloseTo(want[i], 1));
      }
    });
  }

  it('puts a summary in front listing every finding with its severity, page and message, in Chinese and English, linked to its page', async () => {
    const report = sampleReport();
    report.findings[1].message = '收支总表合计 6220.67 ≠ 各项之和 6220.66（差 0.01）';
    const out = await annotatedPdf(await blankPdf(5), report);
    const pdf = await readPdf(out.bytes);
    expect(out.summaryPages).toBe(1);
    expect(pdf.pages).toBe(5 + 1);
    const summary = pdf.text[0].replace(/\s+/g, '');
    expect(summary).toContain('勾稽核对摘要');
    for (const f of report.findings) {
      expect(summary).toContain(f.message.replace(/\s+/g, ''));
      expect(summary).toContain(f.messageEn.replace(/\s+/g, ''));
    }
    expect(summary).toContain('错误1·警告1·提示1');
    // Listed in reading order: f1 (p2), f2 (p2, lower), f3 (p4).
    const at = (s: string) => summary.indexOf(s.replace(/\s+/g, ''));
    expect(at(report.findings[1].message)).toBeLessThan(at(report.findings[2].message));
    expect(at(report.findings[2].message)).toBeLessThan(at(report.findings[0].message));
    // Each entry links to its finding's page.
    const links = pdf.annots.filter((a) => a.page === 1 && a.subtype === 'Link');
    expect(links.map((l) => pdf.destPages.get(l.dest))).toEqual([2, 2, 4].map((p) => p + 1));
    // Page labels: the summary's, then the original pages numbered as the findings cite them.
    expect(pdf.labels).toEqual(['摘要 1', '1', '2', '3', '4', '5']);
  });

  it('keeps the original page labels (roman front matter), shifted past the summary', async () => {
    const doc = await PDFDocument.load(await blankPdf(5));
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'r' }, 2, { S: 'D' }] }));
    const out = await annotatedPdf(await doc.save(), sampleReport());
    expect((await readPdf(out.bytes)).labels).toEqual(['摘要 1', 'i', 'ii', '1', '2', '3']);
  });

  it('continues the summary on more pages when the findings do not fit on one', async () => {
    const report = sampleReport();
    const long = '合计不等于各项之和，'.repeat(12);
    report.findings = Array.from({ length: 80 }, (_, i) => finding(`f${i + 1}`, 'error', 'sum.rows', [{ page: 1 + (i % 5), bbox: [100, 100 + i * 8, 140, 106 + i * 8] }], { message: `${long}${i + 1}` }));
    const out = await annotatedPdf(await blankPdf(5), report);
    const pdf = await readPdf(out.bytes);
    expect(out.summaryPages).toBeGreaterThan(1);
    expect(pdf.pages).toBe(5 + out.summaryPages);
    const summary = pdf.text.slice(0, out.summaryPages).join('');
    for (let i = 1; i <= 80; i++) expect(summary, `entry ${i}`).toContain(`，${i}`);
    expect(pdf.annots.filter((a) => a.subtype === 'Link')).toHaveLength(80);
    expect(pdf.labels!.slice(out.summaryPages)).toEqual(['1', '2', '3', '4', '5']);
  });

  for (const rotate of [0, 90]) {
    it(`places the note icons in the margin, off every figure and cell of the page (rotation ${rotate})`, async () => {
      const report: Report = sampleReport();
      // Two findings on the same row, one on the row below: their notes must not cover each other either.
      report.findings.push(
        finding('f4', 'warning', 'sum.columns', [{ page: 2, bbox: [50, 120, 120, 136], tableId: 't1', row: 1, col: 0 }]),
        finding('f5', 'error', 'sum.columns', [{ page: 2, bbox: [130, 140, 200, 156], tableId: 't1', row: 2, col: 1 }]),
      );
      const out = await annotatedPdf(await blankPdf(5, rotate), report);
      const { annots } = await readPdf(out.bytes);
      const notes = annots.filter((a) => a.subtype === 'Text');
      expect(notes).toHaveLength(report.findings.length);
      for (const n of notes) {
        const page = n.page - out.summaryPages;
        const printed = [
          ...report.findings.flatMap((f) => f.refs.filter((r) => r.page === page).map((r) => r.bbox)),
          ...report.tables.flatMap((t) => t.rows.flat().filter((c) => c && c.page === page).map((c) => c!.bbox)),
        ];
        for (const b of printed) expect(overlaps(n.box, b), `${n.contents.slice(0, 5)} covers ${b}`).toBe(false);
        for (const other of notes) if (other !== n && other.page === n.page) expect(overlaps(n.box, other.box), `${n.box} ${other.box}`).toBe(false);
        // Beside its row: the icon's top is within a few rows of the figure's top.
        const f = report.findings.find((x) => n.contents.startsWith(`[${x.id}]`))!;
        expect(Math.abs(n.box[1] - f.refs[f.anchor].bbox[1])).toBeLessThan(3 * NOTE_SIZE);
        expect(n.box[2] - n.box[0]).toBeCloseTo(NOTE_SIZE, 1);
      }
    });
  }

  it('puts the notes left of the content when the right margin is too narrow, and stacks them when a row has several', () => {
    const placer = new NotePlacer(600, 800, [[60, 100, 590, 400]]);
    const a = placer.place([500, 120, 560, 136]);
    const b = placer.place([400, 120, 460, 136]);
    expect(a[2]).toBeLessThanOrEqual(60);
    expect(b[2]).toBeLessThanOrEqual(60);
    expect(overlaps(a, b)).toBe(false);
    expect(a[1]).toBe(120);
  });

  it('puts a note beyond the empty cells of its row when the margin has room, in them when it has not', () => {
    const printed: BBox[] = [[60, 100, 300, 400]];
    const drawn: BBox[] = [...printed, [300, 100, 500, 400]];
    expect(new NotePlacer(600, 800, printed, drawn).place([200, 120, 300, 136])[0]).toBeGreaterThanOrEqual(500);
    const full: BBox[] = [[2, 100, 300, 400], [300, 100, 598, 400]];
    const at = new NotePlacer(600, 800, [printed[0]], full).place([200, 120, 300, 136]);
    expect(at[0]).toBeGreaterThanOrEqual(300);
    expect(at[1]).toBe(120);
  });

  it('wraps mixed Chinese and English text to a width', () => {
    const measure = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
    const lines = wrapText('合计不等于各项之和 total does not equal', 6, measure);
    for (const l of lines) expect(measure(l)).toBeLessThanOrEqual(6);
    expect(lines.join('|')).toBe('合计不等于各|项之和 total|does not|equal');
  });

  it('gives the summary alone for an encrypted original, whose pages it cannot annotate legibly', async () => {
    const report = sampleReport();
    const out = await annotatedPdf(new Uint8Array(readFileSync(join(__dirname, '../../test/fixtures/bad/encrypted.pdf'))), report);
    const pdf = await readPdf(out.bytes);
    expect(pdf.pages).toBe(out.summaryPages);
    expect(out.notes).toBe(0);
    const text = pdf.text.join('').replace(/\s+/g, '');
    expect(text).toContain('原文件已加密');
    for (const f of report.findings) expect(text).toContain(f.message.replace(/\s+/g, ''));
  });

  it('keeps the original pages and skips refs on pages that do not exist', async () => {
    const report = sampleReport();
    report.findings[0].refs[0].page = 9;
    const out = await annotatedPdf(await blankPdf(5), report);
    const doc = await PDFDocument.load(out.bytes);
    expect(doc.getPageCount()).toBe(5 + out.summaryPages);
    expect(out.notes).toBe(report.findings.length - 1);
  });
});
