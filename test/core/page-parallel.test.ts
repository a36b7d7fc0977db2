/**
 * Page-parallel analysis gives the same report as `analyzePdf`: every page read and laid out on
 * its own, in a shuffled order, copied as a worker message would be (structured clone), then
 * assembled. And a partly damaged file: the pages that parse are checked, the others listed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf, assembleReport, readPageLayout, type PageOutcome } from '../../src/core/analyze';
import { openPdf } from '../../src/pdf/load';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { makeTruncated } from './make-truncated';

const env = nodePdfEnvironment();
const FIXTURES = join(__dirname, '..', 'fixtures');
const REAL = resolve(__dirname, '../../../shared/real');
const read = (path: string) => new Uint8Array(readFileSync(path));

/** A fixed shuffle (seeded), so a failure can be reproduced. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function pageParallel(bytes: Uint8Array, fileName: string, seed: number): Promise<Report> {
  const started = Date.now();
  const doc = await openPdf(bytes, env);
  const order = shuffled(Array.from({ length: doc.numPages }, (_, i) => i + 1), seed);
  const outcomes: PageOutcome[] = [];
  for (const n of order) outcomes.push(structuredClone(await readPageLayout(doc, n, env.pdfjs)));
  await doc.destroy();
  return assembleReport(fileName, doc.numPages, outcomes, started);
}

const withoutTime = (r: Report) => ({ ...r, elapsedMs: 0 });

const fixtures = ['threepage.pdf', 'continued.pdf', 'sidebyside.pdf', 'changes.pdf'].map((f) => join(FIXTURES, 'pdf', f));
const real = existsSync(REAL)
  ? readdirSync(REAL).filter((f) => f.endsWith('.pdf')).sort().slice(0, 2).map((f) => join(REAL, f))
  : [];

describe('page-parallel analysis', () => {
  it.each(fixtures.map((f, i) => [f.split('/').pop()!, f, i + 1] as const))('%s: shuffled pages, assembled, give the analyzePdf report', async (name, file, seed) => {
    const bytes = read(file);
    const serial = await analyzePdf(bytes, { fileName: name, env });
    expect(serial.error).toBeUndefined();
    expect(serial.tables.length).toBeGreaterThan(0);
    expect(withoutTime(await pageParallel(bytes, name, seed))).toEqual(withoutTime(serial));
  });

  it.runIf(real.length > 0).each(real.map((f) => [f.split('/').pop()!, f] as const))('real %s: the same report page-parallel', async (name, file) => {
    const bytes = read(file);
    const serial = await analyzePdf(bytes, { fileName: name, env });
    expect(serial.findings.length + serial.tables.length).toBeGreaterThan(0);
    expect(withoutTime(await pageParallel(bytes, name, 7))).toEqual(withoutTime(serial));
  }, 120_000);
});

describe('a truncated PDF', () => {
  const truncated = read(join(FIXTURES, 'bad', 'truncated.pdf'));

  it('the committed fixture is what make-truncated.ts builds', async () => {
    expect(Buffer.from(await makeTruncated()).equals(Buffer.from(truncated))).toBe(true);
  });

  it('checks the pages that parse and lists the others in unreadPages', async () => {
    const report = await analyzePdf(truncated, { fileName: 'truncated.pdf', env });
    expect(report.error).toBeUndefined();
    // pdf.js walks the page tree until the first missing page and counts it as the last one.
    expect(report.pages).toBe(5);
    expect(report.unreadPages).toEqual([5]);
    // The tables of pages 1–4 (two of them continued over pages) are read and checked as in the whole file.
    const whole = await analyzePdf(read(join(FIXTURES, 'pdf', 'continued.pdf')), { fileName: 'truncated.pdf', env });
    expect(whole.unreadPages).toBeUndefined();
    const firstFour = whole.tables.filter((t) => t.pages.every((p) => p <= 4));
    expect(firstFour.map((t) => t.pages)).toEqual([[1, 2], [2, 3], [4]]);
    expect(firstFour.every((t) => (t.reading?.identities ?? 0) > 0)).toBe(true);
    expect(report.tables).toEqual(firstFour);
    expect(report.paragraphs).toEqual(whole.paragraphs.filter((p) => p.page <= 4));
      });

  it('page-parallel reading gives the same report as analyzePdf', async () => {
    const serial = await analyzePdf(truncated, { fileName: 'truncated.pdf', env });
    expect(withoutTime(await pageParallel(truncated, 'truncated.pdf', 3))).toEqual(withoutTime(serial));
  });

  it('when no page parses, the file-level error stays', () => {
    const outcomes: PageOutcome[] = [1, 2, 3].map((page) => ({ page, unread: 'Page dictionary kid reference points to wrong type of object.' }));
    expect(() => assembleReport('none.pdf', 3, outcomes, Date.now())).toThrowError(/damaged/);
  });
});
