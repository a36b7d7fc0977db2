/**
 * Display coordinates: a page stored portrait with /Rotate 90 (how many producers store landscape
 * tables) and a page with a CropBox must come out as the reader sees them — same table, boxes
 * inside the displayed page, origin at its top-left.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { degrees, PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { extractDocument } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { ReportTable } from '../../src/report/types';

const env = nodePdfEnvironment();
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'pdf', `${name}.pdf`));
const texts = (t: ReportTable) => t.rows.map((r) => r.map((c) => (c ? c.text : null)));

async function reference(name: string) {
  const report = await analyzePdf(new Uint8Array(fixture(name)), { fileName: `${name}.pdf`, env });
  return report.tables[0];
}

describe('page geometry', () => {
  it('a landscape table stored on a portrait page with /Rotate 90 rebuilds exactly as the upright one', async () => {
    const src = await PDFDocument.load(fixture('landscape'));
    const out = await PDFDocument.create();
    const [embedded] = await out.embedPdf(src, [0]);
    const { width: w, height: h } = embedded; // landscape: w > h
    expect(w).toBeGreaterThan(h);
    const page = out.addPage([h, w]);
    // Content drawn turned a quarter anticlockwise, page shown turned a quarter clockwise.
    page.drawPage(embedded, { x: h, y: 0, rotate: degrees(90) });
    page.setRotation(degrees(90));
    const bytes = await out.save();

    const expected = await reference('landscape');
    const report = await analyzePdf(bytes, { fileName: 'rotated.pdf', env });
    expect(report.error).toBeUndefined();
    const table = report.tables.find((t) => t.title === expected.title)!;
    expect(table).toBeDefined();
    expect(texts(table)).toEqual(texts(expected));
    expect(table.columnHeaders).toEqual(expected.columnHeaders);
    for (const row of table.rows) for (const c of row) {
      if (!c) continue;
      expect(c.bbox[0]).toBeGreaterThanOrEqual(-1);
      expect(c.bbox[2]).toBeLessThanOrEqual(w + 1); // displayed width is the landscape width
      expect(c.bbox[3]).toBeLessThanOrEqual(h + 1);
    }
    // Same place on the displayed page as in the upright original.
    const a = expected.rows[expected.headerRows][0]!.bbox;
    const b = table.rows[table.headerRows][0]!.bbox;
    for (let k = 0; k < 4; k++) expect(Math.abs(a[k] - b[k])).toBeLessThan(1);
  });

  it('a CropBox moves the origin to the crop\'s top-left', async () => {
    const doc = await PDFDocument.load(fixture('ruled'));
    const page = doc.getPage(0);
    const { width, height } = page.getSize();
    page.setCropBox(20, 30, width - 40, height - 50); // x, y (bottom-left), width, height
    const cropped = await doc.save();
    const [before] = await extractDocument(new Uint8Array(fixture('ruled')), { fileName: 'a.pdf', env });
    const [after] = await extractDocument(cropped, { fileName: 'b.pdf', env });
    expect(after.width).toBeCloseTo(width - 40, 3);
    expect(after.height).toBeCloseTo(height - 50, 3);
    const run = before.runs.find((r) => /\d/.test(r.text))!;
    const same = after.runs.find((r) => r.text === run.text && Math.abs(r.bbox[0] - (run.bbox[0] - 20)) < 0.5)!;
    expect(same).toBeDefined();
    // The crop's top edge is 30 + (height - 50) from the bottom, i.e. 20 below the page's top.
    expect(same.bbox[1]).toBeCloseTo(run.bbox[1] - 20, 3);
    expect(after.rules.length).toBe(before.rules.length);
  });
});
