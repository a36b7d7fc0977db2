import { describe, expect, it } from 'vitest';
import { PageRuns } from './page-runs';

/** Hands out every page, the workers asking in the given order (cycled), and records who got what. */
function drain(numPages: number, workers: number, order: number[], headShare?: number): number[][] {
  const q = new PageRuns(numPages, workers, headShare);
  const got: number[][] = Array.from({ length: workers }, () => []);
  const done = new Set<number>();
  for (let k = 0; done.size < workers; k++) {
    const i = order[k % order.length];
    if (done.has(i)) continue;
    const n = q.take(i);
    if (n === null) done.add(i);
    else got[i].push(n);
  }
  return got;
}

describe('PageRuns', () => {
  it('hands out every page exactly once, whatever the order the workers ask in', () => {
    for (const [pages, workers, order] of [
      [300, 2, [0, 1]],
      [300, 2, [0, 0, 0, 1]],
      [7, 3, [2, 2, 1, 0]],
      [1, 2, [1, 0]],
      [5, 6, [0, 1, 2, 3, 4, 5]],
      [101, 4, [3, 3, 3, 3, 3, 0, 1, 2]],
    ] as [number, number, number[]][]) {
      const all = drain(pages, workers, order).flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    }
  });

  it('deals the first tenth of the pages in turn, then gives each worker a run of consecutive pages', () => {
    const got = drain(300, 2, [0, 1]);
    const odd = Array.from({ length: 15 }, (_, i) => 2 * i + 1);
    expect(got[0]).toEqual([...odd, ...Array.from({ length: 135 }, (_, i) => i + 31)]);
    expect(got[1]).toEqual([...odd.map((n) => n + 1), ...Array.from({ length: 135 }, (_, i) => i + 166)]);
  });

  it('without a shared head, worker 0 reads from page 1', () => {
    const got = drain(10, 2, [1, 0], 0);
    expect(got[0]).toEqual([1, 2, 3, 4, 5]);
    expect(got[1]).toEqual([6, 7, 8, 9, 10]);
  });

  it('a worker done with its run takes the upper half of the largest run left', () => {
    const q = new PageRuns(100, 2, 0);
    // Worker 1 reads all of its run (51–100) while worker 0 has read pages 1–10.
    for (let i = 0; i < 10; i++) expect(q.take(0)).toBe(i + 1);
    for (let n = 51; n <= 100; n++) expect(q.take(1)).toBe(n);
    // Left: 11–50 with worker 0; worker 1 takes 31–50, worker 0 keeps 11–30.
    expect(q.take(1)).toBe(31);
    expect(q.take(0)).toBe(11);
  });
});
