// @vitest-environment happy-dom
/** Search in the document's own text, and the notice for pages that could not be read. */
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ReportSummary from '../../src/ui/components/ReportSummary.vue';
import { makeI18n } from '../../src/i18n';
import { searchDocument } from '../../src/ui/search';
import { sampleReport } from './fixtures';

vi.mock('../../src/ui/pdf/display', () => ({
  openForDisplay: async () => ({ destroy: async () => undefined }),
  pageSizes: async () => Array.from({ length: 5 }, () => ({ width: 595, height: 842 })),
}));

function reportWithText() {
  const r = sampleReport();
  r.paragraphs = [
    { page: 1, bbox: [50, 60, 500, 90], text: '2024年支出预算合计1,178.59万元，其中基本支出299.93万元' },
    { page: 3, bbox: [50, 300, 500, 330], text: '三公经费预算４．５９万元' },
  ];
  return r;
}

describe('searchDocument', () => {
  it('finds paragraphs and table cells, ignoring width, separators and case; in page order', () => {
    const r = reportWithText();
    expect(searchDocument(r, '1178.59').map((h) => h.page)).toEqual([1]);
    expect(searchDocument(r, '4.59').map((h) => [h.page, h.bbox])).toEqual([[3, [50, 300, 500, 330]]]);
    const cells = searchDocument(r, '60.00');
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ page: 2, text: '60.00' });
    expect(searchDocument(r, '合计').map((h) => h.page)).toEqual([1, 2]); // the sentence and the table's 合计 cell
    expect(searchDocument(r, '  ')).toEqual([]);
    expect(searchDocument(r, 'nowhere')).toEqual([]);
  });

  it('draws the hits on their pages at bbox × scale, the current one marked', async () => {
    const { default: PageViewer } = await import('../../src/ui/components/PageViewer.vue');
    const r = reportWithText();
    const hits = searchDocument(r, '合计');
    const w = mount(PageViewer, {
      props: { bytes: new Uint8Array([1]), findings: [], cursorId: null, focusId: null, focusTick: 0, zoom: 1, hits, hitIndex: 1 },
      global: { plugins: [makeI18n()], stubs: { PdfPage: true, HighlightLayer: true } },
    });
    await flushPromises();
    const scale = Number(w.find('[data-testid="page"]').attributes('data-scale'));
    const boxes = w.findAll('[data-testid="search-hit"]');
    expect(boxes.map((b) => b.attributes('data-page'))).toEqual(['1', '2']);
    const el = boxes[0].element as HTMLElement;
    expect(Number.parseFloat(el.style.left)).toBeCloseTo(50 * scale, 3);
    expect(Number.parseFloat(el.style.top)).toBeCloseTo(60 * scale, 3);
    expect(boxes[1].classes()).toContain('current');
    expect(boxes[0].classes()).not.toContain('current');
  });
});

describe('unread pages notice', () => {
  it('lists the pages that could not be read, in both languages', () => {
    const r = { ...sampleReport(), unreadPages: [7, 8] };
    const zh = mount(ReportSummary, { props: { report: r }, global: { plugins: [makeI18n('zh')] } });
    expect(zh.find('[data-testid="unread-pages"]').text()).toContain('第 7、8 页无法解析');
    const en = mount(ReportSummary, { props: { report: r }, global: { plugins: [makeI18n('en')] } });
    expect(en.find('[data-testid="unread-pages"]').text()).toContain('Pages 7, 8 could not be parsed');
    const one = mount(ReportSummary, { props: { report: { ...r, unreadPages: [3] } }, global: { plugins: [makeI18n('en')] } });
    expect(one.find('[data-testid="unread-pages"]').text()).toContain('Page 3 could not be parsed');
  });

  it('shows nothing when every page was read', () => {
    const w = mount(ReportSummary, { props: { report: sampleReport() }, global: { plugins: [makeI18n()] } });
    expect(w.find('[data-testid="unread-pages"]').exists()).toBe(false);
  });
});
