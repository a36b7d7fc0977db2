/**
 * Generated disclosures (test/generator): on consistent documents — all identities hold, the
 * narrative agrees with the tables — the narrative, classification and wording rules raise no
 * error or warning; a number changed in the 说明 is found.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report } from '../../src/report/types';
import { generateDisclosure, launchBrowser, mutate, renderPdf } from '../generator';

const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';
const MINE = /^(narrative|classification|consistency|wording)\./;

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

// Needs headless Chromium to print the generated HTML (skipped where it is not installed).
describe.skipIf(!existsSync(CHROMIUM))('narrative rules on generated disclosures', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const analyze = async (html: string, name: string): Promise<Report> => analyzePdf(await renderPdf(html, { browser }), { fileName: name, env: nodePdfEnvironment() });
  const problems = (r: Report) => r.findings.filter((f) => f.severity !== 'info' && MINE.test(f.rule));

  it.each([
    [41, '预算', '万元'],
    [42, '预算', '元'],
    [43, '决算', '万元'],
    [44, '决算', '元'],
    [45, '预算', '万元'],
  ] as const)('consistent document seed %s (%s, %s) → no narrative error or warning', { timeout: 120_000 }, async (seed, kind, unit) => {
    const g = generateDisclosure(seed, { kind, unit });
    const report = await analyze(g.html, `gen-${seed}.pdf`);
    expect(report.paragraphs.length).toBeGreaterThan(5);
    expect(problems(report).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  // One number of the 说明 changed the way typos happen: the changed figure is among the refs of a
  // finding (an error or warning — or a 尾差 note when the change stays inside the rounding interval).
  it.each([101, 102, 103, 104, 105, 106, 107, 108])('a narrative number changed (seed %s) is found', { timeout: 120_000 }, async (seed) => {
    const kind = seed % 2 ? '预算' : '决算';
    const g = generateDisclosure(seed, { kind, unit: seed % 3 ? '万元' : '元' });
    const m = mutate(g, seed, { where: 'text' });
    const report = await analyze(m.html, `mut-${seed}.pdf`);
    const changed = m.mutation.newText.replace(/,/g, '');
    const hits = report.findings.filter((f) => f.refs.some((r) => r.text.replace(/,/g, '').includes(changed)));
    expect(hits.length, `${m.mutation.kind} ${m.mutation.oldText} → ${m.mutation.newText}`).toBeGreaterThan(0);
  });
});
