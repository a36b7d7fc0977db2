/** Page numbers are no text of the page: a sentence broken over the page goes on past them. */
import { describe, expect, it } from 'vitest';
import type { TextRun } from '../pdf/types';
import { layoutPage } from '.';

const run = (text: string, x0: number, y0: number, size = 14): TextRun => ({ text, bbox: [x0, y0, x0 + [...text].length * size, y0 + size], fontSize: size, fontName: 'f', vertical: false });

describe('page-number lines', () => {
  it('a footer 76 pt above the bottom of an A4 page is a page number, not the start of “413.11%”', () => {
    // 江苏省委办公厅 2019 说明 p. 6: “…各增加3205.79万元，增长” / 4 (footer) / p. 7 “13.11%。其中：”.
    const runs = [run('江苏省委办公厅2019年度收入、支出预算总计27664.22万元，与上年', 79, 680), run('相比收、支预算总计各增加3205.79万元，增长', 79, 706), run('4', 294, 766)];
    const layout = layoutPage({ page: 6, width: 595.22, height: 842, runs, rules: [] });
    expect(layout.paragraphs.map((p) => p.text).join('|')).not.toMatch(/(^|\|)4$|增长4/);
  });

  it('on a page scaled up (A4 printed on A3), the footer band grows with the page', () => {
    const runs = [run('相比收、支预算总计各增加3205.79万元，增长', 99, 885, 17.5), run('4', 367, 957, 17.5)];
    const layout = layoutPage({ page: 6, width: 744, height: 1052.5, runs, rules: [] });
    expect(layout.paragraphs.some((p) => p.text.trim() === '4' || p.text.endsWith('4'))).toBe(false);
  });
});
