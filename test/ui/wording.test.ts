// @vitest-environment happy-dom
/** Honest wording: who is blamed, where a finding is listed, names instead of ids, plurals. */
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import FindingList from '../../src/ui/components/FindingList.vue';
import ReportSummary from '../../src/ui/components/ReportSummary.vue';
import TableView from '../../src/ui/components/TableView.vue';
import DocumentList from '../../src/ui/components/DocumentList.vue';
import { makeI18n, en as enMessages, zh as zhMessages } from '../../src/i18n';
import FindingFilters from '../../src/ui/components/FindingFilters.vue';
import { emptyFilter } from '../../src/ui/stores/review';
import { arithmetic, findingPage, sortFindings } from '../../src/export/describe';
import { findingsCsv, parseCsv, CSV_HEADER } from '../../src/export/csv';
import type { Finding } from '../../src/report/types';
import { finding, sampleReport, table } from './fixtures';
import { errorParts } from '../../src/ui/labels';
import { GoujiError } from '../../src/core/errors';

/** A narrative figure (说明, page 5) compared with a table figure (表7, page 15): the sentence is the anchor. */
function narrativeVsTable(suspects: number[] = []): Finding {
  return finding(
    'n1',
    'error',
    'narrative.table',
    [
      { page: 15, bbox: [300, 200, 340, 212], text: '4.84', tableId: 't7', row: 3, col: 2 },
      { page: 5, bbox: [100, 400, 160, 412], text: '1.84万元' },
    ],
    { expected: '4.84', actual: '1.84', difference: '-3', anchor: 1, suspects, message: '说明中公务接待费 1.84万元，表7 为 4.84万元', messageEn: 'The narrative says 1.84, table 7 prints 4.84' },
  );
}
const t7 = { ...table('t7', [['项目', '金额'], ['合计', '4.84']], [15]), title: '表7 2024年一般公共预算“三公”经费支出表' };
function withTextRole(f: Finding): Finding {
  f.refs[1].role = 'text';
  return f;
}

describe('blame wording', () => {
  it('names each source instead of “应为/实为” when no suspect is known', () => {
    const f = withTextRole(narrativeVsTable());
    expect(arithmetic(f, 'zh', [t7])).toBe('表7中 4.84 / 说明中 1.84 · 相差 3');
    expect(arithmetic(f, 'en', [t7])).toBe('table 7: 4.84 / text: 1.84 · differ by 3');
    expect(arithmetic(f, 'zh', [t7])).not.toMatch(/应为|实为/);
  });

  it('keeps “应为/实为” when the suspects name the figure to blame', () => {
    const f = withTextRole(narrativeVsTable([1]));
    expect(arithmetic(f, 'zh', [t7])).toBe('应为 4.84 · 实为 1.84 · 差额 -3');
  });

  it('two tables disagreeing: each table by its short name', () => {
    const a = { ...table('t3', [['x']], [11]), title: '表3 2024年部门支出总表' };
    const b = { ...table('t10', [['x']], [18]), title: '表10 2024年项目支出表' };
    const f = finding('c1', 'error', 'cross-table.same-quantity', [
      { page: 18, bbox: [1, 1, 2, 2], text: '788.66', tableId: 't10' },
      { page: 11, bbox: [1, 1, 2, 2], text: '878.66', tableId: 't3' },
    ], { expected: '878.66', actual: '788.66', difference: '90.00' });
    f.refs[0].role = 'item';
    f.refs[1].role = 'item';
    expect(arithmetic(f, 'zh', [a, b])).toBe('表10中 788.66 / 表3中 878.66 · 相差 90.00');
  });

  it('the list shows the sourced wording, in both languages', () => {
    const f = withTextRole(narrativeVsTable());
    const zh = mount(FindingList, { props: { findings: [f], total: 1, cursorId: null, tables: [t7] }, global: { plugins: [makeI18n('zh')] } });
    expect(zh.find('.finding-math').text()).toBe('表7中 4.84 / 说明中 1.84 · 相差 3');
    const en = mount(FindingList, { props: { findings: [f], total: 1, cursorId: null, tables: [t7] }, global: { plugins: [makeI18n('en')] } });
    expect(en.find('.finding-math').text()).toBe('table 7: 4.84 / text: 1.84 · differ by 3');
  });
});

describe('where a finding is listed', () => {
  it('under the page of its anchor (the sentence), in the list and the CSV', () => {
    const f = withTextRole(narrativeVsTable());
    expect(findingPage(f)).toBe(5);
    const w = mount(FindingList, { props: { findings: sortFindings([f]), total: 1, cursorId: null }, global: { plugins: [makeI18n('zh')] } });
    expect(w.find('.finding-group-head').text()).toBe('第 5 页');
    expect(w.find('[data-testid="finding"]').attributes('data-page')).toBe('5');
    const r = { ...sampleReport(), findings: [f] };
    const rows = parseCsv(findingsCsv(r));
    expect(rows[1][CSV_HEADER.indexOf('page')]).toBe('5');
  });

  it('sorts findings by their anchor page', () => {
    const f = withTextRole(narrativeVsTable());
    const g = finding('g', 'error', 'sum.rows', [{ page: 9, bbox: [1, 1, 2, 2] }]);
    expect(sortFindings([g, f]).map((x) => x.id)).toEqual(['n1', 'g']);
  });
});

describe('names, not ids', () => {
  it('shows rule names, never the raw rule id', () => {
    const f = withTextRole(narrativeVsTable());
    const zh = mount(FindingList, { props: { findings: [f], total: 1, cursorId: null }, global: { plugins: [makeI18n('zh')] } });
    expect(zh.text()).toContain('说明与报表一致');
    expect(zh.text()).not.toContain('narrative.table');
    const en = mount(FindingList, { props: { findings: [f], total: 1, cursorId: null }, global: { plugins: [makeI18n('en')] } });
    expect(en.text()).toContain('Narrative matches the tables');
  });

  it('translates the consistency family and never shows an unknown family id', () => {
    const r = sampleReport();
    r.findings = [finding('c', 'warning', 'consistency.toc', [{ page: 2, bbox: [1, 1, 2, 2] }])];
    const w = mount(ReportSummary, { props: { report: r }, global: { plugins: [makeI18n('zh')] } });
    expect(w.find('.families').text()).toContain('前后一致');
    expect(w.find('.families').text()).not.toContain('consistency');
  });

  it('shows table types by name, not GeneralBudgetExpenditure', () => {
    const tb = { ...table('t5', [['项目', '金额'], ['合计', '1.00']]), type: 'GeneralBudgetExpenditure' as const, title: '表5 一般公共预算支出表' };
    for (const [locale, name] of [['zh', '一般公共预算支出表'], ['en', 'General budget expenditure']] as const) {
      const w = mount(TableView, { props: { tables: [tb], findings: [], unchecked: [], cursorId: null }, global: { plugins: [makeI18n(locale)] } });
      expect(w.find('.table-meta').text()).toContain(name);
      expect(w.text()).not.toContain('GeneralBudgetExpenditure');
    }
  });
});

describe('plurals', () => {
  it('says “1 number involved” / “1 error”, not “1 numbers” or “1 errors”', () => {
    const f = finding('p', 'error', 'sum.rows', [{ page: 2, bbox: [1, 1, 2, 2] }, { page: 2, bbox: [3, 3, 4, 4] }]);
    const en = mount(FindingList, { props: { findings: [f], total: 1, cursorId: null }, global: { plugins: [makeI18n('en')] } });
    expect(en.find('.finding-meta').text()).toContain('2 numbers involved');
    const { t } = makeI18n('en').global;
    expect(t('findings.involved', { n: 1 }, 1)).toBe('1 number involved');
    expect(t('view.pageFindings', { n: 1 }, 1)).toBe(', 1 finding');
    expect(t('search.hits', { n: 1 }, 1)).toBe('1 hit');
    const r = sampleReport();
    r.findings = [f];
    const docs = mount(DocumentList, {
      props: { documents: [{ id: 'd1', name: 'a.pdf', status: 'done', report: r, bytes: null, progress: null, error: null } as never], activeId: null },
      global: { plugins: [makeI18n('en')] },
    });
    expect(docs.find('.mini.sev-error').text()).toBe('1 error');
  });
});

/** Every message as `key → text`, placeholders ({n}) removed. */
function messages(o: object, prefix = ''): [string, string][] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v.replace(/\{\w+\}/g, '')] as [string, string]] : messages(v as object, `${prefix}${k}.`)));
}

describe('one language at a time', () => {
  it('every English message is free of Chinese words and punctuation (the product name and the switch to 中文 aside)', () => {
    const mixed = messages(enMessages).filter(([k, v]) => k !== 'lang.switch' && /[\u3400-\u9fff\u3000-\u303f\uff01-\uff0a\uff0c\uff1a\uff1b\uff1f]/u.test(v.replace('勾稽', '')));
    expect(mixed).toEqual([]);
  });

  it('every Chinese message is free of English words (names of formats, keys and the product aside)', () => {
    const allowed = /^(Gouji|PDF|pdf|CSV|JSON|Excel|xlsx|Enter|Tab|Esc|Ctrl|English)$/;
    const mixed = messages(zhMessages).filter(([, v]) => (v.replace(/[\w-]+\.pdf/g, '').match(/[A-Za-z]{3,}/g) ?? []).some((w) => !allowed.test(w)));
    expect(mixed).toEqual([]);
  });

  it('both languages have the same keys', () => {
    expect(messages(enMessages).map(([k]) => k).sort()).toEqual(messages(zhMessages).map(([k]) => k).sort());
  });

  it('the table filter reads “Table: all” in English, with no Chinese colon', () => {
    const r = sampleReport();
    for (const [locale, want] of [['en', 'Table: all'], ['zh', '表格：全部']] as const) {
      const w = mount(FindingFilters, { props: { modelValue: emptyFilter(), findings: r.findings, tables: r.tables }, global: { plugins: [makeI18n(locale)] } });
      expect(w.find('select option').text()).toBe(want);
    }
  });
});

describe('failure messages', () => {
  it('keep pdf.js’s English words out of the Chinese message, as a separate detail', () => {
    const e = new GoujiError('damaged', 'Invalid PDF structure.').toReportError();
    expect(errorParts(e, 'zh')).toEqual({ text: 'PDF 文件已损坏，无法读取。', detail: 'Invalid PDF structure.' });
    expect(errorParts(e, 'en')).toEqual({ text: 'The PDF is damaged and cannot be read.', detail: 'Invalid PDF structure.' });
    // Without a detail, and with a Chinese remark in brackets, the message is whole.
    expect(errorParts(new GoujiError('empty').toReportError(), 'zh')).toEqual({ text: '文件为空（0 字节）。', detail: '' });
    expect(errorParts({ message: '未找到示例文件（sample.pdf）。', messageEn: 'x' }, 'zh').detail).toBe('');
  });
});

describe('words compared, not figures', () => {
  it('does not call a word no ref prints “computed” (计算得 万 / 计算得 万元): the message says what they are', () => {
    const f = finding('u1', 'warning', 'wording.unit', [{ page: 23, bbox: [1, 1, 2, 2], text: '1720.00万', role: 'text' }], { expected: '万元', actual: '万', difference: undefined });
    expect(arithmetic(f, 'zh')).toBe('');
    expect(arithmetic(f, 'en')).toBe('');
  });

  it('still names a derived figure as computed, and a printed word by where it stands', () => {
    const derived = finding('d1', 'error', 'narrative.growth', [{ page: 3, bbox: [1, 1, 2, 2], text: '12.5%', role: 'text' }], { expected: '10.00%', actual: '12.5%', difference: undefined });
    expect(arithmetic(derived, 'zh')).toBe('说明中 12.5% / 计算得 10.00%');
    const word = finding('r1', 'warning', 'consistency.reason-direction', [{ page: 3, bbox: [1, 1, 2, 2], text: '增加', role: 'text' }, { page: 3, bbox: [3, 1, 4, 2], text: '减少', role: 'text' }], { expected: '减少', actual: '增加', difference: undefined });
    expect(arithmetic(word, 'zh')).toBe('说明中 增加 / 说明中 减少');
  });
});

describe('two sources, no blame', () => {
  it('a table figure compared in another unit is that table’s figure converted, not “computed”; the gap has no sign', () => {
    const f = finding('n2', 'warning', 'narrative.table', [
      { page: 10, bbox: [1, 1, 2, 2], text: '873,617.00', tableId: 't3' },
      { page: 7, bbox: [3, 1, 4, 2], text: '887.36万元' },
    ], { expected: '87.3617', actual: '887.36', difference: '799.9983', anchor: 1 });
    f.refs[0].role = 'item';
    f.refs[1].role = 'text';
    const t3 = { ...table('t3', [['x']], [10]), title: '表3 2025年部门支出预算总表' };
    expect(arithmetic(f, 'zh', [t3])).toBe('表3中折合 87.3617 / 说明中 887.36 · 相差 799.9983');
    expect(arithmetic(f, 'en', [t3])).toBe('table 3 (converted): 87.3617 / text: 887.36 · differ by 799.9983');
  });

  it('the gap is the same whichever way the rule subtracted', () => {
    const f = withTextRole(narrativeVsTable());
    f.difference = '3';
    expect(arithmetic(f, 'zh', [t7])).toBe('表7中 4.84 / 说明中 1.84 · 相差 3');
  });
});
