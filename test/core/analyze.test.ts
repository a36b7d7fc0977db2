/**
 * The pipeline around the layout: progress reporting, cancellation, and inputs that are PDFs in
 * spite of odd bytes around them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzePdf, type Progress } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';

const PDF = join(__dirname, '..', 'fixtures', 'pdf');
const read = (name: string) => new Uint8Array(readFileSync(join(PDF, name)));

describe('analyzePdf', () => {
  it('reports progress: open, each page extracted in order, layout, check, done', async () => {
    const seen: Progress[] = [];
    const report = await analyzePdf(read('threepage.pdf'), { fileName: 'threepage.pdf', env: nodePdfEnvironment(), onProgress: (p) => seen.push(p) });
    expect(report.error).toBeUndefined();
    expect(seen.map((p) => p.stage)).toEqual(['open', 'extract', 'extract', 'extract', 'layout', 'check', 'done']);
    expect(seen.filter((p) => p.stage === 'extract').map((p) => [p.page, p.pages])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(seen[seen.length - 1]).toMatchObject({ stage: 'done', page: 3, pages: 3 });
  });

  it('an aborted signal gives a cancelled report, not a throw', async () => {
    const controller = new AbortController();
    controller.abort();
    const report = await analyzePdf(read('ruled.pdf'), { fileName: 'ruled.pdf', env: nodePdfEnvironment(), signal: controller.signal });
    expect(report.error?.code).toBe('cancelled');
    expect(report.tables).toEqual([]);
  });

  it('aborting after the first page stops before the second', async () => {
    const controller = new AbortController();
    const pagesDone: number[] = [];
    const report = await analyzePdf(read('threepage.pdf'), {
      fileName: 'threepage.pdf',
      env: nodePdfEnvironment(),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage !== 'extract') return;
        pagesDone.push(p.page);
        controller.abort();
      },
    });
    expect(report.error?.code).toBe('cancelled');
    expect(pagesDone).toEqual([1]);
  });

  it('junk before the %PDF- header (within 1 KB) is tolerated, as readers do', async () => {
    const pdf = read('wanyuan.pdf');
    const junk = new TextEncoder().encode('Content-Type: application/pdf\r\n\r\n');
    const bytes = new Uint8Array(junk.length + pdf.length);
    bytes.set(junk);
    bytes.set(pdf, junk.length);
    const report = await analyzePdf(bytes, { fileName: 'prefixed.pdf', env: nodePdfEnvironment() });
    expect(report.error).toBeUndefined();
    expect(report.tables.map((t) => t.title)).toEqual(['2023年一般公共预算财政拨款支出预算表']);
  });

  it('the same bytes analysed twice give the same tables', async () => {
    const bytes = read('multiheader.pdf');
    const env = nodePdfEnvironment();
    const [a, b] = await Promise.all([analyzePdf(bytes, { fileName: 'a.pdf', env }), analyzePdf(bytes, { fileName: 'a.pdf', env })]);
    expect(a.tables).toEqual(b.tables);
    expect(a.paragraphs).toEqual(b.paragraphs);
  });
});
