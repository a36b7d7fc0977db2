/**
 * End-to-end test of the built app in Debian Chromium (playwright-core): build, serve dist/ from a
 * sub-path on 127.0.0.1, then drive the page like a reviewer would. Run with `npm run test:e2e`.
 * Prints `e2e: N passed, M failed` and exits non-zero on any failure.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import type { Finding, Report } from '../../src/report/types';
import { parseCsv, CSV_HEADER } from '../../src/export/csv';
import { anchorRef, primaryRefs } from '../../src/export/describe';
import { nodePdfEnvironment } from '../../src/pdf/node';
import { launch } from './browser';
import { cancelAnalysis, parallelChecks } from './parallel';
import { serveDir } from './server';
import { vitePreview } from './preview';
import { checkAccessibility, checkKeyboard, checkKeyboardFlow, checkLanguages, checkNavigation, checkPhone } from './review-ui';
import { appearances, ARTIFACTS, BAD, build, cliReport, longPdf, recordAppearances, ROOT, SAMPLE, seedFiles } from './harness';

let passed = 0;
let failed = 0;
const failures: string[] = [];

/** E2E_FOCUS=regex runs only the checks whose names match (while iterating; the full run ignores it). */
const FOCUS = process.env.E2E_FOCUS ? new RegExp(process.env.E2E_FOCUS, 'i') : null;

async function check(name: string, fn: () => Promise<void>): Promise<void> {
  if (FOCUS && !FOCUS.test(name)) return;
  const t0 = Date.now();
  try {
    await fn();
    passed++;
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    failed++;
    const msg = `${name}: ${(e as Error)?.message ?? e}`;
    failures.push(msg);
    console.log(`  ✗ ${msg.split('\n').slice(0, 6).join('\n    ')}`);
  }
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

let lapT = Date.now();
const lap = (s: string) => {
  if (process.env.E2E_DEBUG) console.log(`    · ${s} ${Date.now() - lapT} ms`);
  lapT = Date.now();
};
const SUB_PATH = '/review/gouji/';
const RESULT_TIMEOUT = 180_000;

/** Every request of the session; anything not on 127.0.0.1 (or blob:/data:) is a leak. */
const requests: string[] = [];
function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

async function newContext(
  browser: Awaited<ReturnType<typeof launch>>,
  serviceWorkers: 'allow' | 'block' = 'block',
  extra: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
) {
  const context = await browser.newContext({ viewport: extra.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true, serviceWorkers, bypassCSP: extra.bypassCSP });
  context.on('request', (r) => requests.push(r.url()));
  // Anything not local is recorded and refused, so a leak can neither succeed nor go unnoticed.
  await context.route(
    (url) => !isLocal(url.href),
    (route) => {
      requests.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  return context;
}

async function openApp(context: BrowserContext, base: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Content-Security-Policy violations, from the page (event) and from its workers (console).
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (Content Security Policy ${e.violatedDirective}): ${e.blockedURI}`)),
  );
  (page as Page & { __errors?: string[] }).__errors = errors;
  await page.goto(base);
  await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
  return page;
}

async function waitForOutcome(page: Page): Promise<'results' | 'error'> {
  const el = await page.waitForSelector('[data-testid="results"], [data-testid="error"]', { timeout: RESULT_TIMEOUT });
  if ((await el.getAttribute('data-testid')) !== 'results') return 'error';
  // A long findings list is put on screen in slices; the checks read the whole list.
  await page.waitForSelector('[data-testid="results"] .finding-list[data-complete]', { timeout: 10_000 });
  return 'results';
}

interface PageGeometry {
  inView: boolean;
  scale: number;
  page: { left: number; top: number };
  boxes: { left: number; top: number; width: number; height: number; primary: boolean }[];
}

async function geometry(page: Page, pageNo: number, findingId: string): Promise<PageGeometry | null> {
  return page.evaluate(
    ([n, id]) => {
      const el = document.querySelector<HTMLElement>(`[data-testid="page"][data-page="${n}"]`);
      const scroller = document.querySelector<HTMLElement>('[data-testid="page-scroller"]');
      if (!el || !scroller) return null;
      const r = el.getBoundingClientRect();
      const s = scroller.getBoundingClientRect();
      const boxes = [...el.querySelectorAll<HTMLElement>(`[data-testid="highlight"][data-finding-id="${CSS.escape(id)}"]`)].map((b) => {
        const br = b.getBoundingClientRect();
        if (b.dataset.page !== String(n)) throw new Error(`highlight of ${id} on page ${n} says page ${b.dataset.page}`);
        return { left: br.left, top: br.top, width: br.width, height: br.height, primary: b.dataset.primary === 'true' };
      });
      return {
        inView: r.bottom > s.top + 10 && r.top < s.bottom - 10,
        scale: Number(el.dataset.scale),
        page: { left: r.left, top: r.top },
        boxes,
      };
    },
    [pageNo, findingId] as const,
  );
}

async function scrollPageIntoView(page: Page, pageNo: number): Promise<void> {
  await page.click(`[data-testid="page-nav-item"][data-page="${pageNo}"]`);
  await page.waitForFunction(
    (n) => !!document.querySelector(`[data-testid="page"][data-page="${n}"] .highlight-layer`),
    pageNo,
    { timeout: 10_000 },
  );
}

/** Clicks each finding; checks its page scrolls into view and each ref has its box at bbox × scale (±2 px). */
async function checkHighlights(page: Page, report: Report): Promise<void> {
  const problems: string[] = [];
  for (const f of report.findings) {
    await page.click(`[data-testid="finding"][data-finding-id="${f.id}"]`);
    // Clicking locates the anchor (where the finding is listed).
    const primary = f.refs[f.anchor] ?? f.refs[0];
    if (!primary) continue;
    await page
      .waitForFunction(
        (n) => {
          const el = document.querySelector(`[data-testid="page"][data-page="${n}"]`);
          const sc = document.querySelector('[data-testid="page-scroller"]');
          if (!el || !sc) return false;
          const r = el.getBoundingClientRect();
          const s = sc.getBoundingClientRect();
          return r.bottom > s.top + 10 && r.top < s.bottom - 10 && !!el.querySelector('.highlight-layer');
        },
        primary.page,
        { timeout: 5_000 },
      )
      .catch(() => problems.push(`${f.id}: page ${primary.page} not scrolled into view after clicking the finding`));
    const pages = [...new Set(f.refs.map((r) => r.page))];
    for (const p of pages) {
      let g = await geometry(page, p, f.id);
      if (g && !g.boxes.length) {
        await scrollPageIntoView(page, p);
        g = await geometry(page, p, f.id);
      }
      if (!g) {
        problems.push(`${f.id}: no page element ${p}`);
        continue;
      }
      const refs = f.refs.map((r, i) => ({ r, i })).filter((x) => x.r.page === p);
      // Solid: the figures the arithmetic blames, else the anchor (a narrative finding's sentence).
      const solid = primaryRefs(f);
      if (g.boxes.length !== refs.length) problems.push(`${f.id}: page ${p} has ${g.boxes.length} boxes, report has ${refs.length} refs`);
      const unused = [...g.boxes];
      for (const { r, i } of refs) {
        const want = { left: g.page.left + r.bbox[0] * g.scale, top: g.page.top + r.bbox[1] * g.scale, width: (r.bbox[2] - r.bbox[0]) * g.scale, height: (r.bbox[3] - r.bbox[1]) * g.scale };
        const k = unused.findIndex(
          (b) => Math.abs(b.left - want.left) <= 2 && Math.abs(b.top - want.top) <= 2 && Math.abs(b.width - want.width) <= 2 && Math.abs(b.height - want.height) <= 2 && b.primary === solid.has(i),
        );
        if (k < 0) problems.push(`${f.id}: ref ${i} (p${p} ${r.bbox.join(',')}) has no box within 2px (want ${JSON.stringify(want)}, have ${JSON.stringify(g.boxes)})`);
        else unused.splice(k, 1);
      }
    }
    if (problems.length > 5) break;
  }
  assert(!problems.length, problems.join('\n'));
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click(`[data-testid="${testId}"]`)]);
  const path = await dl.path();
  assert(path, `${testId}: download has no file`);
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** The annotated PDF as pdf.js reads it: Gouji's highlights, its notes (finding id → page) and the text of every page. */
async function readAnnotated(bytes: Uint8Array): Promise<{ highlights: number; notes: Map<string, number>; pages: number; text: string[] }> {
  const { pdfjs, cMapUrl, standardFontDataUrl } = nodePdfEnvironment();
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, verbosity: 0, cMapUrl, cMapPacked: true, standardFontDataUrl }).promise;
  let highlights = 0;
  const notes = new Map<string, number>();
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const pg = await doc.getPage(n);
    for (const a of await pg.getAnnotations()) {
      if (!String(a.titleObj?.str ?? '').includes('Gouji')) continue;
      if (a.subtype === 'Highlight') highlights++;
      if (a.subtype === 'Text') notes.set(/^\[([^\]]+)\]/.exec(String(a.contentsObj?.str ?? ''))?.[1] ?? `?${n}`, n);
    }
    text.push((await pg.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { highlights, notes, pages, text };
}

/** Styles of an xlsx: for each cellXfs index, whether it applies a fill (flagged cells are filled by severity). */
function filledStyles(stylesXml: string): boolean[] {
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(stylesXml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf [^>]*fillId="(\d+)"/g)].map((m) => Number(m[1]) >= 2);
}

async function checkExports(page: Page, report: Report, original: Uint8Array): Promise<void> {
  const json = await download(page, 'export-json');
  const parsed = JSON.parse(json.bytes.toString('utf8')) as Report;
  assert(parsed.schema === 'gouji-report/2', `JSON schema is ${parsed.schema}`);
  for (const k of ['file', 'pages', 'document', 'tables', 'paragraphs', 'findings', 'unchecked'] as const) assert(k in parsed, `JSON lacks ${k}`);
  assert(parsed.findings.length === report.findings.length, `JSON has ${parsed.findings.length} findings, CLI ${report.findings.length}`);
  assert(parsed.tables.length === report.tables.length, `JSON has ${parsed.tables.length} tables, CLI ${report.tables.length}`);

  const csv = await download(page, 'export-csv');
  assert(csv.bytes[0] === 0xef && csv.bytes[1] === 0xbb && csv.bytes[2] === 0xbf, 'CSV has no UTF-8 BOM');
  const rows = parseCsv(csv.bytes.toString('utf8'));
  assert(rows[0].join(',') === CSV_HEADER.join(','), `CSV header is ${rows[0]}`);
  assert(rows.length === report.findings.length + 1, `CSV has ${rows.length - 1} rows, expected ${report.findings.length}`);
  assert(rows.slice(1).every((r) => r.length === CSV_HEADER.length), 'CSV rows have the wrong number of fields');

  const xlsx = await download(page, 'export-xlsx');
  const files = unzipSync(new Uint8Array(xlsx.bytes));
  const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  const sheets = [...workbook.matchAll(/<sheet /g)].length;
  assert(sheets === report.tables.length + 1, `xlsx has ${sheets} sheets, expected ${report.tables.length + 1}`);
  for (let i = 1; i <= sheets; i++) assert(files[`xl/worksheets/sheet${i}.xml`], `xlsx lacks sheet${i}.xml`);
  const firstTable = report.tables.find((t) => t.rows.some((r) => r.some((c) => c?.text)));
  if (firstTable) {
    const idx = report.tables.indexOf(firstTable) + 1;
    const text = firstTable.rows.flat().find((c) => c?.text)!.text;
    const xml = strFromU8(files[`xl/worksheets/sheet${idx}.xml`]);
    const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    assert(xml.includes(esc), `xlsx sheet ${idx} lacks cell text ${text}`);
  }
  // Figures are number cells (SUM works) and the cells a finding names are filled.
  const filled = filledStyles(strFromU8(files['xl/styles.xml'] ?? new Uint8Array()));
  for (const f of report.findings) {
    for (const r of f.refs) {
      const ti = report.tables.findIndex((t) => t.id === r.tableId);
      const value = r.text.replace(/[,\s]/g, '');
      if (ti < 0 || !/^-?\d+(\.\d+)?$/.test(value)) continue;
      const xml = strFromU8(files[`xl/worksheets/sheet${ti + 1}.xml`]);
      const cells = [...xml.matchAll(/<c r="[A-Z]+\d+"(?: s="(\d+)")?><v>([^<]*)<\/v><\/c>/g)].filter((m) => Number(m[2]) === Number(value));
      assert(cells.length, `${f.id}: xlsx sheet ${ti + 1} has no number cell ${value}`);
      assert(cells.some((m) => filled[Number(m[1] ?? 0)]), `${f.id}: the number cell ${value} in xlsx sheet ${ti + 1} is not filled`);
    }
  }

  const pdf = await download(page, 'export-pdf');
  const counts = await readAnnotated(new Uint8Array(pdf.bytes));
  // One note per finding, on its anchor's page (where the summary lists it).
  const noteAt = (f: Finding) => anchorRef(f)?.page ?? 0;
  const wantNotes = report.findings.filter((f) => noteAt(f) >= 1 && noteAt(f) <= report.pages);
  const wantHighlights = report.findings.reduce((s, f) => s + new Set(f.refs.map((r) => r.page).filter((p) => p >= 1 && p <= report.pages)).size, 0);
  const summaryPages = counts.pages - report.pages;
  assert(summaryPages >= 1, `annotated PDF has ${counts.pages} pages, expected the ${report.pages} original ones after a summary`);
  assert(counts.notes.size === wantNotes.length, `annotated PDF has ${counts.notes.size} notes, expected ${wantNotes.length}`);
  for (const f of wantNotes) assert(counts.notes.get(f.id) === noteAt(f) + summaryPages, `${f.id}: note on output page ${counts.notes.get(f.id)}, its anchor is page ${noteAt(f)} (+${summaryPages} summary)`);
  assert(counts.highlights === wantHighlights, `annotated PDF has ${counts.highlights} highlights, expected ${wantHighlights}`);
  // The summary lists every finding's message, in Chinese and in English.
  const summary = counts.text.slice(0, summaryPages).join('').replace(/\s+/g, '');
  const missing = report.findings.filter((f) => !summary.includes(f.message.replace(/\s+/g, '')) || !summary.includes(f.messageEn.replace(/\s+/g, '').slice(0, 30)));
  assert(!missing.length, `the summary lacks the message of ${missing.map((f) => f.id).join(', ')}`);
  assert(pdf.bytes.length >= original.length * 0.5, 'annotated PDF is suspiciously small');

  // Printable review: window.print is stubbed; the crops are rendered before it is called.
  await page.evaluate(() => {
    (window as unknown as { __printed: number }).__printed = 0;
    window.print = () => void ((window as unknown as { __printed: number }).__printed += 1);
  });
  await page.click('[data-testid="export-print"]');
  await page.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1, undefined, { timeout: 60_000 });
  const withRefs = report.findings.filter((f) => f.refs[0] && f.refs[0].page >= 1).length;
  const crops = await page.locator('.print-review img').count();
  assert(crops === Math.min(withRefs, 150), `print review has ${crops} page crops, expected ${Math.min(withRefs, 150)}`);
  const printed = await page.locator('.print-findings > li').count();
  assert(printed === report.findings.length, `print review lists ${printed} findings, expected ${report.findings.length}`);
  await page.emulateMedia({ media: 'print' });
  const visible = await page.evaluate(() => ({
    review: getComputedStyle(document.querySelector('.print-review')!).display !== 'none',
    side: getComputedStyle(document.querySelector('.side')!).display !== 'none',
  }));
  await page.emulateMedia({ media: 'screen' });
  assert(visible.review && !visible.side, `print stylesheet: review visible ${visible.review}, side panel visible ${visible.side}`);
}

/** CLI reports, computed once at the start (in parallel) right before the build. */
const references = new Map<string, Report>();

async function checkDocument(context: BrowserContext, base: string, label: string, file: string, viaSample: boolean): Promise<void> {
  if (FOCUS && !FOCUS.test(label)) return;
  const reference = references.get(file)!;
  const original = new Uint8Array(await readFile(file));
  const page = await openApp(context, base);
  try {
    await check(`${label}: results appear and match the CLI (${reference.findings.length} findings, ${reference.tables.length} tables)`, async () => {
      if (viaSample) await page.click('[data-testid="sample-button"]');
      else await page.setInputFiles('[data-testid="file-input"]', file);
      lap('input');
      const outcome = await waitForOutcome(page);
      lap('outcome');
      if (outcome !== 'results') throw new Error(`got an error: ${await page.textContent('[data-testid="error"]')}`);
      const n = await page.locator('[data-testid="finding"]').count();
      assert(n === reference.findings.length, `${n} findings shown, CLI has ${reference.findings.length}`);
      const shown = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => [e.getAttribute('data-finding-id'), e.getAttribute('data-severity'), e.getAttribute('data-page')]));
      for (const [id, sev, pg] of shown) {
        const f = reference.findings.find((x) => x.id === id) as Finding | undefined;
        assert(f, `finding ${id} is not in the CLI report`);
        assert(f.severity === sev, `${id}: severity ${sev}, CLI ${f.severity}`);
        // Listed at its anchor (the sentence of a narrative finding), not necessarily refs[0].
        const at = f.refs[f.anchor] ?? f.refs[0];
        assert(String(at?.page ?? 0) === pg, `${id}: page ${pg}, CLI anchor on ${at?.page}`);
      }
      lap('shown');
      const tables = await page.textContent('[data-testid="summary-tables"]');
      assert(Number(tables) === reference.tables.length, `summary says ${tables} tables, CLI ${reference.tables.length}`);
      await page.waitForSelector('[data-testid="page"]', { timeout: 30_000 });
      const pages = await page.locator('[data-testid="page"]').count();
      assert(pages === reference.pages, `${pages} page frames, document has ${reference.pages}`);
    });
    await check(`${label}: each finding's boxes on its page at its bbox, page scrolled into view on click`, () => checkHighlights(page, reference));
    await check(`${label}: table view lists every rebuilt table`, async () => {
      await page.click('[data-testid="view-tables"]');
      const n = await page.locator('[data-testid="rebuilt-table"]').count();
      assert(n === reference.tables.length, `${n} tables shown, report has ${reference.tables.length}`);
      await page.click('[data-testid="view-pages"]');
    });
    await check(`${label}: JSON, CSV, xlsx and annotated PDF exports download and parse`, () => checkExports(page, reference, original));
    if (!viaSample && label.startsWith('seed 000')) {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'result.png') });
    }
    if (viaSample && reference.findings.length >= 2) {
      await check(`${label}: keyboard ↓ then Enter locates the second finding`, async () => {
        await page.click(`[data-testid="finding"] >> nth=0`);
        await page.focus('[data-testid="finding-list"]');
        await page.keyboard.press('ArrowDown');
        const cursor = await page.getAttribute('[data-testid="finding"].is-cursor', 'data-finding-id');
        const order = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => e.getAttribute('data-finding-id')));
        assert(cursor === order[1], `cursor on ${cursor}, expected ${order[1]}`);
        await page.keyboard.press('Enter');
        const f = reference.findings.find((x) => x.id === cursor)!;
        await page.waitForFunction(
          (n) => {
            const el = document.querySelector(`[data-testid="page"][data-page="${n}"]`)!.getBoundingClientRect();
            const sc = document.querySelector('[data-testid="page-scroller"]')!.getBoundingClientRect();
            return el.bottom > sc.top + 10 && el.top < sc.bottom - 10;
          },
          (f.refs[f.anchor] ?? f.refs[0]).page,
          { timeout: 5_000 },
        );
        assert(await page.locator(`[data-testid="highlight"][data-finding-id="${cursor}"].hl-pulse`).count(), 'located boxes do not pulse');
      });
    }
    if (viaSample) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const first = reference.findings[0];
      if (first) await page.click(`[data-testid="finding"][data-finding-id="${first.id}"]`);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, 'sample-result.png') });
    }
    const errors = (page as Page & { __errors?: string[] }).__errors ?? [];
    await check(`${label}: no uncaught page errors and no CSP violations`, async () => assert(!errors.length, errors.join('\n')));
  } finally {
    await page.close();
  }
}

/** After a first visit (no document opened), the app reloads and analyses a document offline. */
async function checkOffline(browser: Awaited<ReturnType<typeof launch>>, base: string, file: string | undefined): Promise<void> {
  const ctx = await newContext(browser, 'allow');
  const page = await ctx.newPage();
  await page.goto(base);
  await page.waitForSelector('[data-testid="sample-button"]');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The page warms the results view and the analysis worker through the service worker.
  await page.waitForFunction(
    () => performance.getEntriesByType('resource').some((e) => /ReviewWorkspace/.test(e.name)),
    undefined,
    { timeout: 15_000 },
  );
  await page.waitForTimeout(2000);
  await ctx.setOffline(true);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.reload();
  await page.waitForSelector('[data-testid="sample-button"]', { timeout: 10_000 });
  // A visit under the service worker from its start fetched everything through it: no throwaway
  // analysis worker is started to fill the cache, only the standby workers, each of which practises
  // (the drawing side practises once they all have).
  await page.waitForFunction(() => performance.getEntriesByName('gouji:display-practised').length === 1, undefined, { timeout: 20_000 });
  await page.waitForTimeout(1000);
  const analysisWorkers = workers.filter((u) => /analyze\.worker/.test(u)).length;
  const practised = await page.evaluate(() => performance.getEntriesByName('gouji:practised').length);
  if (practised < 2 || analysisWorkers !== practised) throw new Error(`offline: a later visit started ${analysisWorkers} analysis workers, ${practised} of them standby workers that practised`);
  if (file) {
    await page.setInputFiles('[data-testid="file-input"]', file);
    const outcome = await waitForOutcome(page);
    if (outcome !== 'results') throw new Error(`offline: ${await page.textContent('[data-testid="error"]')}`);
    await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 20_000 });
  }
  await ctx.close();
}

async function main(): Promise<void> {
  const all = [...seedFiles(), ...(existsSync(SAMPLE) ? [SAMPLE] : [])];
  console.log(`e2e: CLI reference reports for ${all.length} files…`);
  await Promise.all(all.map(async (f) => references.set(f, await cliReport(f))));
  console.log('e2e: building…');
  build();
  const server = await serveDir(join(ROOT, 'dist'), SUB_PATH);
  const base = server.url;
  console.log(`e2e: serving dist/ at ${base}`);
  const browser = await launch();
  const seeds = seedFiles();
  // Documents for the generic checks (drop, several documents, offline): the seeds, else the sample.
  const pool = seeds.length ? seeds : existsSync(SAMPLE) ? [SAMPLE] : [];
  try {
    const context = await newContext(browser);

    await check('start page: drop zone, file input, sample button, privacy line, CSP meta', async () => {
      const page = await openApp(context, base);
      assert(await page.locator('[data-testid="sample-button"]').isVisible(), 'no sample button');
      assert((await page.getAttribute('[data-testid="file-input"]', 'type')) === 'file', 'file input is not type=file');
      assert((await page.getAttribute('[data-testid="file-input"]', 'multiple')) !== null, 'file input is not multiple');
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      assert(csp && /default-src 'self'/.test(csp) && !/https?:/.test(csp), `CSP is ${csp}`);
      assert((await page.textContent('body'))!.includes('不会上传'), 'no privacy line');
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'start.png') });
      await page.click('[data-testid="lang-switch"]');
      assert((await page.textContent('[data-testid="sample-button"]'))!.includes('Try the sample'), 'English switch did not change the sample button');
      await page.click('[data-testid="lang-switch"]');
      assert((await page.textContent('[data-testid="sample-button"]'))!.includes('试用示例'), 'Chinese switch did not come back');
      await page.close();
    });

    for (const file of seeds.filter((f) => !process.env.E2E_ONLY || basename(f).startsWith(process.env.E2E_ONLY))) await checkDocument(context, base, `seed ${basename(file).slice(0, 3)}`, file, false);

    if (existsSync(SAMPLE)) await checkDocument(context, base, 'bundled sample', SAMPLE, true);
    else {
      await check('sample button without public/sample.pdf: clear error, app usable', async () => {
        const page = await openApp(context, base);
        await page.click('[data-testid="sample-button"]');
        assert((await waitForOutcome(page)) === 'error', 'no error shown');
        assert(((await page.textContent('[data-testid="error"]')) ?? '').includes('sample.pdf'), 'error does not mention sample.pdf');
        await page.close();
      });
    }

    if (existsSync(SAMPLE)) {
      await checkKeyboard(check, context, base);
      await checkKeyboardFlow(check, context, base, references.get(SAMPLE)!);
      await checkLanguages(check, context, base);
      await checkNavigation(check, context, base, references.get(SAMPLE)!);
      await checkPhone(check, browser, base, (b, viewport) => newContext(b, 'block', { viewport }));
      await checkAccessibility(check, browser, base, (b, o) => newContext(b, 'block', o));
    }

    await check('bad inputs: each shows a message in data-testid=error and the app stays usable', async () => {
      const page = await openApp(context, base);
      const bad: { name: string; buffer: Buffer; code?: string }[] = [
        { name: 'notes.pdf', buffer: Buffer.from('This is a plain text file, renamed.\n'), code: 'not-pdf' },
        { name: 'empty.pdf', buffer: Buffer.alloc(0), code: 'empty' },
      ];
      for (const [f, code] of [['not-pdf.pdf', 'not-pdf'], ['empty.pdf', 'empty'], ['damaged.pdf', 'damaged'], ['encrypted.pdf', 'encrypted'], ['scanned.pdf', 'no-text']] as const) {
        if (existsSync(join(BAD, f))) bad.push({ name: `bad-${f}`, buffer: await readFile(join(BAD, f)), code });
      }
      for (const b of bad) {
        await page.setInputFiles('[data-testid="file-input"]', { name: b.name, mimeType: 'application/pdf', buffer: b.buffer });
        await page.waitForSelector(`[data-testid="doc-item"][data-status="failed"]:has-text("${b.name}")`, { timeout: 60_000 });
        await page.click(`[data-testid="doc-item"]:has-text("${b.name}")`);
        const msg = await page.waitForSelector('[data-testid="error"]', { timeout: 10_000 });
        const text = (await msg.textContent())?.trim() ?? '';
        assert(text.length > 4, `${b.name}: empty error message`);
        // In Chinese: no English words (pdf.js's own go under 技术信息, folded).
        assert(!/[A-Za-z]{3,}/.test(text.replace(/PDF/g, '')), `${b.name}: English inside the Chinese message: ${text}`);
        const code = await msg.getAttribute('data-code');
        assert(!b.code || code === b.code, `${b.name}: error code ${code}, expected ${b.code}`);
      }
      // Still usable: a good document added afterwards is analysed.
      if (pool[0]) {
        await page.setInputFiles('[data-testid="file-input"]', pool[0]);
        await page.waitForSelector(`[data-testid="doc-item"][data-status="done"]:has-text("${basename(pool[0]).slice(0, 12)}")`, { timeout: RESULT_TIMEOUT });
        assert((await waitForOutcome(page)) === 'results', 'a good file after bad ones did not give results');
      }
      const items = await page.locator('[data-testid="doc-item"]').count();
      assert(items === bad.length + (pool[0] ? 1 : 0), `${items} documents listed`);
      await page.close();
    });

    // The fixture comes with the core's page-by-page reading (test/core/make-truncated.ts); checked once it is there.
    if (existsSync(join(BAD, 'truncated.pdf'))) {
      await check('truncated PDF: the pages that parse are checked, the unread ones named in both languages', async () => {
        const reference = await cliReport(join(BAD, 'truncated.pdf'));
        assert(reference.unreadPages?.length, 'the CLI reports no unread pages for truncated.pdf: this check would prove nothing');
        for (const lang of ['zh', 'en'] as const) {
          const page = await openApp(context, base);
          await page.evaluate((l) => localStorage.setItem('gouji.locale', l), lang);
          await page.reload();
          await page.setInputFiles('[data-testid="file-input"]', join(BAD, 'truncated.pdf'));
          assert((await waitForOutcome(page)) === 'results', `${lang}: no results: ${await page.textContent('[data-testid="error"]').catch(() => '')}`);
          const n = Number(await page.getAttribute('[data-testid="results"]', 'data-findings'));
          assert(n === reference.findings.length, `${lang}: ${n} findings, CLI ${reference.findings.length}`);
          const notice = (await page.textContent('[data-testid="unread-pages"]')) ?? '';
          for (const p of reference.unreadPages) assert(notice.includes(String(p)), `${lang}: the notice does not name page ${p}: ${notice}`);
          assert(lang === 'zh' ? /无法解析/.test(notice) && !/[A-Za-z]{3,}/.test(notice) : /could not be parsed/.test(notice) && !/[\u3400-\u9fff]/u.test(notice), `${lang}: notice reads “${notice}”`);
          await page.close();
        }
      });
    }

    if (existsSync(join(BAD, 'encrypted.pdf'))) await check('encrypted PDF: password prompt, wrong password asks again, right one gives results and drawn pages', async () => (await import('./password')).checkPassword(() => openApp(context, base), join(BAD, 'encrypted.pdf')));
    if (pool[0]) {
      await check('drop anywhere on the window adds the file', async () => {
        const page = await openApp(context, base);
        const b64 = (await readFile(pool[0])).toString('base64');
        await page.evaluate(
          ([data, name]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
            const dt = new DataTransfer();
            dt.items.add(new File([bytes], name, { type: 'application/pdf' }));
            for (const type of ['dragenter', 'dragover', 'drop']) {
              document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
            }
          },
          [b64, basename(pool[0])] as const,
        );
        assert((await waitForOutcome(page)) === 'results', 'dropped file gave no results');
        await page.close();
      });
    }

    if (pool[0] && references.has(pool[0])) {
      await check('standby workers and the drawing side practise on the practice document while idle; a document opened after that gives the CLI\'s findings and its pages', async () => {
        const page = await openApp(context, base);
        // Each standby worker (two or more) marks the end of its practice run.
        await page.waitForFunction(() => performance.getEntriesByName('gouji:practised').length >= 2, undefined, { timeout: 30_000 });
        // Then the drawing side (its worker and the canvas code) draws the practice document's first pages unseen.
        await page.waitForFunction(() => performance.getEntriesByName('gouji:display-practised').length === 1, undefined, { timeout: 30_000 });
        // One run leaves the checks half-warm (they run once a document): with nothing scrolled, each
        // standby worker reads the practice document twice more.
        await page.waitForFunction(
          () => {
            const workers = performance.getEntriesByName('gouji:practised').length;
            return workers >= 2 && performance.getEntriesByName('gouji:practice-round').length >= 2 * workers;
          },
          undefined,
          { timeout: 30_000 },
        );
        await page.setInputFiles('[data-testid="file-input"]', pool[0]);
        assert((await waitForOutcome(page)) === 'results', 'no results after the practice run');
        const reference = references.get(pool[0])!;
        const shown = await page.$$eval('[data-testid="finding"]', (els) => els.map((e) => `${e.getAttribute('data-finding-id')}:${e.getAttribute('data-severity')}`));
        const expected = reference.findings.map((f) => `${f.id}:${f.severity}`);
        assert(shown.join(' ') === expected.join(' '), `shown ${shown.join(' ')}, CLI ${expected.join(' ')}`);
        await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 30_000 });
        await page.close();
      });
    }

    await check('a key pressed (or a scroll) ends the standby workers\' practice after their first round', async () => {
      const page = await openApp(context, base);
      // Every worker through its first round (the rounds after it rest at a scroll or a key).
      await page.waitForFunction(() => performance.getEntriesByName('gouji:practised').length >= 2, undefined, { timeout: 30_000, polling: 'raf' });
      // A worker quick through its first round may have finished its second before the other's first:
      // only the rounds that end after the key count.
      const pressed = await page.evaluate(() => performance.now());
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(4000);
      const later = await page.evaluate((t) => performance.getEntriesByName('gouji:practice-round').filter((e) => e.startTime > t).length, pressed);
      assert(later === 0, `${later} practice rounds finished after the key`);
      await page.close();
    });

    if (pool.length) {
      await check('several documents: dropped together, listed with status and counts, switch, remove', async () => {
        const page = await openApp(context, base);
        const files = pool.length >= 2 ? pool.slice(0, 3) : [pool[0], pool[0]];
        await page.setInputFiles(
          '[data-testid="file-input"]',
          await Promise.all(files.map(async (f, i) => ({ name: `${i + 1}-${basename(f)}`, mimeType: 'application/pdf', buffer: await readFile(f) }))),
        );
        await page.waitForFunction(
          (n) => document.querySelectorAll('[data-testid="doc-item"][data-status="done"]').length === n,
          files.length,
          { timeout: RESULT_TIMEOUT },
        );
        const refs = files.map((f) => references.get(f)!);
        const items = page.locator('[data-testid="doc-item"]');
        for (let i = 0; i < files.length; i++) {
          await items.nth(i).click();
          await page.waitForSelector('[data-testid="results"]');
          // Switching documents must not break page drawing (each document has its own pdf.js worker).
          await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 30_000 });
          const renderErrors = await page.$$eval('.render-error', (els) => els.map((e) => e.textContent));
          assert(!renderErrors.length, `document ${i + 1}: ${renderErrors.join('; ')}`);
          const n = Number(await page.getAttribute('[data-testid="results"]', 'data-findings'));
          assert(n === refs[i].findings.length, `document ${i + 1}: ${n} findings, CLI ${refs[i].findings.length}`);
          const title = await page.textContent('.doc-title');
          assert(title === (refs[i].document.title || `${i + 1}-${refs[i].file}`), `document ${i + 1}: title ${title}`);
        }
        await items.nth(0).hover();
        await items.nth(0).locator('[data-testid="remove-doc"]').click();
        assert((await items.count()) === files.length - 1, 'remove did not remove');
        await page.close();
      });
    }

    const long = await longPdf(100);
    if (long) {
      await check('100-page document: progress with page n of N (nothing animated frame by frame), cancel stops it, the app stays usable', async () => {
        const page = await openApp(context, base);
        await page.setInputFiles('[data-testid="file-input"]', { name: 'long-100.pdf', mimeType: 'application/pdf', buffer: Buffer.from(long) });
        await page.waitForSelector('[data-testid="progress"]', { timeout: 10_000 });
        await page.waitForSelector('[data-testid="progress-page"]', { timeout: 30_000 });
        const text = await page.textContent('[data-testid="progress-page"]');
        assert(/\/ 100|of 100/.test(text ?? ''), `progress says ${text}`);
        // The page stays responsive while the worker runs.
        const t0 = Date.now();
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
        assert(Date.now() - t0 < 1000, 'main thread blocked during analysis');
        // While the pages are read the progress bar (it changes with every few pages) steps without a
        // transition, and nothing animates endlessly: a transition (of its width, or a transform) or a
        // spinner has the browser draw frame after frame, CPU taken from the workers reading the pages.
        const moving = await page.evaluate(() => {
          const bar = document.querySelector('[data-testid="progress"] [role="progressbar"]')!;
          const out: string[] = [];
          for (const el of [bar, ...bar.querySelectorAll('*')]) {
            const s = getComputedStyle(el);
            if (s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) && s.transitionProperty !== 'none') out.push(`${el.className}: transition of ${s.transitionProperty}`);
          }
          for (const a of document.getAnimations()) if (a.playState === 'running' && a.effect?.getTiming().iterations === Infinity) out.push(`${(a as CSSAnimation).animationName ?? 'an animation'} runs endlessly`);
          return out;
        });
        assert(!moving.length, `while the pages are read: ${moving.join('; ')}`);
        await cancelAnalysis(page);
        const checking = '[data-testid="checking"] [data-testid="page"][data-page="1"]';
        const drawn = (n: number) => `[data-testid="page"][data-page="${n}"] .pdf-page-canvas.state-done`;
        const drawing = '.pdf-page-canvas.state-rendering';
        await recordAppearances(page, [checking, '[data-testid="results"]', drawn(1), drawn(2), drawing]);
        await page.setInputFiles('[data-testid="file-input"]', { name: 'long-100-again.pdf', mimeType: 'application/pdf', buffer: Buffer.from(long) });
        await page.waitForSelector('[data-testid="doc-item"][data-status="done"]:has-text("long-100-again.pdf")', { timeout: RESULT_TIMEOUT });
        // The pages are shown while the last checks run, before the report (see showPages).
        const seen = (await appearances(page)).first;
        assert(seen[checking] !== undefined && seen[checking] < seen['[data-testid="results"]'], `the pages came with the report, not before it (${JSON.stringify(seen)})`);
        // Pages are drawn one at a time, the one in view first (see draw-turns), page 2 kept ready below it.
        await page.waitForSelector(drawn(2), { timeout: 30_000 });
        const after = await appearances(page);
        assert(after.first[drawn(1)] < after.first[drawn(2)], `page 2 was drawn before page 1, the page in view (${JSON.stringify(after.first)})`);
        assert(after.most[drawing] === 1, `${after.most[drawing]} pages were being drawn at once`);
        await page.waitForSelector('[data-testid="page"]', { timeout: 30_000 });
        const frames = await page.locator('[data-testid="page"]').count();
        assert(frames === 100, `${frames} page frames`);
        const canvases = await page.locator('[data-testid="page"] canvas').count();
        assert(canvases > 0 && canvases < 20, `${canvases} canvases for 100 pages (should be only those near the viewport)`);
        // The page strip follows the scroll past its first run of 20 buttons.
        await page.$eval('[data-testid="page-scroller"]', (el) => {
          const target = document.querySelector<HTMLElement>('[data-testid="page"][data-page="60"]')!;
          el.scrollTop = target.offsetTop;
        });
        await page
          .waitForFunction(
            () => {
              const item = document.querySelector('[data-testid="page-nav-item"].current');
              const nav = document.querySelector('[data-testid="page-nav"]')!.getBoundingClientRect();
              const r = item?.getBoundingClientRect();
              return !!r && Number((item as HTMLElement).dataset.page) >= 59 && r.top >= nav.top - 1 && r.bottom <= nav.bottom + 1;
            },
            undefined,
            { timeout: 10_000 },
          )
          .catch(async () => {
            const at = await page.evaluate(() => ({ current: (document.querySelector('[data-testid="page-nav-item"].current') as HTMLElement | null)?.dataset.page, navTop: document.querySelector('[data-testid="page-nav"]')!.scrollTop }));
            throw new Error(`page strip did not follow the scroll to page 60: current ${at.current}, strip scrolled ${at.navTop} px`);
          });
        await page.close();
      });
    }
    await parallelChecks(check, () => openApp(context, base));
    await context.close();

    await check('offline after the first visit (service worker), without having opened a document before', () => checkOffline(browser, base, pool[0]));

    await check('offline under `vite preview` (the README\'s command; it sends Vary: Origin)', async () => {
      const preview = await vitePreview();
      try {
        const vary = (await fetch(preview.url)).headers.get('vary');
        assert(vary && /origin/i.test(vary), `vite preview no longer sends Vary: Origin (got ${vary}); this check would not test what it should`);
        await checkOffline(browser, preview.url, pool[0]);
      } finally {
        await preview.close();
      }
    });

    await check(`no request left 127.0.0.1 (${requests.length} requests)`, async () => {
      const outside = requests.filter((u) => !isLocal(u));
      assert(requests.length > 0, 'no requests recorded at all');
      assert(!outside.length, `requests outside 127.0.0.1: ${[...new Set(outside)].slice(0, 10).join(', ')}`);
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main()
  .catch((e) => {
    failed++;
    failures.push(String((e as Error)?.stack ?? e));
    console.log(`  ✗ harness: ${(e as Error)?.stack ?? e}`);
  })
  .finally(() => {
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  });
