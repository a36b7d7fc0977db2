import { describe, expect, it } from 'vitest';
import { buildParagraphs } from './paragraphs';
import { locateText } from './locate';
import { makeLine } from './text';
import type { TextRun } from '../pdf/types';

const run = (text: string, x0: number, x1: number, y: number): TextRun => ({ text, bbox: [x0, y, x1, y + 10], fontSize: 10, fontName: 'f', vertical: false });

describe('locateText', () => {
  it('boxes a number inside a line of mixed Chinese and digits', () => {
    // "支出合计6220.67万元": 4 CJK (40pt) + 7 ASCII (38.5pt) + 2 CJK (20pt)
    const line = makeLine([run('支出合计6220.67万元', 100, 198.5, 50)], 1);
    const [p] = buildParagraphs([line], [], 595);
    const start = p.text.indexOf('6220.67');
    const hit = locateText(p, start, start + 7)!;
    expect(hit.page).toBe(1);
    expect(hit.bbox[0]).toBeCloseTo(140, 5);
    expect(hit.bbox[2]).toBeCloseTo(178.5, 5);
    expect(hit.bbox[1]).toBe(50);
  });

  it('spans two lines when the text wraps', () => {
    const a = makeLine([run('总额为6220', 100, 152, 50)], 1);
    const b = makeLine([run('.67万元。', 100, 142, 62)], 1);
    const [p] = buildParagraphs([a, b], [], 200);
    expect(p.text).toBe('总额为6220.67万元。');
    const start = p.text.indexOf('6220.67');
    const hit = locateText(p, start, start + 7)!;
    expect(hit.bbox[1]).toBe(50);
    expect(hit.bbox[3]).toBe(72);
  });

  it('returns null for an empty range', () => {
    const [p] = buildParagraphs([makeLine([run('abc', 0, 10, 0)], 1)], [], 100);
    expect(locateText(p, 1, 1)).toBeNull();
  });
});
