/**
 * LibreOffice output (committed fixtures rendered by `npx tsx test/generator/libreoffice.ts`):
 * consistent documents drawn by LibreOffice Writer raise no error or warning of the table
 * families; a table typo is found, the typo cell among the refs (and the suspects, when named).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import { describeFinding, loudTableFindings, typoHits } from './evaluate';
import { LIBREOFFICE_DIR, type LibreOfficeFixture } from './libreoffice';

const manifest: LibreOfficeFixture[] = JSON.parse(readFileSync(join(LIBREOFFICE_DIR, 'manifest.json'), 'utf8'));
const read = (f: LibreOfficeFixture) => analyzePdf(new Uint8Array(readFileSync(join(LIBREOFFICE_DIR, f.file))), { fileName: f.file, env: nodePdfEnvironment() });

describe('LibreOffice output', () => {
  it('the fixtures are LibreOffice’s (its Producer string), consistent and typo copies alike, with and without borders', async () => {
    expect(manifest.filter((f) => !f.mutation && f.borders !== false).length).toBeGreaterThanOrEqual(4);
    expect(manifest.filter((f) => f.mutation && f.borders !== false).length).toBeGreaterThanOrEqual(12);
    expect(manifest.filter((f) => !f.mutation && f.borders === false).length).toBeGreaterThanOrEqual(4);
    expect(manifest.filter((f) => f.mutation && f.borders === false).length).toBeGreaterThanOrEqual(12);
    for (const f of manifest) {
      const pdf = await PDFDocument.load(readFileSync(join(LIBREOFFICE_DIR, f.file)), { updateMetadata: false });
      expect(pdf.getProducer()).toMatch(/^LibreOffice/);
    }
  });

  const bordered = manifest.filter((f) => f.borders !== false);
  const borderless = manifest.filter((f) => f.borders === false);

  it.each(bordered.filter((f) => !f.mutation).map((f) => [f.file, f] as const))('consistent %s → no table error or warning', { timeout: 60_000 }, async (_, f) => {
    const report = await read(f);
    expect(report.tables.length).toBeGreaterThan(5);
    expect(report.unchecked.filter((u) => /结构未能确认|续前页/.test(u.reason))).toEqual([]);
    expect(loudTableFindings(report).map((x) => describeFinding(report, x))).toEqual([]);
  });

  it.each(bordered.filter((f) => f.mutation).map((f) => [f.file, f] as const))('typo %s is found', { timeout: 60_000 }, async (_, f) => {
    const report = await read(f);
    const mu = f.mutation!;
    expect(typoHits(report, mu).length, `${mu.kind} ${mu.oldText} → ${mu.newText} in ${mu.table} / ${mu.row} / ${mu.column}`).toBeGreaterThan(0);
  });

  // Tables without any border (Writer drops the HTML's CSS borders): names wrapped and centred in
  // narrow cells, header words of neighbouring columns close together, rows broken over pages.
  // These documents were drawn after the first layout work on this class (tuned on other seeds)
  // and measured before the rest: 2 loud table findings over the 4 consistent documents and 7 of the
  // 12 typos found; after it (session 5), 1 loud finding (a project table whose continuation page
  // opens mid-row, its names in three text columns: a name fragment read against a 科目 code) and 9
  // of 12 typos found; session 6: 0 loud (a code's name is read after its code, not from the
  // 项目名称 / 项目类型 fragments before it) and 10 of 12 (a page repeating the header, its columns
  // found anew, laid under the page before's), then 12 of 12 (names wrapped over up to 8 lines between
  // two rows, a numbered name line no title, the row the break cut joined under the repeated header).
  // Six further documents drawn for this class after that work (not fixtures) had 0 loud findings.
  describe('without borders', () => {
    it.each(borderless.filter((f) => !f.mutation).map((f) => [f.file, f] as const))('consistent %s → no loud table finding', { timeout: 60_000 }, async (_, f) => {
      const report = await read(f);
      expect(report.tables.length).toBeGreaterThan(5);
      const found = loudTableFindings(report).map((x) => describeFinding(report, x));
      expect(found, found.join('\n')).toEqual([]);
    });

    const found: string[] = [];
    it.each(borderless.filter((f) => f.mutation).map((f) => [f.file, f] as const))('typo %s: found, or nothing raised from its table', { timeout: 60_000 }, async (_, f) => {
      const report = await read(f);
      const mu = f.mutation!;
      if (typoHits(report, mu).length > 0) {
        found.push(f.file);
        return;
      }
      // Missed: then nothing loud may point into the table the typo is in.
      const table = report.tables.find((t) => !!mu.table && t.title.includes(mu.table));
      if (table) expect(report.findings.filter((x) => x.severity !== 'info' && x.refs.some((r) => r.tableId === table.id)).map((x) => x.message)).toEqual([]);
    });
    it('every typo found', () => {
      expect(found.length).toBe(borderless.filter((f) => f.mutation).length);
    });
  });
});
