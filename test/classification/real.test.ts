/**
 * Classification by year on real published budgets (../shared/real/provinces). The 2017 Jiangsu
 * budgets print the names of the 2017 《政府收支分类科目》: 30307 医疗费 and 30311 住房公积金
 * (renamed 医疗费补助 / 代缴社会保险费 by the 2018 reform of the economic classification),
 * 30312 提租补贴 (abolished in 2018), 310 其他资本性支出 (资本性支出 from 2018), 20805
 * 行政事业单位离退休 (行政事业单位养老支出 from 2020). Judged against the 2022 edition they drew
 * 4 errors and 3 warnings each; judged against their own year they are right, and the findings go.
 * The 2026 Changchun budget keeps its two real slips, read off page 11 (pdftotext -layout):
 * `30208 物业管理费` (30208 is 取暖费, printed on the row above; 物业管理费 is 30209) and
 * `30213 维护（护）费` (officially 维修（护）费).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types';
import { useReport } from '../layout/helpers';

const PROVINCES = join(resolve(__dirname, '../../../shared'), 'real', 'provinces');
const file = (name: string) => join(PROVINCES, name);
// ../shared sits beside the repository on developer machines and CI; a bare clone lacks it.
const have = (name: string) => existsSync(file(name));

const classification = (r: Report) => r.findings.filter((f) => f.rule.startsWith('classification.'));
const loud = (r: Report) => classification(r).filter((f) => f.severity !== 'info');

/** The printed name beside `code` in the report's tables (first row whose first cell is the code). */
function nameBeside(r: Report, code: string): string | undefined {
  for (const t of r.tables) {
    for (const row of t.rows) {
      const texts = row.map((c) => c?.text.trim() ?? '');
      const at = texts.indexOf(code);
      if (at >= 0 && texts[at + 1]) return texts[at + 1];
    }
  }
  return undefined;
}

const JIANGSU_2017 = ['江苏_省人大办公厅_2017预算.pdf', '江苏_省委办公厅_2017预算表.pdf'];

for (const name of JIANGSU_2017) {
  describe.skipIf(!have(name))(`${name}: a 2017 budget judged by the 2017 classification`, () => {
    const report = useReport(file(name));
    it('is read as a 2017 budget whose tables print the 2017 names', () => {
      expect(report().document.year).toBe(2017);
      expect(nameBeside(report(), '30307')).toBe('医疗费');
      expect(nameBeside(report(), '30311')).toBe('住房公积金');
      expect(nameBeside(report(), '20805')).toBe('行政事业单位离退休');
    });
    it('raises no classification finding', () => {
      expect(classification(report()).map((f) => `${f.severity} ${f.message}`)).toEqual([]);
    });
  });
}

describe.skipIf(!have('江苏_省人大办公厅_2018预算.pdf'))('江苏_省人大办公厅_2018预算.pdf: the 2018 economic names, the pre-2020 function names', () => {
  const report = useReport(file('江苏_省人大办公厅_2018预算.pdf'));
  it('accepts 30113 住房公积金, 30114 医疗费 and 20805 行政事业单位离退休 in 2018', () => {
    expect(report().document.year).toBe(2018);
    expect(nameBeside(report(), '30113')).toBe('住房公积金');
    expect(nameBeside(report(), '30114')).toBe('医疗费');
    expect(loud(report()).map((f) => f.message)).toEqual([]);
  });
});

describe.skipIf(!have('吉林长春_市信访局_2026预算.pdf'))('吉林长春_市信访局_2026预算.pdf: two real slips on page 11', () => {
  const report = useReport(file('吉林长春_市信访局_2026预算.pdf'));
  it('reports 30208 物业管理费 (error) and 30213 维护（护）费 (warning), nothing else', () => {
    const f = loud(report()).map((x) => [x.severity, x.refs[0]?.page, x.expected, x.actual]);
    expect(f).toEqual([
      ['error', 11, '取暖费', '物业管理费'],
      ['warning', 11, '维修（护）费', '维护（护）费'],
    ]);
  });
});
