/**
 * E2e checks of page-parallel analysis (issue 9): several workers read one document, findings
 * that nothing later can change are shown before the end, and cancel leaves no worker running.
 * Called from run.ts with its `check` and a way to open the app.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import type { Page, Worker } from 'playwright-core';
import { SAMPLE, seedFiles } from './harness';

/** The sample (planted errors; a table error on page 13) first, then the seeds repeated, up to `pages`. */
export async function plantedLongPdf(pages: number): Promise<Uint8Array | null> {
  if (!existsSync(SAMPLE)) return null;
  const sources = [SAMPLE, ...seedFiles()];
  const out = await PDFDocument.create();
  for (let i = 0; out.getPageCount() < pages; i++) {
    const src = await PDFDocument.load(await readFile(sources[i % sources.length]));
    const want = Math.min(src.getPageCount(), pages - out.getPageCount());
    for (const p of await out.copyPages(src, [...Array(want).keys()])) out.addPage(p);
  }
  return out.save();
}

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(msg);
}

/**
 * Cancels the document being analysed, once the app says it is (the progress card's
 * `data-status`), and waits until the app says it is cancelled. The button is pressed from the
 * keyboard: a click waits for the button to hold still for two frames, which a loaded machine
 * (and the card growing as findings stream in) may not give for 30 s; cancelling does not depend
 * on where the button is drawn.
 */
export async function cancelAnalysis(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="progress"][data-status="analyzing"]', { timeout: 30_000 });
  const button = page.locator('[data-testid="progress"][data-status="analyzing"] [data-testid="cancel"]');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="doc-item"][data-status="cancelled"]', { timeout: 30_000 });
  assert(!(await page.locator('[data-testid="progress"]').count()), 'the progress card is still shown after cancel');
}

export async function parallelChecks(check: (name: string, fn: () => Promise<void>) => Promise<void>, openApp: () => Promise<Page>): Promise<void> {
  // 120 pages: the early finding comes near page 14 and the reading goes on long enough after it
  // for the cancel below to find the analysis still running (with 60 pages, now read sooner, it
  // could end between the status check and the cancel).
  const bytes = await plantedLongPdf(120);
  if (!bytes) return;
  await check('page-parallel: several workers read one document, a table error is shown before the end, cancel ends every worker', async () => {
    const page = await openApp();
    // The standby workers (pdf.js loaded) that the next document will use.
    const deadline = Date.now() + 10_000;
    // Analysis workers only: the pdf.js worker that draws pages stays for the next document.
    const analysisWorkers = () => page.workers().filter((w) => /analyze\.worker/.test(w.url()));
    while (analysisWorkers().length < 2 && Date.now() < deadline) await page.waitForTimeout(100);
    const standby: Worker[] = analysisWorkers();
    assert(standby.length >= 2, `${standby.length} analysis workers on standby (want ≥ 2)`);
    const closed = new Set<Worker>();
    for (const w of standby) w.on('close', () => closed.add(w));

    await page.setInputFiles('[data-testid="file-input"]', { name: 'planted-120.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
    // The sample's table error on page 13 can be final long before page 120 is read.
    const early = await page.waitForSelector('[data-testid="early-finding"]', { timeout: 120_000 });
    assert(await page.locator('[data-testid="progress"]').count(), 'the early finding came with the results, not before');
    assert((await early.getAttribute('data-key'))?.startsWith('sum.'), `early finding ${await early.getAttribute('data-key')}`);
    const read = await page.textContent('[data-testid="progress-page"]');
    assert(/\/ 120|of 120/.test(read ?? ''), `progress says ${read}`);
    assert(closed.size === 0, `${closed.size} workers ended before cancel`);

    // Still being analysed (not finished while we looked): the cancel below is what must end the workers.
    assert((await page.getAttribute('[data-testid="doc-item"]', 'data-status')) === 'analyzing', 'the analysis ended before cancel');
    await cancelAnalysis(page);
    // Terminated workers close at once; a loaded machine may take a few seconds to report it.
    const until = Date.now() + 15_000;
    while (closed.size < standby.length && Date.now() < until) await page.waitForTimeout(50);
    assert(closed.size === standby.length, `${standby.length - closed.size} of ${standby.length} analysis workers still running after cancel`);
    await page.close();
  });
}
