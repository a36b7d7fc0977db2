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
});

export { mutate };
