/**
 * The generator's promises, checked from the rendered document (cell and sentence texts), with
 * decimal.js, independently of how the model built them: every identity holds, the PDF renders,
 * a mutation changes exactly one number and says which, and everything is deterministic per seed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { LAYOUTS, cellText, generateDisclosure, launchBrowser, mutate, mutationPage, renderPdf, table } from './index';
import { D, checkFinalIdentities, checkIdentities, checkWholeYuan, grid, narrative } from './identities';
import { pageTexts } from './locate';
import { buildSample } from './sample';
import { fixCMap } from './tounicode';

const SEEDS: Array<[number | string, Parameters<typeof generateDisclosure>[1]]> = [
  [1, {}],
  [2, { carryOver: true, otherIncome: true }],
  [3, { unit: '元' }],
  [4, { bureau: '医疗保障局', carryOver: true }],
  [5, { bureau: '市场监督管理局', otherIncome: true }],
  [6, { bureau: '民政局', unit: '元', carryOver: true }],
  [7, { bureau: '统计局' }],
  [8, { bureau: '人民政府办公室', otherIncome: true, carryOver: true }],
  [9, { thousands: true, unit: '元' }],
  [10, { thousands: true, bureau: '民政局' }],
  [11, { bureau: '民政局', govFund: true }],
  [12, { bureau: '医疗保障局', govFund: true, carryOver: true, otherIncome: true, unit: '元' }],
  ['城关区', { bureau: '文化和旅游局', region: '城关区', year: 2024 }],
];

describe('consistent documents', () => {
  for (const [seed, options] of SEEDS) {
    it(`every identity holds (seed ${seed}, ${JSON.stringify(options)})`, () => {
      checkIdentities(generateDisclosure(seed, options));
    });
  }
  for (const [seed, options] of SEEDS.slice(0, 6)) {
    it(`every 决算 identity holds (seed ${seed}, ${JSON.stringify(options)})`, () => {
      const g = generateDisclosure(seed, { ...options, kind: '决算' });
      expect(g.model.kind).toBe('决算');
      checkFinalIdentities(g);
    });
  }

  it('every identity holds across 120 drawn seeds (all bureaus, units, kinds, options)', () => {
    for (let i = 0; i < 120; i++) {
      const kind = i % 3 === 2 ? '决算' : '预算';
      const g = generateDisclosure(`stress-${i}`, { kind, unit: i % 4 === 3 ? '元' : '万元' });
      try {
        if (kind === '决算') checkFinalIdentities(g);
        else checkIdentities(g);
      } catch (e) {
        throw new Error(`seed stress-${i} (${kind}): ${(e as Error).message}\n${(e as Error).stack?.split("\n").slice(1, 4).join("\n")}`);
      }
    }
  });

  it('unit-level (本级) copies repeat the department tables figure for figure', () => {
    const g = generateDisclosure(21, { unitCopies: true, bureau: '统计局' });
    checkIdentities(g);
    expect(g.model.units).toEqual([g.model.department]);
    const deptTables = g.document.blocks.filter((b) => b.type === 'table' && !b.id.startsWith('unit:'));
    expect(deptTables.length).toBe(11);
    for (const t of deptTables) {
      if (t.type !== 'table') continue;
      const u = table(g.document, `unit:${t.id}`);
      expect(u.title).not.toBe(t.title);
      expect(u.title).toMatch(/年单位/);
      expect(u.department).toBe(`${g.model.department}（本级）`);
      expect(u.body.map((r) => r.map((c) => cellText(g.document, c)))).toEqual(t.body.map((r) => r.map((c) => cellText(g.document, c))));
    }
    expect(g.html).toContain('单位名称：');
    const toc = g.document.blocks.find((b) => b.type === 'toc');
    expect(toc?.type === 'toc' && toc.entries.filter((e) => e.text.includes('单位')).length).toBeGreaterThanOrEqual(11);
  });

  it('uses codes whose names match the classification, with 2 decimals in 万元', () => {
    const g = generateDisclosure(4, { bureau: '医疗保障局', thousands: false });
    const gp = grid(g.document, 'gp-expenditure');
    const names = new Map(gp.rows.map((r) => [r.texts.slice(0, 3).join(''), r.label]));
    expect(names.get('2101501')).toBe('行政运行');
    expect(names.get('2080505')).toBe('机关事业单位基本养老保险缴费支出');
    expect(names.get('2101101')).toBe('行政单位医疗');
    expect(names.get('2210201')).toBe('住房公积金');
    const ba = grid(g.document, 'gp-basic');
    expect(ba.rows.find((r) => r.code === '30101')?.label).toBe('基本工资');
    expect(ba.rows.find((r) => r.code === '301')?.label).toBe('工资福利支出');
    for (const s of Object.values(g.document.slots)) if (s.kind === 'amount' && s.where === 'table') expect(s.text).toMatch(/^\d+\.\d{2}$/);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(generateDisclosure(11).html).toBe(generateDisclosure(11).html);
    expect(generateDisclosure(11).html).not.toBe(generateDisclosure(12).html);
    expect(mutate(generateDisclosure(11), 'x')).toEqual(mutate(generateDisclosure(11), 'x'));
  });

  it('a broken identity is caught by the checks above (the test can fail)', () => {
    const g = generateDisclosure(1);
    const slot = Object.values(g.document.slots).find((s) => s.tableId === 'expenditure' && s.row === '合计' && s.column === '基本支出')!;
    slot.text = D(slot.text).plus(1).toFixed(2);
    expect(() => checkIdentities(g)).toThrow();
    const f = generateDisclosure(1, { kind: '决算' });
    const closing = Object.values(f.document.slots).find((s) => s.tableId === 'fiscal' && s.row === '年末财政拨款结转和结余' && s.column === '支出 › 一般公共预算财政拨款')!;
    closing.text = D(closing.text).plus(1).toFixed(2);
    expect(() => checkFinalIdentities(f)).toThrow();
  });
});

describe('layout variants', () => {
  it('every layout prints the same document; whole-元 rounds each table figure from its exact 分', () => {
    for (let i = 0; i < 24; i++) {
      const kind = i % 3 === 2 ? '决算' : '预算';
      const unit = i % 2 ? '元' : '万元';
      const ruled = generateDisclosure(`layout-${i}`, { kind, unit });
      for (const layout of LAYOUTS) {
        if (layout === 'whole-yuan') {
          const g = generateDisclosure(`layout-${i}`, { kind, layout });
          try {
            checkWholeYuan(g);
          } catch (e) {
            throw new Error(`seed layout-${i} (${kind}, whole-yuan): ${(e as Error).message}`);
          }
          continue;
        }
        const g = generateDisclosure(`layout-${i}`, { kind, unit, layout });
        expect(g.model.layout).toBe(layout);
        expect(g.document.slots).toEqual(ruled.document.slots);
        // Every number of the document is printed in every layout.
        for (const s of Object.values(g.document.slots)) expect(g.html).toContain(s.text);
      }
    }
  });

  it('ruled is today’s drawing; the others change only how tables are drawn', () => {
    const html = Object.fromEntries(LAYOUTS.map((l) => [l, generateDisclosure(5, { layout: l, unit: l === 'whole-yuan' ? '元' : '万元' }).html]));
    expect(html.ruled).toBe(generateDisclosure(5).html);
    expect(html.ruled.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/<colgroup>|<i class=|class="[^"]*\bn[rl]\b|padding-left/);
    expect(html.ruled).toMatch(/<td class="num">\d+\.\d{2}<\/td>/);
    const cut = (h: string) => h.replace(/<table[\s\S]*?<\/table>/g, '<table/>');
    expect(cut(html['hrules-wrapped'])).toBe(cut(html.ruled));
    expect(cut(html['filled-rules'])).toBe(cut(html.ruled));
    expect(html['hrules-wrapped']).toContain('<colgroup>');
    expect(html['filled-rules']).toContain('<i class="rt"></i>');
    expect(html['whole-yuan']).toMatch(/<td class="num">\d+<\/td>/);
  });

  it('wps-split-codes: function codes as 类 | 款 | 项 fragments without rules between; indented-codes: one code column, names indented', () => {
    for (const once of [false, true]) {
      let seed = 0;
      while (generateDisclosure(`wps-${seed}`).model.codesOncePerGroup !== once) seed++;
      const g = generateDisclosure(`wps-${seed}`, { layout: 'wps-split-codes' });
      const t = table(g.document, 'expenditure');
      const section = g.html.slice(g.html.indexOf(`<div class="ttitle">${t.title}</div>`));
      const body = section.slice(0, section.indexOf('</table>'));
      expect(body).toContain('<th class="sub nr">类</th><th class="sub nl nr">款</th><th class="sub nl">项</th>');
      const item = t.rows.findIndex((r) => r.code?.length === 7);
      const code = t.rows[item].code!;
      const cls = once && t.rows[item - 1].code?.startsWith(code.slice(0, 3)) ? '' : code.slice(0, 3);
      const sec = once && t.rows[item - 1].code?.startsWith(code.slice(0, 5)) ? '' : code.slice(3, 5);
      expect(body).toContain(`<td class="nr">${cls}</td><td class="nl nr">${sec}</td><td class="nl">${code.slice(5)}</td><td>${t.rows[item].label}</td>`);
      expect(body).not.toContain(`<td>${code}</td>`);
    }
    const ind = generateDisclosure(5, { layout: 'indented-codes' }).html;
    const gp = ind.slice(ind.indexOf('一般公共预算支出表</div>'));
    const head = gp.slice(0, gp.indexOf('</thead>'));
    expect(head).toContain('<th rowspan="2">科目编码</th>');
    expect(head).not.toContain('>类<');
    expect(gp.slice(0, gp.indexOf('</table>'))).toMatch(/<td>\d{7}<\/td><td style="padding-left:24pt">/);
  });

  it('a typo shows in every layout', () => {
    for (const layout of LAYOUTS) {
      const g = generateDisclosure(9, { layout, unit: '元' });
      const m = mutate(g, `layout-typo-${layout}`, { where: 'table' });
      expect(m.html).toContain(`>${m.mutation.newText}<`);
      expect(m.html.replace(`>${m.mutation.newText}<`, '')).not.toBe(m.html);
      expect(m.html).toContain(layout === 'ruled' ? '<table class="layout-ruled">' : `layout-${layout}`);
    }
  });
});

describe('mutations', () => {
  const kinds = { transpose: 0, digit: 0, 'copy-next-row': 0, text: 0 };
  for (let i = 0; i < 40; i++) {
    it(`changes exactly one number and records it (case ${i})`, () => {
      const g = generateDisclosure(100 + (i % 8), { unit: i % 5 === 4 ? '元' : '万元', kind: i % 4 === 3 ? '决算' : '预算' });
      const { mutation: mu, overrides } = mutate(g, `m${i}`);
      kinds[mu.kind]++;
      if (mu.where === 'text') kinds.text++;
      // Exactly one slot differs.
      expect(Object.keys(overrides)).toEqual([mu.slotId]);
      const before = g.document.slots[mu.slotId];
      expect(mu.oldText).toBe(before.text);
      expect(mu.newText).not.toBe(mu.oldText);
      expect(mu.newText).toMatch(mu.oldText.includes(',') ? /^(0|[1-9]\d{0,2}(,\d{3})*)(\.\d+)?$/ : /^(0|[1-9]\d*)(\.\d+)?$/);
      expect(mu.newText.split('.')[1]?.length ?? 0).toBe(mu.oldText.split('.')[1]?.length ?? 0);
      expect(D(mu.delta).eq(D(mu.newText).minus(D(mu.oldText)))).toBe(true);
      // The typo is of the kind recorded.
      const a = mu.oldText;
      const b = mu.newText;
      const diff = [...a].map((c, k) => (c === b[k] ? -1 : k)).filter((k) => k >= 0);
      if (mu.kind === 'transpose') expect(diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]).toBe(true);
      if (mu.kind === 'digit') expect(diff.length).toBe(1);
      // Location recorded correctly.
      if (mu.where === 'table') {
        const t = table(g.document, mu.tableId!);
        expect(mu.table).toBe(t.title);
        const cell = t.body[mu.rowIndex!][mu.colIndex!];
        expect(cell.slot).toBe(mu.slotId);
        expect(mu.column).toBe(t.columns[mu.colIndex!]);
        expect(cellText(g.document, cell, overrides)).toBe(b);
        if (mu.kind === 'copy-next-row') expect(cellText(g.document, t.body[mu.rowIndex! + 1][mu.colIndex!])).toBe(b);
        const label = t.rows[mu.rowIndex!].label;
        expect(t.body[mu.rowIndex!].some((c) => c.text === mu.row) || label === mu.row).toBe(true);
      } else {
        expect(mu.sentence).toContain(a);
        const sentence = mu.sentence!;
        const positions = [...sentence.matchAll(new RegExp(a.replace('.', '\\.'), 'g'))].map((x) => x.index!);
        expect(positions.some((k) => sentence.slice(0, k) + b + sentence.slice(k + a.length) === mu.newSentence)).toBe(true);
        expect(narrative(g.document)).toContain(mu.sentence!);
        expect(mu.newSentence).toContain(b);
        expect(mu.newSentence!.length - mu.sentence!.length).toBe(b.length - a.length);
      }
      // The mutated document shows every other number unchanged.
      const all = g.document.order.filter((id) => (overrides[id] ?? g.document.slots[id].text) !== g.document.slots[id].text);
      expect(all).toEqual([mu.slotId]);
    });
  }
  it('covers every kind of typo and both tables and narrative', () => {
    expect(kinds.transpose).toBeGreaterThan(0);
    expect(kinds.digit).toBeGreaterThan(0);
    expect(kinds['copy-next-row']).toBeGreaterThan(0);
    expect(kinds.text).toBeGreaterThan(0);
  });
});

describe('PDF', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders a consistent and a mutated document to PDF whose text extracts as typed', async () => {
    const g = generateDisclosure('城关区', { bureau: '文化和旅游局', region: '城关区', year: 2024 });
    const pdf = await renderPdf(g.html, { browser });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const pages = await pageTexts(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.length).toBeLessThanOrEqual(25);
    expect(pages[0]).toContain('城关区文化和旅游局2024年部门预算');
    expect(pages.join('')).toContain('2024年部门收支总表');
    expect(pages.join('')).not.toMatch(/[\u2e80-\u2fdf]/);
    const r = mutate(g, 'pdf', { where: 'table', kinds: ['transpose'] });
    const mpdf = await renderPdf(r.html, { browser });
    const mpages = await pageTexts(mpdf);
    const titlePage = mpages.findIndex((p) => p.includes(r.mutation.table!));
    expect(titlePage).toBeGreaterThanOrEqual(0);
    expect(mpages.slice(titlePage).join('')).toContain(r.mutation.newText);
    const page = await mutationPage(mpdf, g, r.mutation);
    expect(page).toBeGreaterThan(titlePage);
    expect(mpages[page! - 1]).toContain(r.mutation.newText);
    expect(pages[page! - 1]).not.toContain(r.mutation.newText);
  });

  it('fixes radical code points in ToUnicode maps', () => {
    const cmap = '/CIDInit /ProcSet findresource begin\n2 beginbfchar\n<0003> <2F42>\n<0004> <2ED4>\nendbfchar\n1 beginbfrange\n<0005> <0006> <4E00>\nendbfrange\nendcmap';
    const fixed = fixCMap(cmap)!;
    expect(fixed).toContain('<0003> <6587>');
    expect(fixed).toContain('<0004> <95E8>');
    expect(fixed).toContain('<0006> <4E01>');
    expect(fixed.endsWith('endcmap')).toBe(true);
    expect(fixCMap('1 beginbfchar\n<0003> <6587>\nendbfchar\n')).toBeNull();
  });
});

describe('bundled sample', () => {
  it('plants six errors of different kinds, one of them an info-only 尾差, matching public/sample-manifest.json', () => {
    const s = buildSample();
    expect(s.planted.map((p) => p.kind)).toEqual(['total-not-sum', 'section-subtotal', 'cross-table', 'narrative-vs-table', 'share', 'rounding']);
    expect(s.planted.filter((p) => p.severity === 'info').map((p) => p.kind)).toEqual(['rounding']);
    for (const p of s.planted) {
      expect(s.overrides[p.slotId]).toBe(p.found);
      expect(p.found).not.toBe(p.expected);
      expect(s.generated.document.slots[p.slotId].text).toBe(p.expected);
    }
    const r = s.planted.find((p) => p.kind === 'rounding')!;
    expect(D(r.found).minus(D(r.expected)).abs().toFixed(2)).toBe('0.01');
    const path = new URL('../../public/sample-manifest.json', import.meta.url);
    if (existsSync(path)) {
      const manifest = JSON.parse(readFileSync(path, 'utf8'));
      expect(manifest.planted.map((p: { expected: string; found: string }) => [p.expected, p.found])).toEqual(s.planted.map((p) => [p.expected, p.found]));
      for (const p of manifest.planted) expect(p.page).toBeGreaterThan(0);
    }
  });
});
