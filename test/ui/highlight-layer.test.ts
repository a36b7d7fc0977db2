// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import HighlightLayer from '../../src/ui/components/HighlightLayer.vue';
import { makeI18n } from '../../src/i18n';
import { finding, sampleReport } from './fixtures';
import type { Finding } from '../../src/report/types';

/** Mounted as in the app: with vue-i18n (the boxes' names and messages follow the language). */
function mountLayer(props: { page: number; scale: number; findings: Finding[]; activeId?: string | null; pulseId?: string | null; pulseTick?: number }, locale: 'zh' | 'en' = 'zh') {
  return mount(HighlightLayer, { props, global: { plugins: [makeI18n(locale)] } });
}

const px = (v: string | undefined) => Number.parseFloat(v ?? 'NaN');

describe('HighlightLayer', () => {
  const findings = sampleReport().findings;

  for (const scale of [1, 1.37, 2]) {
    it(`puts one box per ref on the page at bbox × scale (scale ${scale})`, () => {
      const w = mountLayer({ page: 2, scale, findings });
      const boxes = w.findAll('[data-testid="highlight"]');
      const expected = findings.flatMap((f) => f.refs.map((r, i) => ({ f, r, i }))).filter((x) => x.r.page === 2);
      expect(boxes).toHaveLength(expected.length);
      for (const { f, r, i } of expected) {
        const box = boxes.find((b) => b.attributes('data-finding-id') === f.id && (b.attributes('data-primary') === 'true') === (i === 0))!;
        expect(box, `${f.id} ref ${i}`).toBeTruthy();
        const el = box.element as HTMLElement;
        expect(px(el.style.left)).toBeCloseTo(r.bbox[0] * scale, 3);
        expect(px(el.style.top)).toBeCloseTo(r.bbox[1] * scale, 3);
        expect(px(el.style.width)).toBeCloseTo((r.bbox[2] - r.bbox[0]) * scale, 3);
        expect(px(el.style.height)).toBeCloseTo((r.bbox[3] - r.bbox[1]) * scale, 3);
        expect(box.attributes('data-page')).toBe('2');
      }
    });
  }

  it('styles the primary ref differently from the other involved numbers, with an icon', () => {
    const w = mountLayer({ page: 2, scale: 1, findings });
    const f1 = w.findAll('[data-finding-id="f1"]');
    const primary = f1.filter((b) => b.classes().includes('hl-primary'));
    const involved = f1.filter((b) => b.classes().includes('hl-involved'));
    expect(primary).toHaveLength(1);
    expect(involved).toHaveLength(1); // the third ref is on page 3
    expect(primary[0].find('.hl-icon').exists()).toBe(true);
    expect(involved[0].find('.hl-icon').exists()).toBe(false);
    expect(primary[0].classes()).toContain('sev-error');
  });

  it('shows refs of a finding on their own page only', () => {
    const w = mountLayer({ page: 3, scale: 1, findings });
    const boxes = w.findAll('[data-testid="highlight"]');
    expect(boxes.map((b) => b.attributes('data-finding-id'))).toEqual(['f1']);
    expect(boxes[0].attributes('data-primary')).toBe('false');
  });

  it('reports every finding whose box sits on the hovered number', async () => {
    const r = sampleReport();
    // f2 also points at f1's total.
    r.findings[2].refs.push({ page: 2, bbox: [130.5, 120.5, 199.5, 135.5], text: '100.00', role: 'item' });
    const w = mountLayer({ page: 2, scale: 1, findings: r.findings });
    await w.find('[data-finding-id="f1"][data-primary="true"]').trigger('mouseenter');
    expect((w.emitted('hover')![0][0] as { id: string }[]).map((f) => f.id)).toEqual(['f1', 'f2']);
    await w.find('[data-finding-id="f1"][data-primary="true"]').trigger('mouseleave');
    expect(w.emitted('hover')![1][0]).toEqual([]);
  });

  it('emits hover and select, and marks the pulsing finding', async () => {
    const w = mountLayer({ page: 2, scale: 1, findings, pulseId: 'f2', pulseTick: 1 });
    const f2 = w.find('[data-finding-id="f2"]');
    expect(f2.classes()).toContain('hl-pulse');
    await f2.trigger('mouseenter');
    expect((w.emitted('hover')![0][0] as { id: string }[]).map((f) => f.id)).toEqual(['f2']);
    await f2.trigger('click');
    expect(w.emitted('select')![0][0]).toMatchObject({ id: 'f2' });
  });

  it('paints the boxes of the selected finding last, over the other findings stacked on the same figure', async () => {
    const r = sampleReport();
    // f2's primary box covers f1's total: two findings on one figure.
    r.findings[2].refs[0].bbox = [130, 120, 200, 136];
    const order = (w: ReturnType<typeof mount>) => w.findAll('[data-testid="highlight"]').map((b) => `${b.attributes('data-finding-id')}${b.attributes('data-primary') === 'true' ? '*' : ''}`);
    const w = mountLayer({ page: 2, scale: 1, findings: r.findings, activeId: 'f1' });
    expect(order(w).slice(-2)).toEqual(['f1', 'f1*']); // f1's involved then its primary, above f2's primary
    expect(w.find('[data-finding-id="f1"][data-primary="true"]').classes()).toContain('hl-active');
    await w.setProps({ activeId: 'f2' });
    expect(order(w).at(-1)).toBe('f2*');
  });

  it('draws the anchor solid when the arithmetic blames no figure (a narrative finding: its sentence, not the table figure)', () => {
    // refs[0] is the table figure it was compared with (page 2), the anchor its sentence (also page 2 here).
    const f = finding('n1', 'error', 'narrative.table', [
      { page: 2, bbox: [300, 200, 340, 212], tableId: 't1', row: 1, col: 1 },
      { page: 2, bbox: [80, 400, 260, 414], text: '4.59万元' },
    ], { anchor: 1 });
    const w = mountLayer({ page: 2, scale: 1, findings: [f] });
    const solid = w.findAll('[data-finding-id="n1"][data-primary="true"]');
    expect(solid).toHaveLength(1);
    expect((solid[0].element as HTMLElement).style.left).toBe('80px');
    expect(w.find('[data-finding-id="n1"][data-primary="false"]').element.getAttribute('style')).toContain('left: 300px');
  });

  it('draws the suspects solid when the arithmetic names the figures to blame', () => {
    const f = finding('s1', 'error', 'sum.rows', [
      { page: 2, bbox: [130, 120, 200, 136] },
      { page: 2, bbox: [130, 140, 200, 156] },
      { page: 2, bbox: [130, 160, 200, 176] },
    ], { anchor: 0, suspects: [2] });
    const w = mountLayer({ page: 2, scale: 1, findings: [f] });
    const solid = w.findAll('[data-primary="true"]').map((b) => (b.element as HTMLElement).style.top);
    expect(solid).toEqual(['160px']);
    expect(w.findAll('[data-primary="false"]')).toHaveLength(2);
  });

  it('names each box in the chosen language: severity, main or related figure, the message', () => {
    const zh = mountLayer({ page: 2, scale: 1, findings }, 'zh');
    const en = mountLayer({ page: 2, scale: 1, findings }, 'en');
    const name = (w: ReturnType<typeof mountLayer>, primary: boolean) => w.find(`[data-finding-id="f1"][data-primary="${primary}"]`).attributes('aria-label');
    expect(name(zh, true)).toBe('错误，主要数字：f1 合计不等于各项之和');
    expect(name(zh, false)).toBe('错误，相关数字：f1 合计不等于各项之和');
    expect(name(en, true)).toBe('Error, main figure: f1 total does not equal the sum of its items');
    expect(name(en, false)).toMatch(/^Error, related figure: /);
    // No Chinese left in the English names.
    for (const b of en.findAll('[data-testid="highlight"]')) expect(b.attributes('aria-label')).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});
