import { describe, expect, it } from 'vitest';
import { pageScales } from '../../src/ui/pdf/fit';

const A4 = { width: 595, height: 842 };
const A4_LANDSCAPE = { width: 842, height: 595 };
const A3_LANDSCAPE = { width: 1190, height: 842 };

describe('pageScales', () => {
  it('at 100 % draws every page of a mixed document as wide as the view', () => {
    // 湖州's mix: A4 narrative, A4 landscape tables, A3 landscape sheets.
    const sizes = [A4, A4, A4_LANDSCAPE, A3_LANDSCAPE, A4];
    const scales = pageScales(sizes, 1032, 1, 16);
    const drawn = sizes.map((s, i) => s.width * scales[i]);
    for (const w of drawn) expect(w).toBeCloseTo(1000, 0);
    // Fitted to the widest page instead, the A4 pages were half as wide as the view.
    expect(scales[0]).toBeCloseTo(2 * scales[3], 1);
  });

  it('zooms every page alike, within the fit bounds', () => {
    const [a, b] = pageScales([A4, A3_LANDSCAPE], 1032, 1.5, 16);
    expect(a).toBeCloseTo(1.5 * (1000 / 595), 2);
    expect(b).toBeCloseTo(1.5 * (1000 / 1190), 2);
    // A page far narrower than the view is not blown up past 3×; a huge one not shrunk under 0.2×.
    expect(pageScales([{ width: 100, height: 100 }, { width: 20000, height: 100 }], 1032, 1, 16)).toEqual([3, 0.2]);
  });

  it('on a phone, draws every page at the usual page’s scale (a landscape table scrolls sideways)', () => {
    const scales = pageScales([A4, A4, A4, A3_LANDSCAPE], 390, 1, 16);
    expect(new Set(scales).size).toBe(1);
    expect(A4.width * scales[0]).toBeCloseTo(358, 0);
    expect(A3_LANDSCAPE.width * scales[3]).toBeGreaterThan(390);
  });

  it('has nothing to scale without pages', () => {
    expect(pageScales([], 1032, 1, 16)).toEqual([]);
  });
});
