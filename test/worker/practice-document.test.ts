/**
 * public/practice.pdf, what the standby workers and the drawing side practise on while the
 * reviewer chooses a file (src/worker/client.ts): the sample printed in CID TrueType fonts, the
 * kind most real disclosures use, so the practice runs pdf.js's font code as a real document will.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import { fontKinds } from '../generator/pdf';

const read = (name: string) => new Uint8Array(readFileSync(new URL(`../../public/${name}`, import.meta.url)));

describe('the practice document', () => {
  it('is printed in CID TrueType fonts only (the sample is in Type 3 fonts)', async () => {
    expect(await fontKinds(read('practice.pdf'))).toEqual(['/Type0//CIDFontType2']);
    expect(await fontKinds(read('sample.pdf'))).toContain('/Type3');
  });

  it('is read as the sample is: the same tables and findings, so the practice runs every check the sample would', async () => {
    const env = nodePdfEnvironment();
    const [practice, sample] = await Promise.all([analyzePdf(read('practice.pdf'), { fileName: 'practice.pdf', env }), analyzePdf(read('sample.pdf'), { fileName: 'sample.pdf', env })]);
    expect(practice.error).toBeUndefined();
    const tables = (r: typeof sample) => r.tables.map((t) => `${t.pages.join(",")}:${t.type ?? '?'}:${t.rows.length}×${t.rows[0]?.length ?? 0}`);
    expect(tables(practice)).toEqual(tables(sample));
    const findings = (r: typeof sample) => r.findings.map((f) => `${f.rule}:${f.severity}:${f.actual ?? ''}:${f.expected ?? ''}`);
    expect(findings(sample).length).toBeGreaterThan(0);
    expect(findings(practice)).toEqual(findings(sample));
  }, 60_000);
});
