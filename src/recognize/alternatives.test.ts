import { describe, expect, it } from 'vitest';
import { recognizeDocument } from '.';
import { makeLayout, makeTable } from '../../test/rules/helpers';
import { EXPENDITURE } from '../../test/rules/fixtures';

const read = (grid: string[][]) => recognizeDocument(makeLayout([makeTable(grid, { title: '支出预算总表' })])).readings[0];

/** EXPENDITURE with row `r` printed over two lines: its code and name on one, its figures on the next. */
function splitRow(r: number, namesFirst: boolean): string[][] {
  const names = [EXPENDITURE[r][0], EXPENDITURE[r][1], '', '', ''];
  const figures = ['', '', ...EXPENDITURE[r].slice(2)];
  return [...EXPENDITURE.slice(0, r), ...(namesFirst ? [names, figures] : [figures, names]), ...EXPENDITURE.slice(r + 1)];
}

describe('alternative readings tried when a reading fails', () => {
  it('a figure line joined to its label line above: the table that failed as read is confirmed, nothing raised', () => {
    const r = read(splitRow(7, true));
    expect(r.evidence).toMatchObject({ confirmed: true, smallestFix: 0, alternative: '名称行并入其下数字行' });
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // The figures keep their row; the line of names is blank.
    const row = r.rt.table.rows[8];
    expect(row.map((c) => c?.text)).toEqual(['2101101', '行政单位医疗', '12.50', '12.50', '']);
  });

  it('…and to its label line below', () => {
    const r = read(splitRow(7, false));
    expect(r.evidence).toMatchObject({ confirmed: true, smallestFix: 0, alternative: '名称行并入其上数字行' });
  });

  it('a real typo in such a table is still found after the join', () => {
    const grid = splitRow(7, true);
    grid[8] = ['', '', '12.50', '12.00', ''];
    const r = read(grid);
    expect(r.evidence.confirmed).toBe(true);
    expect(r.evidence.suspects).toEqual([[8, 3]]);
  });

  it('a table read right as it stands tries no alternative', () => {
    expect(read(EXPENDITURE).evidence.alternative).toBeUndefined();
  });
});
