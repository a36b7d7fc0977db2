// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for Web Workers: records what the page spawns and posts, answers nothing. */
class FakeWorker {
  static spawned: FakeWorker[] = [];
  posted: { type: string; practice?: string; assembles?: boolean; rounds?: number; readers?: unknown[] }[] = [];
  terminated = false;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onerror: ((ev: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.spawned.push(this);
  }
  postMessage(m: FakeWorker['posted'][number]) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}

describe('standby analysis workers', () => {
  beforeEach(() => {
    FakeWorker.spawned = [];
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  });
  afterEach(() => {
    delete (globalThis as { Worker?: unknown }).Worker;
  });

  it('practise on the practice document when idle, and none is started while a document is being read', async () => {
    const client = await import('./client');
    const pool = client.poolSize();
    client.prepareWorker('http://app/pdfjs/');
    expect(FakeWorker.spawned).toHaveLength(pool);
    expect(FakeWorker.spawned.every((w) => w.posted[0]?.type === 'warm' && /practice\.pdf$/.test(w.posted[0]?.practice ?? ''))).toBe(true);
    // Each practises its part: the first one a job takes assembles, the others only read.
    expect(FakeWorker.spawned.map((w) => w.posted[0]?.assembles)).toEqual([true, ...Array(pool - 1).fill(false)]);

    // A document takes the standby workers; asking for new ones meanwhile starts none (they would take its cores).
    const job = client.analyzeInWorker('a.pdf', new Uint8Array([37, 80, 68, 70]), () => {}, 'http://app/pdfjs/');
    expect(FakeWorker.spawned).toHaveLength(pool);
    expect(FakeWorker.spawned.every((w) => w.posted.some((m) => m.type === 'open'))).toBe(true);
    const assemblers = FakeWorker.spawned.filter((w) => w.posted.some((m) => m.type === 'open' && m.readers));
    expect(assemblers).toEqual([FakeWorker.spawned[0]]);
    client.prepareWorker('http://app/pdfjs/');
    expect(FakeWorker.spawned).toHaveLength(pool);

    // Once it has ended (here: cancelled), its workers are gone and new standby workers may start.
    job.cancel();
    expect((await job.result).error?.code).toBe('cancelled');
    expect(FakeWorker.spawned.every((w) => w.terminated)).toBe(true);
    client.prepareWorker('http://app/pdfjs/');
    expect(FakeWorker.spawned).toHaveLength(2 * pool);
  });

  it('read the practice document several times while idle; scrolling or typing, not a click, tells them to read it no further than once', async () => {
    vi.resetModules();
    const client = await import('./client');
    client.prepareWorker('http://app/pdfjs/');
    const standby = [...FakeWorker.spawned];
    expect(standby.length).toBeGreaterThanOrEqual(2);
    expect(standby.every((w) => (w.posted[0]?.rounds ?? 1) >= 2)).toBe(true);
    const rests = () => standby.map((w) => w.posted.filter((m) => m.type === 'rest').length);

    // A click may be the reviewer choosing a file: the practice goes on.
    window.dispatchEvent(new Event('pointerdown'));
    expect(rests().every((n) => n === 0)).toBe(true);
    // A scroll draws pages: each standby worker is told once to start no further round.
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('wheel'));
    expect(rests().every((n) => n === 1)).toBe(true);

    // A job takes them; the next standby workers practise in full again, and rest at a key.
    const job = client.analyzeInWorker('a.pdf', new Uint8Array([37, 80, 68, 70]), () => {}, 'http://app/pdfjs/');
    job.cancel();
    await job.result;
    client.prepareWorker('http://app/pdfjs/');
    const next = FakeWorker.spawned.slice(standby.length);
    expect(next.length).toBe(standby.length);
    expect(next.every((w) => !w.posted.some((m) => m.type === 'rest'))).toBe(true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown' }));
    expect(next.every((w) => w.posted.filter((m) => m.type === 'rest').length === 1)).toBe(true);
    // The workers the job took were not told again.
    expect(rests().every((n) => n === 1)).toBe(true);
  });
});
