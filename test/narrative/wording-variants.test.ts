/**
 * The 说明 worded three ways (test/generator `phrasing` 0, 1, 2; issue 8): on consistent documents
 * the narrative, classification, consistency and wording rules raise no error or warning in any
 * phrasing (a document that writes 万 for 万元 gets exactly one wording.unit finding for the
 * habit); and 30 linkable narrative numbers changed the way typos happen are each found — the
 * changed figure among the refs of a loud finding. The full sweep is test/generator/wording-sweep.ts.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { generateDisclosure, launchBrowser, renderPdf, type GenerateOptions } from '../generator';
import { changeHits, changeSample, isBareWanHabit, loudNarrativeFindings, NARRATIVE_RULES } from '../generator/wording-evaluate';

const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

// 预算 and 决算, 万元 and 元 tables; the phrasing's own choices (万 for 万元 …) drawn from the seed
const DOCUMENTS: Array<[string, GenerateOptions]> = [
  ['wv-0', { kind: '预算', unit: '万元' }],
  ['wv-1', { kind: '预算', unit: '元' }],
  ['wv-2', { kind: '决算', unit: '万元' }],
  ['wv-3', { kind: '决算', unit: '元' }],
  ['wv-4', { kind: '预算', unit: '万元', otherIncome: true }],
  ['wv-5', { kind: '预算', unit: '元', govFund: true, bureau: '民政局' }],
];
const PHRASINGS = [0, 1, 2];

describe.skipIf(!existsSync(CHROMIUM))('the 说明 in three phrasings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const analyze = async (html: string, name: string): Promise<Report> => analyzePdf(await renderPdf(html, { browser }), { fileName: name, env: nodePdfEnvironment() });

  const cases = DOCUMENTS.flatMap(([seed, options]) => PHRASINGS.map((phrasing) => [seed, phrasing, options] as const));
  it.each(cases)('consistent %s in phrasing %s → no narrative/classification/consistency/wording error or warning', { timeout: 120_000 }, async (seed, phrasing, options) => {
    const g = generateDisclosure(seed, { ...options, phrasing });
    const report = await analyze(g.html, `${seed}-p${phrasing}.pdf`);
    expect(report.paragraphs.length).toBeGreaterThan(5);
    expect(loudNarrativeFindings(report, g).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    // 万 for 万元 is one habit: one finding for the document, every place a ref
    const habit = report.findings.filter((f) => NARRATIVE_RULES.test(f.rule) && isBareWanHabit(f));
    expect(habit.length).toBe(g.model.bareWan ? 1 : 0);
    if (g.model.bareWan) expect(habit[0].refs.length).toBeGreaterThan(5);
  });

  // 6 PDFs × 5 changes, each change in its own paragraph: 30 changed narrative numbers
  it.each(DOCUMENTS.map(([seed, options], k) => [seed, k % 3, options] as const))('5 narrative numbers changed in %s (phrasing %s) are each found', { timeout: 120_000 }, async (seed, phrasing, options) => {
    const g = generateDisclosure(seed, { ...options, phrasing });
    const { mutations, html } = changeSample(g, `${seed}-p${phrasing}-changes`, 5);
    expect(mutations.length).toBe(5);
    const report = await analyze(html, `${seed}-p${phrasing}-changed.pdf`);
    const missed = mutations.filter((m) => changeHits(report, m).length === 0).map((m) => `${m.oldText} → ${m.newText} in “${m.sentence}”`);
    expect(missed).toEqual([]);
  });
});
