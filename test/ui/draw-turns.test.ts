import { describe, expect, it, vi } from 'vitest';
import { SLOW_DRAW_MS, takeDrawTurn } from '../../src/ui/pdf/draw-turns';

/** Records the order in which turns start. */
function recorder() {
  const started: string[] = [];
  const take = (name: string, inView: () => boolean) => {
    const turn = takeDrawTurn(inView);
    void turn.ready.then((go) => go && started.push(name));
    return turn;
  };
  return { started, take };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('draw turns', () => {
  it('draws one page at a time, the pages in view before those kept ready around them', async () => {
    const { started, take } = recorder();
    const above = take('page 1 (above)', () => false);
    const below = take('page 3 (below)', () => false);
    const shown = take('page 2 (in view)', () => true);
    await settle();
    // The first page asked for started before the others were known; then the one in view.
    expect(started).toEqual(['page 1 (above)']);
    above.release();
    await settle();
    expect(started).toEqual(['page 1 (above)', 'page 2 (in view)']);
    shown.release();
    await settle();
    expect(started).toEqual(['page 1 (above)', 'page 2 (in view)', 'page 3 (below)']);
    below.release();
  });

  it('asks again at each turn whether a waiting page has come into view', async () => {
    const { started, take } = recorder();
    const first = take('a', () => true);
    let scrolled = false;
    const b = take('b', () => false);
    const c = take('c', () => scrolled);
    scrolled = true;
    first.release();
    await settle();
    expect(started).toEqual(['a', 'c']);
    c.release();
    await settle();
    expect(started).toEqual(['a', 'c', 'b']);
    b.release();
  });

  it('a page released before its turn never draws, and does not hold up the others', async () => {
    const { started, take } = recorder();
    const a = take('a', () => true);
    const gone = takeDrawTurn(() => true);
    const c = take('c', () => true);
    gone.release();
    expect(await gone.ready).toBe(false);
    a.release();
    a.release(); // twice: still one turn given back
    await settle();
    expect(started).toEqual(['a', 'c']);
    const d = take('d', () => true);
    await settle();
    expect(started).toEqual(['a', 'c']);
    c.release();
    await settle();
    expect(started).toEqual(['a', 'c', 'd']);
    d.release();
  });
});

describe('a slow page', () => {
  it(`holds the others up for ${SLOW_DRAW_MS} ms at most, and gives back one turn only`, async () => {
    vi.useFakeTimers();
    try {
      const { started, take } = recorder();
      const huge = take('huge scan', () => true);
      const next = take('next', () => true);
      const last = take('last', () => true);
      await vi.advanceTimersByTimeAsync(SLOW_DRAW_MS - 1);
      expect(started).toEqual(['huge scan']);
      await vi.advanceTimersByTimeAsync(1);
      expect(started).toEqual(['huge scan', 'next']);
      // The slow page finishing later does not start a third page beside the second.
      huge.release();
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual(['huge scan', 'next']);
      next.release();
      await vi.advanceTimersByTimeAsync(0);
      expect(started).toEqual(['huge scan', 'next', 'last']);
      last.release();
    } finally {
      vi.useRealTimers();
    }
  });
});
