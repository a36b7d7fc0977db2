/**
 * Recognition of table structure on real published disclosures in ../shared/real/provinces: the
 * layouts that were misread (split 类 | 款 code columns of the economic classification, a 栏次 row
 * headed `**`, a list of function names without codes, bracketed codes, a total printed once over
 * two expenditure sides). Each expectation was read off the page with poppler's pdftotext -layout,
 * not taken from Gouji's output. The folder sits beside the repository on developer machines and
 * CI; a bare clone lacks it, and then there is nothing to read here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/core/analyze';
import { buildLayout } from '../../src/layout';
import { nodePdfEnvironment } from '../../src/pdf/node';
import { recognizeTables, type RecognizedTable } from '../../src/recognize/tables';

const PROVINCES = join(resolve(__dirname, '../../../shared'), 'real', 'provinces');
const YANTAI = join(PROVINCES, '山东烟台_市财政局_2026预算.pdf');
const HUZHOU = join(PROVINCES, '浙江湖州_市交通运输局_2026预算.pdf');
const ZHUHAI = join(PROVINCES, '广东珠海_财政局相关单位_2026预算.pdf');
const JIANGSU = join(PROVINCES, '江苏_省委办公厅_2018预算表.pdf');
const haveReal = [YANTAI, HUZHOU, ZHUHAI, JIANGSU].every((f) => existsSync(f));

async function recognized(file: string): Promise<RecognizedTable[]> {
  const pages = await extractDocument(new Uint8Array(readFileSync(file)), { fileName: file, env: nodePdfEnvironment() });
  return recognizeTables(buildLayout(pages).tables);
}

/** The one table whose title contains `title` and that starts on `page`. */
function tableOn(tables: RecognizedTable[], page: number, title: string): RecognizedTable {
  const found = tables.filter((t) => t.table.pages[0] === page && t.table.title.replace(/\s+/g, '').includes(title));
  expect(found.map((t) => t.table.title), `${title} on p.${page}: ${tables.map((t) => `${t.table.pages[0]}:${t.table.title}`).join(' | ')}`).toHaveLength(1);
  return found[0];
}

const codes = (rt: RecognizedTable, pane = 0) => rt.panes[pane].rows.filter((r) => r.kind === 'data').map((r) => r.code?.code ?? null);

describe.skipIf(!haveReal)('recognition on real provincial disclosures (../shared/real/provinces)', () => {
  describe('烟台 p.19 一般公共预算基本支出情况表: 类 | 款 of 部门经济分类 beside those of 政府经济分类', () => {
    let rt: RecognizedTable;
    beforeAll(async () => {
      rt = tableOn(await recognized(YANTAI), 19, '一般公共预算基本支出情况表');
    }, 120_000);
    it('joins the department pair into the row code and leaves the government pair aside', () => {
      // 301 | | 工资福利支出 | 501 | | 机关工资福利支出 ; 301 | 01 | 基本工资 | 501 | 01 | 工资奖金津补贴 …
      expect(codes(rt).slice(0, 3)).toEqual(['301', '30101', '30102']);
      // The second 301 heads the items paid through 505 对事业单位经常性补助.
      expect(codes(rt).slice(9, 12)).toEqual(['30113', '301', '30101']);
      expect(rt.panes[0].rows.filter((r) => r.code?.kind === 'economic')).toHaveLength(39);
      expect(rt.panes[0].rows[0]).toMatchObject({ kind: 'total', label: '合计' });
    });
  });

  describe('湖州 (Zhejiang)', () => {
    let tables: RecognizedTable[];
    beforeAll(async () => {
      tables = await recognized(HUZHOU);
    }, 120_000);
    it('p.24 收入预算总表: the 栏次 row “** 1 2 … 17” is a header row, not a row of figures', () => {
      const rt = tableOn(tables, 24, '收入预算总表');
      expect(rt.headerRows).toBe(3);
      expect(rt.columns[3].path).toEqual(['本年收入', '一般公共预算']);
      expect(rt.panes[0].rows[0]).toMatchObject({ kind: 'total', label: '合计' });
      expect(rt.panes[0].rows[1].label).toBe('湖州市交通运输局');
    });
    it('p.22 收支预算总表: the classes of a list of function names without codes', () => {
      const rt = tableOn(tables, 21, '收支预算总表');
      const side = rt.panes.find((p) => p.side === 'expenditure')!;
      const classes = side.rows.filter((r) => r.code).map((r) => `${r.code!.code} ${r.label}`);
      // 一般公共服务支出 0.64 › 社会工作事务 0.64 › 其他社会工作事务支出 0.64; 国防支出 16.50 › 国防动员 …
      expect(classes).toEqual([
        '201 一般公共服务支出',
        '203 国防支出',
        '205 教育支出',
        '208 社会保障和就业支出',
        '210 卫生健康支出',
        '213 农林水支出',
        '214 交通运输支出',
        '221 住房保障支出',
        '229 其他支出',
      ]);
    });
  });

  describe('珠海 (Guangdong)', () => {
    let tables: RecognizedTable[];
    beforeAll(async () => {
      tables = await recognized(ZHUHAI);
    }, 120_000);
    it('p.10: codes in square brackets before the name ([212]城乡社区支出)', () => {
      const rt = tableOn(tables, 10, '一般公共预算支出情况表');
      const rows = rt.panes.flatMap((p) => p.rows).filter((r) => r.code);
      expect(rows.map((r) => [r.code!.code, r.label])).toEqual([
        ['212', '城乡社区支出'],
        ['21201', '城乡社区管理事务'],
        ['2120106', '工程建设管理'],
      ]);
      // 小计 | 其中：基本支出 | 项目支出 stand beside their figures: one side, not three.
      expect(rt.panes).toHaveLength(1);
    });
    it('p.15: bare codes in a column the header does not name', () => {
      const rt = tableOn(tables, 15, '政府性基金预算支出情况表');
      expect(rt.panes).toHaveLength(1);
      expect(codes(rt).slice(0, 2)).toEqual(['212', '21298']);
    });
  });

  describe('江苏 省委办公厅 2018 p.3 收支预算总表: 支出合计 printed once over 功能分类 and 支出用途', () => {
    let rt: RecognizedTable;
    beforeAll(async () => {
      rt = tableOn(await recognized(JIANGSU), 3, '收支预算总表');
    }, 120_000);
    it('the total belongs to the side where its figure stands', () => {
      expect(rt.panes).toHaveLength(3);
      const [, functional, uses] = rt.panes;
      expect(functional.rows.filter((r) => r.kind === 'total')).toEqual([]);
      // 当年支出小计 | · | · | 24,458.43 and 支出合计 | · | · | 24,458.43: the label spans 功能分类's
      // figure column; the figure stands under 支出用途 (10,403.11 + 12,081.46 + 1,973.86 = 24,458.43).
      expect(uses.rows.filter((r) => r.kind !== 'blank').map((r) => r.label).slice(-3)).toEqual(['当年支出小计', '结转下年资金', '支出合计']);
      expect(uses.rows.filter((r) => r.kind === 'total').map((r) => r.label)).toEqual(['支出合计']);
    });
  });
});
