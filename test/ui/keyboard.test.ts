// @vitest-environment happy-dom
/** Keyboard paths: the sample button is not swallowed by the drop zone; the page strip is one Tab stop. */
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import StartPage from '../../src/ui/components/StartPage.vue';
import { makeI18n } from '../../src/i18n';
import { sampleReport } from './fixtures';

vi.mock('../../src/ui/pdf/display', () => ({
  openForDisplay: async () => ({ destroy: async () => undefined }),
  pageSizes: async () => Array.from({ length: 12 }, () => ({ width: 595, height: 842 })),
}));

describe('start page keyboard', () => {
  for (const key of ['Enter', ' ']) {
    it(`“${key === ' ' ? 'Space' : key}” on 试用示例 does not open the file picker`, async () => {
      const w = mount(StartPage, { global: { plugins: [makeI18n()] }, attachTo: document.body });
      const sample = w.find('[data-testid="sample-button"]');
      await sample.trigger('keydown', { key });
      await sample.trigger('keyup', { key });
      expect(w.emitted('pick')).toBeUndefined();
      await sample.trigger('click'); // what the browser does for Enter/Space on a button
      expect(w.emitted('sample')).toHaveLength(1);
      expect(w.emitted('pick')).toBeUndefined();
      w.unmount();
    });
  }

  it('the drop zone is not a control wrapping other controls', () => {
    const w = mount(StartPage, { global: { plugins: [makeI18n()] } });
    const zone = w.find('[data-testid="dropzone"]');
    expect(zone.attributes('role')).toBeUndefined();
    expect(zone.attributes('tabindex')).toBeUndefined();
  });
});

describe('page strip', () => {
  async function mountViewer(locale: 'zh' | 'en' = 'zh') {
    const { default: PageViewer } = await import('../../src/ui/components/PageViewer.vue');
    const w = mount(PageViewer, {
      props: { bytes: new Uint8Array([1]), findings: sampleReport().findings, cursorId: null, focusId: null, focusTick: 0, zoom: 1 },
      global: { plugins: [makeI18n(locale)], stubs: { PdfPage: true, HighlightLayer: true } },
      attachTo: document.body,
    });
    await flushPromises();
    return w;
  }

  it('is one Tab stop, with a spoken name per page', async () => {
    const w = await mountViewer();
    const items = w.findAll('[data-testid="page-nav-item"]');
    expect(items).toHaveLength(12);
    expect(items.filter((i) => i.attributes('tabindex') === '0')).toHaveLength(1);
    expect(items.filter((i) => i.attributes('tabindex') === '-1')).toHaveLength(11);
    expect(items[3].text()).toBe('第 4 页，1 个问题1'); // f3 is on page 4; the hidden words around the number, then the badge
    expect(items[4].text()).toBe('第 5 页');
    expect(items[3].find('.badge').attributes('aria-hidden')).toBe('true');
    w.unmount();
    const en = await mountViewer('en');
    expect(en.findAll('[data-testid="page-nav-item"]')[1].text()).toBe('Page 2, 2 findings2');
    en.unmount();
  });

  it('arrow keys move the Tab stop and the focus within the strip', async () => {
    const w = await mountViewer();
    const nav = w.find('[data-testid="page-nav"]');
    const stop = () => w.findAll('[data-testid="page-nav-item"]').findIndex((i) => i.attributes('tabindex') === '0') + 1;
    (w.find('[data-testid="page-nav-item"][tabindex="0"]').element as HTMLElement).focus();
    await nav.trigger('keydown', { key: 'Home' });
    await flushPromises();
    expect(stop()).toBe(1);
    await nav.trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    expect(stop()).toBe(2);
    expect((document.activeElement as HTMLElement).dataset.page).toBe('2');
    await nav.trigger('keydown', { key: 'End' });
    await flushPromises();
    expect(stop()).toBe(12);
    await nav.trigger('keydown', { key: 'ArrowDown' });
    await flushPromises();
    expect(stop()).toBe(12); // stays on the last page
    await nav.trigger('keydown', { key: 'Home' });
    await flushPromises();
    expect(stop()).toBe(1);
    expect((document.activeElement as HTMLElement).dataset.page).toBe('1');
    w.unmount();
  });

  it('the page scroller is reachable by keyboard and named', async () => {
    const w = await mountViewer();
    const sc = w.find('[data-testid="page-scroller"]');
    expect(sc.attributes('tabindex')).toBe('0');
    expect(sc.attributes('aria-label')).toBeTruthy();
    w.unmount();
  });
});
