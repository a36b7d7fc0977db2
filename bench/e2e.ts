/**
 * `npm run bench:e2e`: the app in headless Chromium against a raw pdf.js pass in the same browser
 * over the same file, side by side in one run (issue 9).
 *
 *   raw pass   one pdf.js document, pages in order, getTextContent + getOperatorList of every page,
 *              pdf.js's own single worker (started before the clock), nothing else
 *   complete   drop → the findings list and page 1's canvas on screen (the drop comes 1 s after
 *              the page loaded, as a reviewer takes a moment; BENCH_IDLE_MS sets another pause:
 *              the standby workers practise on the sample meanwhile, see analyze.worker.ts)
 *   results    drop → the findings list on screen (the issue's “complete results”; page 1 may still be drawing)
 *   first      drop → the first finding on screen (streamed or final)
 *   longest    the longest main-thread task between drop and complete (PerformanceObserver longtask)
 *   p95 frame  frame times while the pages are scrolled for 3 s after completion, flung (150 px a
 *              frame) and, after a second's pause, at a reading pace (15 px a frame, where the
 *              pages passing are drawn)
 *   peak MB    peak resident memory of the browser's processes during drop → complete (/proc), and
 *              the page's own JS heap (performance.memory)
 *   CPU s      the browser's CPU seconds (all its processes, /proc) over the raw pass and over drop →
 *              complete: a ratio that holds when the shared machine is busy and wall times do not
 *
 * Files: the seeds, the PDFs of ../shared/real (provinces included) when present, and generated
 * 100- and 300-page documents: the generated sample (planted errors, one a table error on page 13)
 * first, then the seeds repeated. Targets: complete ≤ 1.0× raw for 20+ pages; on 300 pages first
 * finding ≤ 0.35× complete, no main-thread task > 100 ms, p95 frame ≤ 50 ms.
 * BENCH_RUNS (default 1) runs per file (the median is printed); BENCH_ONLY=regex picks files;
 * BENCH_SCROLL=0 leaves the scrolling out.
 * BENCH_BASELINE=dir: another build of the app (its dist/) timed in turn with this one, run by run,
 * and printed beside it with the ratios this/baseline (to measure a change on a shared machine).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../test/e2e/browser';
import { serveDir } from '../test/e2e/server';
import { build, ROOT, seedFiles } from '../test/e2e/harness';
import { plantedLongPdf } from '../test/e2e/parallel';
import { dropBenchFile, scrollPages } from './page-actions';

const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const REAL = resolve(ROOT, '../shared/real');

interface AppTiming {
  complete: number;
  first: number | null;
  results: number;
  longest: number;
  p95Frame: number;
  /** p95 frame while scrolling at a reading pace. */
  p95Read: number;
  peakRssMb: number;
  peakHeapMb: number;
  pages: number;
  /** CPU seconds the browser used drop → complete (all its processes and threads): holds on a busy machine. */
  cpuSec: number;
}

/** Watches the page from its first script: long tasks, the first finding, completion, frames. */
function instrument(): void {
  const w = window as unknown as Record<string, unknown>;
  const longtasks: { start: number; duration: number }[] = [];
  w.__longtasks = longtasks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let peakHeap = 0;
  w.__peakHeap = () => peakHeap;
  w.__marks = {} as Record<string, number>;
  const marks = w.__marks as Record<string, number>;
  const tick = () => {
    const now = performance.now();
    const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    if (mem && mem.usedJSHeapSize > peakHeap) peakHeap = mem.usedJSHeapSize;
    if (marks.drop !== undefined) {
      if (marks.first === undefined && document.querySelector('[data-testid="early-finding"], [data-testid="finding"]')) marks.first = now;
      if (marks.results === undefined && document.querySelector('[data-testid="results"]')) marks.results = now;
      if (marks.complete === undefined && document.querySelector('[data-testid="results"]') && document.querySelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done')) marks.complete = now;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** CPU seconds (user + system) used so far by the browser's processes (its tree under this Node process). */
function browserCpuSec(): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    const pid = Number(d);
    if (!pid) continue;
    try {
      // The fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      parent.set(pid, Number(f[1]));
      ticks.set(pid, Number(f[11]) + Number(f[12]));
    } catch {
      // The process ended meanwhile.
    }
  }
  let sum = 0;
  for (const [pid, v] of ticks) {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) { sum += v; break; }
  }
  return sum / 100; // USER_HZ
}

/** Resident memory of the browser's processes (its tree under this Node process), in MB. */
function browserRssMb(): number {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    const pid = Number(d);
    if (!pid) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parent.set(pid, Number(/PPid:\s+(\d+)/.exec(status)?.[1]));
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // The process ended meanwhile.
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let kb = 0;
  for (const [pid, v] of rss) if (mine(pid)) kb += v;
  return kb / 1024;
}

async function timeApp(page: Page, base: string, name: string): Promise<AppTiming> {
  await page.goto(base);
  await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
  await page.waitForTimeout(Number(process.env.BENCH_IDLE_MS ?? 1000));
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, browserRssMb())), 100);
  const cpu0 = browserCpuSec();
  await page.evaluate(dropBenchFile, name);
  await page.waitForFunction(() => (window as unknown as { __marks: Record<string, number> }).__marks.complete !== undefined, undefined, { timeout: Number(process.env.BENCH_TIMEOUT ?? 600_000), polling: 100 }).catch(async (e) => {
    console.error('marks', await page.evaluate(() => JSON.stringify((window as unknown as { __marks: unknown }).__marks)), await page.locator('[data-testid="results"]').count(), await page.locator('.pdf-page-canvas').count());
    throw e;
  });
  clearInterval(sampler);
  const cpuSec = browserCpuSec() - cpu0;
  const m = await page.evaluate(() => {
    const w = window as unknown as { __marks: Record<string, number>; __longtasks: { start: number; duration: number }[]; __peakHeap: () => number };
    const { drop, complete, first, results } = w.__marks;
    const tasks = w.__longtasks.filter((t) => t.start >= drop && t.start <= complete);
    const at = (name: string) => {
      const e = performance.getEntriesByName(`gouji:${name}`).filter((x) => x.startTime >= drop).pop();
      return e ? Math.round(e.startTime - drop) : null;
    };
    const timeline = { opened: at('opened'), pagesRead: at('pages-read'), report: at('report'), displayAsked: at('display-asked'), displayOpened: at('display-opened'), displaySized: at('display-sized') };
    return { complete: complete - drop, results: (results ?? complete) - drop, first: first === undefined ? null : first - drop, longest: Math.max(0, ...tasks.map((t) => t.duration)), heap: w.__peakHeap(), timeline };
  });
  const pages = Number(await page.textContent('[data-testid="summary-pages"]'));
  // Scroll the pages for 3 s, one step a frame, and time the frames: flung, then at a reading pace.
  const p95 = (frames: number[]) => {
    frames.sort((a, b) => a - b);
    return frames.length ? frames[Math.min(frames.length - 1, Math.floor(frames.length * 0.95))] : NaN;
  };
  // BENCH_SCROLL=0: no scrolling (an A/B of the complete time runs three times as many pairs).
  const scroll = process.env.BENCH_SCROLL !== '0';
  const p95Frame = scroll ? p95(await page.evaluate(scrollPages, 150)) : NaN;
  // A second's pause, as a reviewer stops after a fling: the pages where it stopped are drawn
  // then, not counted as frames of the slow scroll that follows.
  if (scroll) await page.waitForTimeout(1000);
  const p95Read = scroll ? p95(await page.evaluate(scrollPages, 15)) : NaN;
  if (process.env.BENCH_TIMELINE) console.log(`  ${name}: opened ${m.timeline.opened} ms, pages read ${m.timeline.pagesRead} ms, report ${m.timeline.report} ms, viewer ${m.timeline.displayAsked} ms, display opened ${m.timeline.displayOpened} ms, pages sized for display ${m.timeline.displaySized} ms, complete ${Math.round(m.complete)} ms`);
  return { complete: m.complete, results: m.results, first: m.first, longest: m.longest, p95Frame, p95Read, peakRssMb: peakRss, peakHeapMb: m.heap / 1048576, pages, cpuSec };
}

/** The raw pass in the same browser, pdf.js served from its package, its worker started before the clock. */
async function timeRaw(page: Page, pdfjsBase: string, fileUrl: string, cpu: number[]): Promise<number> {
  await page.goto(pdfjsBase + 'package.json');
  // The browser's CPU over the whole call (its worker's start and the fetch included: a little more than the pass).
  const cpu0 = browserCpuSec();
  const ms = await page.evaluate(
    async ({ base, file }) => {
      const pdfjs = await import(/* @vite-ignore */ base + 'build/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = base + 'build/pdf.worker.mjs';
      const worker = new pdfjs.PDFWorker();
      await worker.promise;
      const data = new Uint8Array(await (await fetch(file, { cache: 'no-store' })).arrayBuffer());
      const t0 = performance.now();
      const doc = await pdfjs.getDocument({ data, worker, cMapUrl: base + 'cmaps/', cMapPacked: true, standardFontDataUrl: base + 'standard_fonts/', wasmUrl: base + 'wasm/', isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).promise;
      for (let n = 1; n <= doc.numPages; n++) {
        const p = await doc.getPage(n);
        await Promise.all([p.getTextContent({ includeMarkedContent: false }), p.getOperatorList()]);
        p.cleanup();
      }
      const ms = performance.now() - t0;
      await doc.destroy();
      worker.destroy();
      return ms;
    },
    { base: pdfjsBase, file: fileUrl },
  );
  cpu.push(browserCpuSec() - cpu0);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (v: number | null, w: number, d = 0) => (v === null || Number.isNaN(v) ? '—' : v.toFixed(d)).padStart(w);

async function main() {
  build();
  const require = createRequire(import.meta.url);
  const pdfjsRoot = resolve(require.resolve('pdfjs-dist/package.json'), '..');
  const app = await serveDir(join(ROOT, 'dist'), '/bench/');
  const baseline = process.env.BENCH_BASELINE ? await serveDir(resolve(process.env.BENCH_BASELINE), '/bench/') : null;
  const raw = await serveDir(pdfjsRoot, '/pdfjs-dist/');
  const browser: Browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx (esbuild) names functions with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(instrument);
  // BENCH_WORKERS=n: how many analysis workers the app uses (to compare with one).
  if (process.env.BENCH_WORKERS) await context.addInitScript({ content: `window.goujiAnalysisWorkers = ${Number(process.env.BENCH_WORKERS)};` });
  const page = await context.newPage();

  const docs: { name: string; bytes: Buffer }[] = [];
  for (const f of seedFiles()) docs.push({ name: basename(f), bytes: await readFile(f) });
  for (const dir of [REAL, join(REAL, 'provinces')]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.toLowerCase().endsWith('.pdf')).sort()) docs.push({ name: basename(f), bytes: await readFile(join(dir, f)) });
  }
  for (const n of [100, 300]) {
    const b = await plantedLongPdf(n);
    if (b) docs.push({ name: `generated-${n}p.pdf`, bytes: Buffer.from(b) });
  }
  // Both passes fetch the file from a route on their own origin.
  let current: Buffer = Buffer.alloc(0);
  await context.route('**/__bench.pdf?*', (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: current }));

  const header = ['file'.padEnd(40), 'pages', '  raw ms', '  app ms', ' app/raw', ' results/raw', ' first ms', 'first/app', ' longest', ' p95 fr', ' p95 rd', ' peak MB', ' heap MB', ' raw CPU s', ' app CPU s', ' CPU app/raw'];
  console.log(header.join(' '));
  const rows: { name: string; pages: number; ratio: number; resultsRatio: number; firstShare: number | null; longest: number; p95: number; p95Read: number }[] = [];
  try {
    for (const d of docs) {
      if (ONLY && !ONLY.test(d.name)) continue;
      current = d.bytes;
      const raws: number[] = [];
      const rawCpu: number[] = [];
      const apps: AppTiming[] = [];
      const bases: AppTiming[] = [];
      for (let i = 0; i < RUNS; i++) {
        raws.push(await timeRaw(page, raw.url, `${raw.url}__bench.pdf?t=${Date.now()}`, rawCpu));
        // A and B in turn, the order swapped every run.
        if (baseline && i % 2 === 1) bases.push(await timeApp(page, baseline.url, d.name));
        apps.push(await timeApp(page, app.url, d.name));
        if (baseline && i % 2 === 0) bases.push(await timeApp(page, baseline.url, d.name));
      }
      const rawMs = median(raws);
      const a = [...apps].sort((x, y) => x.complete - y.complete)[Math.floor(apps.length / 2)];
      const ratio = a.complete / rawMs;
      const firstShare = a.first === null ? null : a.first / a.complete;
      const resultsRatio = median(apps.map((t) => t.results)) / rawMs;
      rows.push({ name: d.name, pages: a.pages, ratio, resultsRatio, firstShare, longest: a.longest, p95: a.p95Frame, p95Read: a.p95Read });
      console.log(
        [d.name.slice(0, 40).padEnd(40), String(a.pages).padStart(5), fmt(rawMs, 8), fmt(a.complete, 8), fmt(ratio, 8, 2), fmt(resultsRatio, 12, 2), fmt(a.first, 9), fmt(firstShare, 9, 2), fmt(a.longest, 8), fmt(a.p95Frame, 7, 1), fmt(a.p95Read, 7, 1), fmt(a.peakRssMb, 8), fmt(a.peakHeapMb, 8), fmt(median(rawCpu), 10, 1), fmt(a.cpuSec, 10, 1), fmt(a.cpuSec / median(rawCpu), 12, 2)].join(' '),
      );
      if (bases.length) {
        const b = [...bases].sort((x, y) => x.complete - y.complete)[Math.floor(bases.length / 2)];
        const med = (xs: number[]) => median(xs);
        console.log(
          ['  baseline'.padEnd(40), ''.padStart(5), ''.padStart(8), fmt(b.complete, 8), fmt(b.complete / rawMs, 8, 2), fmt(median(bases.map((t) => t.results)) / rawMs, 12, 2), fmt(b.first, 9), fmt(b.first === null ? null : b.first / b.complete, 9, 2), fmt(b.longest, 8), fmt(b.p95Frame, 7, 1), fmt(b.p95Read, 7, 1), fmt(b.peakRssMb, 8), fmt(b.peakHeapMb, 8)].join(' '),
        );
        // Run by run (A and B ran next to each other): this/baseline.
        const pair = (f: (t: AppTiming) => number) => med(apps.map((x, i) => f(x) / f(bases[i])));
        console.log(`  this/baseline, median of ${apps.length} pairs: browser CPU drop → complete ${pair((t) => t.cpuSec).toFixed(2)}× (${med(apps.map((t) => t.cpuSec)).toFixed(1)} s vs ${med(bases.map((t) => t.cpuSec)).toFixed(1)} s), complete ${pair((t) => t.complete).toFixed(2)}×, longest task ${pair((t) => t.longest).toFixed(2)}×, p95 frame ${pair((t) => t.p95Frame).toFixed(2)}× (reading pace ${pair((t) => t.p95Read).toFixed(2)}×)`);
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await raw.close();
    await baseline?.close();
  }
  const big = rows.filter((r) => r.pages >= 20);
  if (big.length) {
    const ratios = big.map((r) => r.ratio).sort((a, b) => a - b);
    const results = big.map((r) => r.resultsRatio).sort((a, b) => a - b);
    console.log(`\n20+ pages (${big.length} files): app/raw median ${median(ratios).toFixed(2)}×, worst ${ratios[ratios.length - 1].toFixed(2)}× (target ≤ 1.0×); the findings list alone (page 1 still drawing) median ${median(results).toFixed(2)}×, worst ${results[results.length - 1].toFixed(2)}×`);
  }
  const long = rows.find((r) => r.name === 'generated-300p.pdf');
  if (long) {
    console.log(`300 pages: first finding ${long.firstShare === null ? 'none' : long.firstShare.toFixed(2) + '×'} of complete (target ≤ 0.35×), longest main-thread task ${long.longest.toFixed(0)} ms (target ≤ 100), p95 frame ${long.p95.toFixed(1)} ms (target ≤ 50; ${long.p95Read.toFixed(1)} ms at a reading pace)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
