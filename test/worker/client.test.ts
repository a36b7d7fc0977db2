/**
 * The page side of page-parallel analysis, with stand-in workers: every page is handed out once,
 * to one worker; the report arrives in slices and is put back together; cancel and completion
 * terminate every worker of the job.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeInWorker, cancelledReport } from '../../src/worker/client';
import type { PageRequest, WorkerMessage } from '../../src/worker/protocol';
import type { Report } from '../../src/report/types';

class FakeWorker {
  static all: FakeWorker[] = [];
  /** How the stand-in answers; set per test. */
  static numPages = 9;
  onmessage: ((ev: MessageEvent<WorkerMessage>) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly pagesRead: number[] = [];
  readonly index: number;
  constructor() {
    this.index = FakeWorker.all.length;
    FakeWorker.all.push(this);
  }
  postMessage(m: PageRequest): void {
    if (this.terminated) throw new Error('message to a terminated worker');
    if (m.type === 'open') setTimeout(() => !this.terminated && this.send({ type: 'opened', numPages: FakeWorker.numPages }), 1);
    if (m.type === 'read') {
      for (const n of m.pages) {
        setTimeout(() => {
          if (this.terminated) return;
          this.pagesRead.push(n);
          // Every third page a scan (no text layer).
          this.send({ type: 'page-read', page: n, tables: 1, text: n % 3 !== 0 });
        }, 1 + (n % 3));
      }
    }
  }
  send(m: WorkerMessage): void {
    this.onmessage?.({ data: m } as MessageEvent<WorkerMessage>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const report = (file: string): Report => ({ ...cancelledReport(file), error: undefined, pages: FakeWorker.numPages });
const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

beforeEach(() => {
  FakeWorker.all = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

describe('analyzeInWorker (page-parallel)', () => {
  it('hands every page to exactly one worker, puts the sliced report together, and ends every worker', async () => {
    FakeWorker.numPages = 23;
    const seen: number[] = [];
    let textPages = 0;
    const job = analyzeInWorker('a.pdf', new Uint8Array([37, 80, 68, 70]), (p) => (seen.push(p.page), (textPages = p.textPages ?? -1)), undefined, { workers: 3 });
    expect(FakeWorker.all).toHaveLength(3);
    while (FakeWorker.all.reduce((n, w) => n + w.pagesRead.length, 0) < 23) await wait(5);
    const read = FakeWorker.all.flatMap((w) => w.pagesRead).sort((a, b) => a - b);
    expect(read).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(FakeWorker.all.filter((w) => w.pagesRead.length > 0).length).toBeGreaterThan(1);
    expect(Math.max(...seen)).toBe(23);
    // The pages with a text layer are counted (the page shows them before the report only then).
    expect(textPages).toBe(23 - 7);
    const whole = report('a.pdf');
    const t = { id: 't1', title: 'x', type: null, pages: [1], unit: null, headerRows: 0, columnHeaders: [], rows: [] };
    const assembler = FakeWorker.all[0];
    assembler.send({ type: 'report-part', tables: [t, { ...t, id: 't2' }] });
    assembler.send({ type: 'report-part', tables: [{ ...t, id: 't3' }], paragraphs: [{ page: 1, bbox: [0, 0, 1, 1], text: 'p' }] });
    assembler.send({ type: 'report', report: whole });
    const r = await job.result;
    expect(r.tables.map((x) => x.id)).toEqual(['t1', 't2', 't3']);
    expect(r.paragraphs.map((x) => x.text)).toEqual(['p']);
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
  });

  it('cancel terminates every worker of the job at once', async () => {
    FakeWorker.numPages = 50;
    const job = analyzeInWorker('b.pdf', new Uint8Array([37, 80, 68, 70]), () => {}, undefined, { workers: 4 });
    while (FakeWorker.all.reduce((n, w) => n + w.pagesRead.length, 0) < 3) await wait(2);
    job.cancel();
    expect(FakeWorker.all.slice(0, 4).every((w) => w.terminated)).toBe(true);
    expect((await job.result).error?.code).toBe('cancelled');
    const readAtCancel = FakeWorker.all.reduce((n, w) => n + w.pagesRead.length, 0);
    await wait(20);
    expect(FakeWorker.all.slice(0, 4).reduce((n, w) => n + w.pagesRead.length, 0)).toBe(readAtCancel);
  });

  it('a file that cannot be opened ends the job with its error', async () => {
    const job = analyzeInWorker('c.pdf', new Uint8Array([1]), () => {}, undefined, { workers: 2 });
    FakeWorker.all[1].send({ type: 'failed', error: { code: 'encrypted', message: '加密', messageEn: 'encrypted' } });
    expect((await job.result).error?.code).toBe('encrypted');
    expect(FakeWorker.all.slice(0, 2).every((w) => w.terminated)).toBe(true);
  });
});
