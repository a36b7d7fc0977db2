// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import TableView from '../../src/ui/components/TableView.vue';
import ReportSummary from '../../src/ui/components/ReportSummary.vue';
import { makeI18n } from '../../src/i18n';
import { sampleReport } from './fixtures';

describe('TableView', () => {
  it('shows every table with header rows, spans and the cells findings point at', async () => {
    const r = sampleReport();
    r.tables[0].rows[0][0]!.colSpan = 2;
    r.tables[0].rows[0][1] = null;
    const w = mount(TableView, { props: { tables: r.tables, findings: r.findings, unchecked: r.unchecked, cursorId: 'f1' }, global: { plugins: [makeI18n()] } });
    const tables = w.findAll('[data-testid="rebuilt-table"]');
    expect(tables.map((t) => t.attributes('data-table-id'))).toEqual(['t1', 't2']);
    const t1 = tables[0];
    const head = t1.find('tr.header-row th[data-row="0"][data-col="0"]');
    expect(head.attributes('colspan')).toBe('2');
    expect(t1.find('[data-row="0"][data-col="1"]').exists()).toBe(false);
    // f1: primary (1,1), involved (2,1); f2: primary (3,1). Other cells unmarked.
    expect(t1.find('[data-row="1"][data-col="1"]').classes()).toEqual(expect.arrayContaining(['cell-marked', 'cell-primary', 'sev-error', 'cell-cursor']));
    expect(t1.find('[data-row="2"][data-col="1"]').classes()).toEqual(expect.arrayContaining(['cell-marked', 'cell-involved']));
    expect(t1.find('[data-row="3"][data-col="1"]').classes()).toEqual(expect.arrayContaining(['cell-primary', 'sev-warning']));
    expect(t1.find('[data-row="2"][data-col="0"]').classes()).not.toContain('cell-marked');
    expect(t1.find('[data-row="1"][data-col="1"]').text()).toBe('100.00');
    // Unchecked reason is shown on its table.
    expect(tables[1].text()).toContain('无法识别表格类型');
    await t1.find('[data-row="3"][data-col="1"]').trigger('click');
    expect(w.emitted('select')![0]).toEqual(['f2']);
  });
});

describe('ReportSummary', () => {
  it('shows department, year, kind, pages, tables and findings by severity', () => {
    const w = mount(ReportSummary, { props: { report: sampleReport() }, global: { plugins: [makeI18n('en')] } });
    expect(w.find('[data-testid="summary-department"]').text()).toBe('某局');
    expect(w.find('[data-testid="summary-year"]').text()).toBe('2022');
    expect(w.find('[data-testid="summary-kind"]').text()).toBe('Budget');
    expect(w.find('[data-testid="summary-pages"]').text()).toBe('5');
    expect(w.find('[data-testid="summary-tables"]').text()).toBe('2');
    expect(w.find('[data-testid="summary-error"]').text()).toContain('1');
    expect(w.find('[data-testid="summary-unchecked"]').text()).toContain('Unknown table type');
  });
});
