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
  it('the fixtures are LibreOffice’s (its Producer string), consistent and typo copies alike', async () => {
    expect(manifest.filter((f) => !f.mutation).length).toBeGreaterThanOrEqual(4);
    expect(manifest.filter((f) => f.mutation).length).toBeGreaterThanOrEqual(12);
    for (const f of manifest) {
      const pdf = await PDFDocument.load(readFileSync(join(LIBREOFFICE_DIR, f.file)), { updateMetadata: false });
      expect(pdf.getProducer()).toMatch(/^LibreOffice/);
    }
  });

  it.each(manifest.filter((f) => !f.mutation).map((f) => [f.file, f] as const))('consistent %s → no table error or warning', { timeout: 60_000 }, async (_, f) => {
    const report = await read(f);
    expect(report.tables.length).toBeGreaterThan(5);
    expect(report.unchecked.filter((u) => /结构未能确认|续前页/.test(u.reason))).toEqual([]);
    expect(loudTableFindings(report).map((x) => describeFinding(report, x))).toEqual([]);
  });

  it.each(manifest.filter((f) => f.mutation).map((f) => [f.file, f] as const))('typo %s is found', { timeout: 60_000 }, async (_, f) => {
    const report = await read(f);
    const mu = f.mutation!;
    expect(typoHits(report, mu).length, `${mu.kind} ${mu.oldText} → ${mu.newText} in ${mu.table} / ${mu.row} / ${mu.column}`).toBeGreaterThan(0);
  });
});
