// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import FindingFilters from '../../src/ui/components/FindingFilters.vue';
import { emptyFilter, matchesFilter, type FindingFilter } from '../../src/ui/stores/review';
import { makeI18n } from '../../src/i18n';
import { sampleReport } from './fixtures';

const ids = (f: FindingFilter) => sampleReport().findings.filter((x) => matchesFilter(x, f)).map((x) => x.id).sort();

describe('matchesFilter', () => {
  it('keeps everything with an empty filter', () => expect(ids(emptyFilter())).toEqual(['f1', 'f2', 'f3']));
  it('filters by severity', () => expect(ids({ ...emptyFilter(), severities: ['error', 'info'] })).toEqual(['f1', 'f3']));
  it('filters by rule family', () => expect(ids({ ...emptyFilter(), families: ['cross'] })).toEqual(['f2']));
  it('filters by table', () => expect(ids({ ...emptyFilter(), tableId: 't2' })).toEqual(['f3']));
  it('searches messages, numbers and rules, all words must match', () => {
    expect(ids({ ...emptyFilter(), query: '39.99' })).toEqual(['f1']);
    expect(ids({ ...emptyFilter(), query: 'TEXT.amount' })).toEqual(['f3']);
    expect(ids({ ...emptyFilter(), query: 'f2 合计' })).toEqual(['f2']);
    expect(ids({ ...emptyFilter(), query: 'nothing-like-this' })).toEqual([]);
  });
});

describe('FindingFilters', () => {
  function mountFilters(model = emptyFilter()) {
    const r = sampleReport();
    return mount(FindingFilters, {
      props: { findings: r.findings, tables: r.tables, modelValue: model, 'onUpdate:modelValue': () => {} },
      global: { plugins: [makeI18n()] },
    });
  }

  it('shows counts per severity and toggles a severity', async () => {
    const w = mountFilters();
    expect(w.find('[data-testid="filter-severity-error"]').text()).toContain('1');
    await w.find('[data-testid="filter-severity-warning"]').trigger('click');
    const updates = w.emitted('update:modelValue') as FindingFilter[][];
    expect(updates.at(-1)![0].severities).toEqual(['warning']);
  });

  it('toggles a severity off again', async () => {
    const w = mountFilters({ ...emptyFilter(), severities: ['warning', 'error'] });
    await w.find('[data-testid="filter-severity-warning"]').trigger('click');
    expect((w.emitted('update:modelValue') as FindingFilter[][]).at(-1)![0].severities).toEqual(['error']);
  });

  it('offers one chip per rule family and the tables that have findings', async () => {
    const w = mountFilters();
    expect(w.findAll('.chip-family').map((c) => c.attributes('data-testid')).sort()).toEqual(['filter-family-cross', 'filter-family-sum', 'filter-family-text']);
    expect(w.find('[data-testid="filter-family-sum"]').text()).toContain('合计与小计'); // known family, named
    expect(w.find('[data-testid="filter-family-cross"]').text()).toContain('其他'); // unknown family: never the raw id
    expect(w.find('[data-testid="filter-family-cross"]').text()).not.toContain('cross');
    const options = w.findAll('[data-testid="filter-table"] option').map((o) => o.attributes('value'));
    expect(options).toEqual(['', 't1', 't2']);
    await w.find('[data-testid="filter-table"]').setValue('t2');
    expect((w.emitted('update:modelValue') as FindingFilter[][]).at(-1)![0].tableId).toBe('t2');
  });

  it('updates the query as the user types', async () => {
    const w = mountFilters();
    await w.find('[data-testid="filter-search"]').setValue('60.00');
    expect((w.emitted('update:modelValue') as FindingFilter[][]).at(-1)![0].query).toBe('60.00');
  });
});
