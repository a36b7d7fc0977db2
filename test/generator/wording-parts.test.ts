/**
 * A 部门 document with 单位 parts, printed by Chromium and read by Gouji (issue 8): the parts are
 * found from the headings; a consistent document raises no narrative/consistency/wording error or
 * warning; a unit's 说明 meets only its own part's tables (a unit's figure changed to the
 * department's value of the same line is found, which a statement meeting every table would call
 * equal); the same wrong sentence in two parts is reported in each.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePdf, extractDocument } from '../../src/core/analyze';
import { assembleLayout, layoutPage } from '../../src/layout';
import { nodePdfEnvironment } from '../../src/pdf/node';
import { recognizeDocument } from '../../src/recognize';
import type { Report } from '../../src/report/types';
import { launchBrowser, renderPdf, type GeneratedDisclosure } from './index';
import { generatePartsDisclosure } from './wording-parts';
import { loudNarrativeFindings, NARRATIVE_RULES } from './wording-evaluate';

const CHROMIUM = process.env.GOUJI_CHROMIUM ?? '/usr/bin/chromium';
type Browser = Awaited<ReturnType<typeof launchBrowser>>;

/** The 收支总计 figure of the 说明 (a linkable amount the tables print). */
function totalSlot(g: GeneratedDisclosure): string {
  const slot = g.document.order.map((id) => g.document.slots[id]).find((s) => s.where === 'text' && s.kind === 'amount' && !s.unlinkable && /总计/.test(s.sentence ?? ''));
  if (!slot) throw new Error('no 总计 slot');
  return slot.id;
}

const squeeze = (s: string) => s.normalize('NFKC').replace(/[\s,]/g, '');

describe.skipIf(!existsSync(CHROMIUM))('a 部门 document with 单位 parts', () => {
  let browser: Browser;
  const env = nodePdfEnvironment();
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  const read = async (html: string, name: string) => {
    const bytes = await renderPdf(html, { browser });
    const pages = await extractDocument(bytes.slice(), { fileName: name, env });
    const recognized = recognizeDocument(assembleLayout(pages.map(layoutPage)));
    const report: Report = await analyzePdf(bytes, { fileName: name, env });
    return { recognized, report };
  };
  // a finding's refs in the text showing a figure, and the pages they stand on
  const textPages = (report: Report, figure: string, rule?: string) =>
    report.findings.filter((f) => f.severity !== 'info' && NARRATIVE_RULES.test(f.rule) && (!rule || f.rule === rule)).flatMap((f) => f.refs.filter((r) => r.tableId === undefined && squeeze(r.text).startsWith(squeeze(figure))).map((r) => r.page));

  it.each([0, 1])('consistent: a department and two units (phrasing %s) → parts found, no loud narrative finding', { timeout: 180_000 }, async (phrasing) => {
    const d = generatePartsDisclosure('parts-a', { kind: '预算', unit: '万元', phrasing, units: [{ name: '城东区示范服务中心' }, { name: '城东区示范管理所' }] });
    const { recognized, report } = await read(d.html, `parts-a-p${phrasing}.pdf`);
    expect(recognized.parts.map((p) => p.kind)).toEqual(['department', 'unit', 'unit']);
    // each part's 说明 has statements of its own part
    for (const p of recognized.parts) expect(recognized.statements.some((s) => s.scope.part?.index === p.index)).toBe(true);
    expect(loudNarrativeFindings(report, d.parts[0]).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('consistent 决算: a department and one unit → parts found, no loud narrative finding', { timeout: 180_000 }, async () => {
    const d = generatePartsDisclosure('parts-f', { kind: '决算', unit: '万元', phrasing: 1, units: [{ name: '城东区示范服务中心' }] });
    const { recognized, report } = await read(d.html, 'parts-f.pdf');
    expect(recognized.parts.map((p) => p.kind)).toEqual(['department', 'unit']);
    expect(loudNarrativeFindings(report, d.parts[0]).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });

  it('a unit’s 说明 meets only its own tables: its 总计 written as the department’s is found in the unit’s part', { timeout: 180_000 }, async () => {
    const base = generatePartsDisclosure('parts-b', { kind: '预算', unit: '万元', units: [{ name: '城东区示范服务中心' }] });
    const id = totalSlot(base.parts[0]);
    const deptText = base.parts[0].document.slots[id].text;
    const unitText = base.parts[1].document.slots[id].text;
    expect(deptText).not.toBe(unitText);
    const d = generatePartsDisclosure('parts-b', { kind: '预算', unit: '万元', units: [{ name: '城东区示范服务中心' }], overrides: [{}, { [id]: deptText }] });
    const { recognized, report } = await read(d.html, 'parts-b.pdf');
    const unitStart = recognized.parts[1].page;
    // the department's own sentence, right, is not reported; the unit's, wrong for its tables, is
    const pages = textPages(report, deptText, 'narrative.table');
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((p) => p >= unitStart)).toBe(true);
    const f = report.findings.find((x) => x.rule === 'narrative.table' && x.severity !== 'info' && x.refs.some((r) => r.tableId === undefined && squeeze(r.text).startsWith(squeeze(deptText))))!;
    // the table it was compared with is the unit's own
    expect(f.refs.filter((r) => r.tableId !== undefined).every((r) => r.page >= unitStart)).toBe(true);
  });

  it('the same wrong sentence in the department’s part and in its 本级 unit’s copy is reported in each', { timeout: 180_000 }, async () => {
    const base = generatePartsDisclosure('parts-c', { kind: '预算', unit: '万元', units: [{ name: '城东区示范局（本级）', copy: true }] });
    const id = totalSlot(base.parts[0]);
    const old = base.parts[0].document.slots[id].text;
    const wrong = (Number(old.replace(/,/g, '')) + 12.34).toFixed(old.split('.')[1]?.length ?? 0);
    const d = generatePartsDisclosure('parts-c', { kind: '预算', unit: '万元', units: [{ name: '城东区示范局（本级）', copy: true }], overrides: [{ [id]: wrong }, { [id]: wrong }] });
    const { recognized, report } = await read(d.html, 'parts-c.pdf');
    expect(recognized.parts.map((p) => p.kind)).toEqual(['department', 'unit']);
    const unitStart = recognized.parts[1].page;
    const pages = textPages(report, wrong, 'narrative.table');
    expect(pages.some((p) => p < unitStart)).toBe(true);
    expect(pages.some((p) => p >= unitStart)).toBe(true);
  });
});
