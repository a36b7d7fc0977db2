/**
 * `npx tsx bench/profile.ts [file.pdf]`: where the main thread's time goes in Chromium, drop →
 * complete and while scrolling (the CPU profile of the page, through the DevTools protocol).
 *
 * The app is built unminified into dist-profile/ (names stay readable). The busy stretches of the
 * main thread (samples not idle, gaps under 2 ms joined) over 50 ms are printed, each with the
 * functions that took its time (self and inclusive). Without a file: the generated 300-page document.
 */
import { basename } from 'node:path';
import { openProfilePage } from './profile-page';
import { dropBenchFile, scrollPages } from './page-actions';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

function report(label: string, p: Profile, minMs = 50): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${basename(n.callFrame.url).replace(/-[\w-]{8}\.js$/, '.js')}:${n.callFrame.lineNumber + 1}`;
  // Sample times (ms from the profile's start).
  const times: number[] = [];
  let t = 0;
  for (const d of p.timeDeltas) times.push((t += d) / 1000);
  // Busy stretches: consecutive non-idle samples (GC counts as busy inside a stretch).
  const stretches: { from: number; to: number; samples: number[] }[] = [];
  let cur: { from: number; to: number; samples: number[] } | null = null;
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const fn = n.callFrame.functionName;
    const idle = fn === '(idle)' || fn === '(program)';
    if (idle) {
      if (cur && times[i] - cur.to > 2) cur = null;
      return;
    }
    if (!cur) stretches.push((cur = { from: times[i], to: times[i], samples: [] }));
    cur.to = times[i];
    cur.samples.push(i);
  });
  const total = new Map<string, number>();
  const long = stretches.filter((s) => s.to - s.from >= minMs);
  console.log(`\n== ${label}: ${long.length} busy stretches ≥ ${minMs} ms (of ${stretches.length}); longest ${Math.max(0, ...stretches.map((s) => s.to - s.from)).toFixed(0)} ms`);
  for (const s of long.sort((a, b) => b.to - b.from - (a.to - a.from)).slice(0, 8)) {
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    for (const i of s.samples) {
      const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
      const n = byId.get(p.samples[i])!;
      self.set(name(n), (self.get(name(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
        const k = name(byId.get(id)!);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>, k: number) => [...m].filter(([n]) => !IDLE.has(n.split(' ')[0]) && !n.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `    ${v.toFixed(0).padStart(5)} ms  ${n}`).join('\n');
    console.log(`  at ${s.from.toFixed(0)} ms, ${(s.to - s.from).toFixed(0)} ms\n   self:\n${top(self, 8)}\n   inclusive:\n${top(incl, Number(process.env.PROFILE_TOP ?? 14))}`);
    for (const [k, v] of incl) total.set(k, (total.get(k) ?? 0) + v);
  }
}

async function main() {
  const { context, page, name, close } = await openProfilePage(process.argv[2]);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.evaluate(dropBenchFile, name);
    await page.waitForSelector('[data-testid="page"][data-page="1"] .pdf-page-canvas.state-done', { timeout: 600_000 });
    console.log(`${name}: drop → complete ${Date.now() - t0} ms (with the profiler on)`);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    report('drop → complete', profile);
    console.log('DOM after complete:', await page.evaluate(() => ({ elements: document.querySelectorAll('*').length, findings: document.querySelectorAll('[data-testid="finding"]').length, navItems: document.querySelectorAll('[data-testid="page-nav-item"]').length, pages: document.querySelectorAll('[data-testid="page"]').length, canvases: document.querySelectorAll('canvas').length })));
    await cdp.send('Profiler.start');
    await page.evaluate(scrollPages, 150);
    const { profile: scroll } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    report('scrolling', scroll, 30);
  } finally {
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
