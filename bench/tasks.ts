/**
 * `npx tsx bench/tasks.ts DIST_A [DIST_B …]`: the page's main-thread tasks in Chromium for builds
 * of the app, in turn (A B A B …), drop → complete and while scrolling, from a trace.
 *
 * Each task's thread time (CPU time the main thread spent in it) is printed beside its wall time:
 * on a shared machine the wall time of a task grows with everything else running, its thread
 * time does not, so an A/B of thread times holds when the machine is busy.
 * Env: TASKS_FILE=path.pdf (default the generated 300-page document), TASKS_RUNS (default 2),
 * TASKS_SCROLL_PX (px a frame while scrolling, default 150), TASKS_DETAIL / TASKS_SELF / TASKS_BUSY
 * (what ran in the longest tasks / the main thread's own time by event while scrolling / every
 * thread's time), TASKS_THREADS[=scroll] (sampled JS profiles per thread, drop → complete or scrolling).
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launch } from '../test/e2e/browser';
import { serveDir } from '../test/e2e/server';
import { plantedLongPdf } from '../test/e2e/parallel';
import { dropBenchFile, scrollPages } from './page-actions';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

async function trace(cdp: CDPSession, run: () => Promise<{ drop: number; complete: number; scrollEnd: number }>): Promise<{ events: TraceEvent[]; marks: { drop: number; complete: number; scrollEnd: number } }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const categories = 'toplevel,__metadata,devtools.timeline,blink.user_timing' + (process.env.TASKS_THREADS ? ',disabled-by-default-v8.cpu_profiler' : '');
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents', options: 'record-as-much-as-possible' } as never);
  const marks = await run();
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  return { events, marks };
}

async function once(page: Page, cdp: CDPSession, url: string, name: string) {
  await page.goto(url);
  await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
  await page.waitForTimeout(1500);
  const { events } = await trace(cdp, async () => {
    await page.evaluate(() => performance.mark('tasks:drop'));
    await page.evaluate(dropBenchFile, name);
    await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 600_000, state: 'attached' });
    await page.evaluate(() => performance.mark('tasks:complete'));
    await page.evaluate(scrollPages, Number(process.env.TASKS_SCROLL_PX ?? 150));
    await page.evaluate(() => performance.mark('tasks:scrolled'));
    return { drop: 0, complete: 0, scrollEnd: 0 };
  });
  const at = (n: string) => events.find((e) => e.name === n)!;
  const drop = at('tasks:drop');
  const complete = at('tasks:complete');
  const scrolled = at('tasks:scrolled');
  // The page's main thread: where the marks were made.
  const main = events.filter((e) => e.pid === drop.pid && e.tid === drop.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'));
  const within = (a: number, b: number) => main.filter((e) => e.ts >= a && e.ts <= b);
  const summarize = (ts: TraceEvent[]) => {
    const wall = ts.map((e) => (e.dur ?? 0) / 1000).sort((a, b) => b - a);
    const cpu = ts.map((e) => (e.tdur ?? 0) / 1000).sort((a, b) => b - a);
    return { n: ts.length, wallMax: wall[0] ?? 0, cpuMax: cpu[0] ?? 0, cpuOver50: cpu.filter((x) => x > 50).length, cpuTotal: cpu.reduce((s, x) => s + x, 0) };
  };
  // TASKS_THREADS=scroll: the profiles while scrolling instead of drop → complete.
  if (process.env.TASKS_THREADS) process.env.TASKS_THREADS === 'scroll' ? threadProfiles(events, complete.ts, scrolled.ts) : threadProfiles(events, drop.ts, complete.ts);
  if (process.env.TASKS_SELF) {
    // The page's main thread while scrolling: self time (own time less nested events') by event name.
    const evs = events.filter((e) => e.pid === drop.pid && e.tid === drop.tid && e.ph === 'X' && e.ts >= complete.ts && e.ts <= scrolled.ts).sort((x, y) => x.ts - y.ts || (y.dur ?? 0) - (x.dur ?? 0));
    const self = new Map<string, number>();
    const stack: { end: number; key: string }[] = [];
    const keyOf = (e: TraceEvent) => (e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire' ? `${e.name} ${JSON.stringify((e.args?.data as Record<string, unknown>)?.functionName ?? (e.args?.data as Record<string, unknown>)?.type ?? '')}` : e.name);
    for (const e of evs) {
      while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
      const t = (e.tdur ?? e.dur ?? 0) / 1000;
      const k = keyOf(e);
      self.set(k, (self.get(k) ?? 0) + t);
      if (stack.length) self.set(stack[stack.length - 1].key, (self.get(stack[stack.length - 1].key) ?? 0) - t);
      stack.push({ end: e.ts + (e.dur ?? 0), key: k });
    }
    console.log(`    scroll, main thread self time: ${[...self].sort((x, y) => y[1] - x[1]).slice(0, 16).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  if (process.env.TASKS_BUSY) {
    // Every thread of every process (page, compositor, raster, pdf.js workers, GPU): its own time in top-level tasks.
    const names = new Map<string, string>();
    for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
    for (const [label, a, b] of [['load', drop.ts, complete.ts], ['scroll', complete.ts, scrolled.ts]] as const) {
      const busy = new Map<string, number>();
      for (const e of events) {
        if (e.ph !== 'X' || e.ts < a || e.ts > b || !(e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask' || e.name === 'ThreadPool_RunTask')) continue;
        const k = `${names.get(`${e.pid}:${e.tid}`) ?? '?'} ${e.pid}:${e.tid}`;
        busy.set(k, (busy.get(k) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
      }
      const top = [...busy].sort((x, y) => y[1] - x[1]).slice(0, 8);
      console.log(`    ${label} (${((b - a) / 1000).toFixed(0)} ms), thread time by thread: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    }
  }
  if (process.env.TASKS_DETAIL) {
    // The longest tasks by thread time, with what ran inside them (timeline events on the same thread).
    const inner = events.filter((e) => e.pid === drop.pid && e.tid === drop.tid && e.ph === 'X' && !e.name.includes('RunTask'));
    for (const [label, a, b] of [['load', drop.ts, complete.ts], ['scroll', complete.ts, scrolled.ts]] as const) {
      for (const t of within(a, b).sort((x, y) => (y.tdur ?? 0) - (x.tdur ?? 0)).slice(0, 4)) {
        const parts = new Map<string, number>();
        for (const e of inner) {
          if (e.ts < t.ts || e.ts >= t.ts + (t.dur ?? 0)) continue;
          const k = e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire' ? `${e.name} ${JSON.stringify((e.args?.data as Record<string, unknown>)?.functionName ?? (e.args?.data as Record<string, unknown>)?.type ?? '')}` : e.name;
          parts.set(k, (parts.get(k) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
        }
        const top = [...parts].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
        console.log(`    ${label} task at +${((t.ts - drop.ts) / 1000).toFixed(0)} ms: wall ${((t.dur ?? 0) / 1000).toFixed(0)}, cpu ${((t.tdur ?? 0) / 1000).toFixed(0)}: ${top}`);
      }
    }
  }
  return { completeMs: (complete.ts - drop.ts) / 1000, load: summarize(within(drop.ts, complete.ts)), scroll: summarize(within(complete.ts, scrolled.ts)) };
}

/** Per thread (the page's and its workers'): sampled time drop → complete by function (self), from the trace's CPU profile chunks. */
function threadProfiles(events: TraceEvent[], from: number, to: number): void {
  const names = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  // Profile chunks are keyed by (pid, id); the Profile event names the thread.
  const nodes = new Map<string, Map<number, { name: string; parent?: number }>>();
  const self = new Map<string, Map<string, number>>();
  const threadOf = new Map<string, string>();
  const times = new Map<string, number>();
  for (const e of events as (TraceEvent & { id?: string; args: { data?: Record<string, unknown> } })[]) {
    const key = `${e.pid}:${e.id}`;
    if (e.name === 'Profile') {
      // Several workers share one thread name: the thread id tells them apart.
      threadOf.set(key, `${names.get(`${e.pid}:${e.tid}`) ?? ''} ${e.pid}:${e.tid}`);
      times.set(key, Number((e.args.data as { startTime: number }).startTime));
    }
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args.data as { cpuProfile?: { nodes?: { id: number; callFrame: { functionName: string; url?: string }; parent?: number }[]; samples?: number[] }; timeDeltas?: number[] };
    const m = nodes.get(key) ?? new Map();
    nodes.set(key, m);
    for (const n of data.cpuProfile?.nodes ?? []) m.set(n.id, { name: `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()?.replace(/-[\w-]{8}\.js$/, '.js') ?? ''}`, parent: n.parent });
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let t = times.get(key) ?? 0;
    const th = threadOf.get(key) ?? key;
    const acc = self.get(th) ?? new Map<string, number>();
    self.set(th, acc);
    samples.forEach((id, i) => {
      t += deltas[i] ?? 0;
      if (t < from || t > to) return;
      let name = m.get(id)?.name ?? '?';
      // TASKS_CALLERS=fn: that function's time by its callers (up to 5 levels), instead of self time.
      const want = process.env.TASKS_CALLERS;
      if (want) {
        if (!name.startsWith(want + ' ')) return;
        const chain: string[] = [];
        for (let p = m.get(id)?.parent; p !== undefined && chain.length < 5; p = m.get(p)?.parent) chain.push(m.get(p)?.name ?? '?');
        name = `${want} ← ${chain.join(' ← ')}`;
      }
      acc.set(name, (acc.get(name) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000);
    });
    times.set(key, t);
  }
  for (const [th, acc] of self) {
    const busy = [...acc].filter(([n]) => !n.startsWith('(idle)') && !n.startsWith('(program)'));
    const total = busy.reduce((s, [, v]) => s + v, 0);
    if (total < (process.env.TASKS_CALLERS ? 1 : 100)) continue;
    console.log(`  thread ${th}: ${total.toFixed(0)} ms busy (sampled)`);
    const byFile = new Map<string, number>();
    for (const [n, v] of busy) byFile.set(n.split(' ')[1] || '(native)', (byFile.get(n.split(' ')[1] || '(native)') ?? 0) + v);
    console.log(`    by file: ${[...byFile].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([f, v]) => `${f} ${v.toFixed(0)}`).join(', ')}`);
    for (const [n, v] of busy.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TASKS_TOP ?? 12))) console.log(`      ${v.toFixed(0).padStart(6)}  ${n}`);
  }
}

async function main() {
  const dists = process.argv.slice(2);
  if (!dists.length) throw new Error('usage: tsx bench/tasks.ts DIST_A [DIST_B …]');
  const file = process.env.TASKS_FILE;
  const bytes = file ? await readFile(file) : Buffer.from((await plantedLongPdf(300))!);
  const name = file ? basename(file) : 'generated-300p.pdf';
  const servers = await Promise.all(dists.map((d) => serveDir(resolve(d), '/bench/')));
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.route('**/__bench.pdf?*', (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: bytes }));
  const runs = Number(process.env.TASKS_RUNS ?? 2);
  console.log(`${name}: main-thread tasks, ms (cpu = the thread's own time in the task)`);
  console.log(['build'.padEnd(28), 'complete', 'load: longest wall', 'cpu', '>50cpu', 'cpu total', '| scroll: longest wall', 'cpu', '>50cpu', 'cpu total'].join('  '));
  try {
    for (let r = 0; r < runs; r++) {
      for (const [i, s] of servers.entries()) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        const m = await once(page, cdp, s.url, name);
        await page.close();
        const f = (v: number) => v.toFixed(0);
        console.log([dists[i].slice(-28).padEnd(28), f(m.completeMs).padStart(8), f(m.load.wallMax).padStart(18), f(m.load.cpuMax).padStart(3), String(m.load.cpuOver50).padStart(6), f(m.load.cpuTotal).padStart(9), '|', f(m.scroll.wallMax).padStart(20), f(m.scroll.cpuMax).padStart(3), String(m.scroll.cpuOver50).padStart(6), f(m.scroll.cpuTotal).padStart(9)].join('  '));
      }
    }
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
