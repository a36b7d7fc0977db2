/**
 * `npx tsx bench/profile-threads.ts [file.pdf]`: where the browser's CPU goes, drop → complete,
 * thread by thread (the analysis workers, the drawing worker, the page's main thread), from a
 * Chromium trace with the V8 sampling profiler on (a CPU profile of the page alone, as
 * bench/profile.ts takes, misses the workers).
 *
 * Per thread: sampled busy time, garbage collection (the trace's GC events), the files and the
 * functions with the most self time. Built unminified into dist-profile/ (PROFILE_SKIP_BUILD=1 to
 * reuse it). Without a file: the generated 300-page document. PROFILE_TOP=n functions a thread;
 * PROFILE_TOTALS=f,g the inclusive time of those functions (assembleReport,add …) in each thread;
 * PROFILE_NATIVE=1 names native self time (postMessage, DecompressionStream …) after its nearest
 * JavaScript caller.
 */
import { basename } from 'node:path';
import { openProfilePage } from './profile-page';
import { dropBenchFile } from './page-actions';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber?: number } }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

const GC_EVENTS = new Set(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR', 'V8.GC_MINOR_MARK_SWEEPER']);

function summarise(events: TraceEvent[], top: number): void {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  // A profile (pid + id) is announced by a Profile event on its thread; its chunks may come from elsewhere.
  const profileThread = new Map<string, string>();
  for (const e of events) if (e.name === 'Profile' && e.id) profileThread.set(`${e.pid}:${e.id}`, `${e.pid}:${e.tid}`);
  const gcByThread = new Map<string, number>();
  for (const e of events) {
    if (e.ph === 'X' && (e.name === 'MinorGC' || e.name === 'MajorGC') && e.dur) gcByThread.set(`${e.pid}:${e.tid}`, (gcByThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur / 1000);
  }
  interface Acc {
    nodes: Map<number, { functionName: string; url: string; line: number; parent?: number }>;
    self: Map<string, number>;
    /** Inclusive time of the functions named in PROFILE_TOTALS. */
    inclusive: Map<string, number>;
    files: Map<string, number>;
    total: number;
    idle: number;
  }
  const totals = new Set((process.env.PROFILE_TOTALS ?? '').split(',').filter(Boolean));
  const acc = new Map<string, Acc>();
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const key = profileThread.get(`${e.pid}:${e.id}`) ?? `${e.pid}:${e.tid}`;
    let a = acc.get(key);
    if (!a) acc.set(key, (a = { nodes: new Map(), self: new Map(), inclusive: new Map(), files: new Map(), total: 0, idle: 0 }));
    const cp = e.args?.data?.cpuProfile;
    for (const n of cp?.nodes ?? []) a.nodes.set(n.id, { functionName: n.callFrame.functionName || '(anon)', url: n.callFrame.url ?? '', line: (n.callFrame.lineNumber ?? 0) + 1, parent: n.parent });
    const deltas = e.args?.data?.timeDeltas ?? [];
    (cp?.samples ?? []).forEach((id, i) => {
      const n = a.nodes.get(id);
      const ms = (deltas[i] ?? 0) / 1000;
      if (!n) return;
      a.total += ms;
      if (n.functionName === '(idle)' || n.functionName === '(program)') {
        a.idle += ms;
        return;
      }
      const file = basename(n.url.split('?')[0]) || '-';
      let k = `${n.functionName} ${file}:${n.line}`;
      if (process.env.PROFILE_NATIVE && file === '-') {
        let up: typeof n | undefined = n;
        while (up && !up.url) up = up.parent === undefined ? undefined : a.nodes.get(up.parent);
        if (up) k = `${n.functionName} <- ${up.functionName} ${basename(up.url.split('?')[0])}:${up.line}`;
      }
      a.self.set(k, (a.self.get(k) ?? 0) + ms);
      a.files.set(file, (a.files.get(file) ?? 0) + ms);
      const seen = new Set<string>();
      for (let up: typeof n | undefined = n; up; up = up.parent === undefined ? undefined : a.nodes.get(up.parent)) {
        if (totals.has(up.functionName) && !seen.has(up.functionName)) {
          seen.add(up.functionName);
          a.inclusive.set(up.functionName, (a.inclusive.get(up.functionName) ?? 0) + ms);
        }
      }
    });
  }
  const rows = [...acc].map(([k, a]) => ({ k, a, busy: a.total - a.idle })).sort((x, y) => y.busy - x.busy);
  for (const { k, a, busy } of rows) {
    if (busy < 20) continue;
    console.log(`\n== ${threadName.get(k) ?? k} (${k}): busy ${busy.toFixed(0)} ms (sampled), GC events ${(gcByThread.get(k) ?? 0).toFixed(0)} ms`);
    console.log('   files: ' + [...a.files].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([f, v]) => `${f} ${v.toFixed(0)}`).join(' · '));
    if (a.inclusive.size) console.log('   inclusive: ' + [...a.inclusive].map(([f, v]) => `${f} ${v.toFixed(0)} ms`).join(' · '));
    for (const [f, v] of [...a.self].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`   ${v.toFixed(0).padStart(6)} ms  ${f}`);
  }
  const gcOther = [...gcByThread].filter(([k]) => !acc.has(k));
  if (gcOther.length) console.log('\nGC on threads without samples: ' + gcOther.map(([k, v]) => `${threadName.get(k) ?? k} ${v.toFixed(0)} ms`).join(' · '));
}

async function main() {
  const { browser, page, name, close } = await openProfilePage(process.argv[2]);
  try {
    await browser.startTracing(page, { categories: ['disabled-by-default-v8.cpu_profiler', 'v8', 'devtools.timeline', '__metadata'] });
    const t0 = Date.now();
    await page.evaluate(dropBenchFile, name);
    await page.waitForSelector('[data-testid="results"]', { timeout: 600_000 });
    await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 600_000 });
    console.log(`${name}: drop → complete ${Date.now() - t0} ms (with tracing on)`);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
    summarise(trace.traceEvents, Number(process.env.PROFILE_TOP ?? 20));
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
