// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import FindingList from '../../src/ui/components/FindingList.vue';
import { makeI18n } from '../../src/i18n';
import { sortFindings } from '../../src/export/describe';
import { sampleReport } from './fixtures';

function mountList(cursorId: string | null = null, locale: 'zh' | 'en' = 'zh') {
  const findings = sortFindings(sampleReport().findings);
  return mount(FindingList, {
    props: { findings, total: findings.length, cursorId },
    global: { plugins: [makeI18n(locale)] },
  });
}

describe('FindingList', () => {
  it('lists findings grouped and ordered by page with severity and page attributes', () => {
    const w = mountList();
    const items = w.findAll('[data-testid="finding"]');
    expect(items.map((i) => i.attributes('data-finding-id'))).toEqual(['f1', 'f2', 'f3']);
    expect(items.map((i) => i.attributes('data-page'))).toEqual(['2', '2', '4']);
    expect(items.map((i) => i.attributes('data-severity'))).toEqual(['error', 'warning', 'info']);
    expect(w.findAll('.finding-group-head').map((h) => h.text())).toEqual(['第 2 页', '第 4 页']);
    expect(items[0].find('.finding-math').text()).toBe('合计 100.00 / 各项之和 99.99 · 相差 0.01'); // no suspect: neither side blamed
    expect(items[1].find('.finding-math').exists()).toBe(false);
  });

  it('shows the English message when the locale is English', () => {
    const w = mountList(null, 'en');
    expect(w.find('[data-testid="finding"]').text()).toContain('total does not equal');
    expect(w.find('.finding-group-head').text()).toBe('Page 2');
  });

  it('moves the cursor with the arrow keys and locates with Enter', async () => {
    const w = mountList('f1');
    const list = w.find('[data-testid="finding-list"]');
    await list.trigger('keydown', { key: 'ArrowDown' });
    expect(w.emitted('cursor')!.at(-1)).toEqual(['f2']);
    await w.setProps({ cursorId: 'f3' });
    await list.trigger('keydown', { key: 'ArrowDown' });
    expect(w.emitted('cursor')!.at(-1)).toEqual(['f3']); // stays on the last one
    await list.trigger('keydown', { key: 'ArrowUp' });
    expect(w.emitted('cursor')!.at(-1)).toEqual(['f2']);
    await list.trigger('keydown', { key: 'Enter' });
    expect(w.emitted('select')!.at(-1)).toEqual(['f3']);
  });

  it('emits select on click and marks the cursor item', async () => {
    const w = mountList('f2');
    expect(w.find('[data-finding-id="f2"]').classes()).toContain('is-cursor');
    await w.find('[data-finding-id="f3"]').trigger('click');
    expect(w.emitted('select')!.at(-1)).toEqual(['f3']);
  });

  it('says so when there are no findings', () => {
    const w = mount(FindingList, { props: { findings: [], total: 0, cursorId: null }, global: { plugins: [makeI18n()] } });
    expect(w.find('[data-testid="no-findings"]').exists()).toBe(true);
    expect(w.findAll('[data-testid="finding"]')).toHaveLength(0);
  });
});

describe('FindingList: long messages', () => {
  it('shows the first lines of a long message until its finding is selected, the whole text always in the DOM', async () => {
    const findings = sortFindings(sampleReport().findings);
    const long = '合计数与各项之和不符，'.repeat(20);
    findings[0] = { ...findings[0], message: long };
    const w = mount(FindingList, { props: { findings, total: findings.length, cursorId: null }, global: { plugins: [makeI18n('zh')] } });
    const msg = () => w.find('[data-finding-id="f1"] .finding-msg');
    expect(msg().classes()).toContain('clamped');
    expect(msg().attributes('title')).toBe('选中后显示全文');
    expect(msg().text()).toBe(long);
    // A short message is never cut.
    expect(w.find('[data-finding-id="f2"] .finding-msg').classes()).not.toContain('clamped');
    await w.setProps({ cursorId: 'f1' });
    expect(msg().classes()).not.toContain('clamped');
    expect(msg().attributes('title')).toBeUndefined();
  });
});
