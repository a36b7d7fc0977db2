/**
 * `npm run bench`: Gouji in Node against a raw pdf.js pass, side by side in the same run.
 *
 * A raw pass: one pdf.js document, pages in order, getTextContent + getOperatorList of every page,
 * pdf.js's own worker (in Node: its in-thread one), nothing else (issue 9).
 *   1. in-process: analyzePdf (the whole pipeline) vs a raw pass, per file;
 *   2. whole process: the built CLI on one file (`node bin/gouji.js check f --json`) vs
 *      bench/raw-pass.mjs on the same file, each its own node process (the seeds, the smallest,
 *      middle and three largest real PDFs, the generated 200-page document); plus what start-up costs;
 *   3. the 20 largest PDFs of ../shared/real (when present): `--jobs 2` vs `--jobs 1`, one process each;
 *      and what the machine gives a second thread of such work: raw passes over the same files, two
 *      processes at once (half the files each) vs one process (all of them).
 * A/B runs alternate (A B, B A, …) and medians are quoted. Prints tables; writes bench/results/node.json.
 * Env: BENCH_REPEAT (in-process, 3), BENCH_PROCESS_RUNS (5), BENCH_JOBS_RUNS (3),
 * BENCH_ONLY=inprocess,process,jobs (all), BENCH_CLI_JOBS=n (section 2's CLI with --jobs n).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { PDFDocument } from 'pdf-lib';
import { analyzePdf } from '../src/core/analyze';
import { openPdf } from '../src/pdf/load';
import { nodePdfEnvironment } from '../src/pdf/node';
import { rawPass as rawPassWith } from './raw-pass.mjs';

const env = nodePdfEnvironment();
const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'gouji.js');
const RAW = join(ROOT, 'bench', 'raw-pass.mjs');
/** pdf.js's package folder: its cmaps/, standard_fonts/, wasm/ and iccs/. */
const PDFJS_ASSETS = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')) + '/';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const PROCESS_RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 5);
const JOBS_RUNS = Number(process.env.BENCH_JOBS_RUNS ?? 3);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'inprocess,process,jobs').split(','));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Columns as a terminal shows them: a CJK character takes two cells. */
const cells = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

function table(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => cells(r[c]))));
  const pad = (v: string, c: number) => ' '.repeat(widths[c] - cells(v));
  for (const r of rows) console.log(r.map((v, c) => (c === 0 ? v + pad(v, c) : pad(v, c) + v)).join('  '));
}

/** Runs A and B `runs` times each, alternating which goes first; returns both series. */
async function interleaved(runs: number, a: () => Promise<number> | number, b: () => Promise<number> | number): Promise<{ a: number[]; b: number[] }> {
  const out = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      out.a.push(await a());
      out.b.push(await b());
    } else {
      out.b.push(await b());
      out.a.push(await a());
    }
  }
  return out;
}

/** Median of A/B and of the pairwise ratios (robust to the machine's speed drifting between pairs). */
function compare(s: { a: number[]; b: number[] }) {
  return { a: median(s.a), b: median(s.b), ratioOfMedians: median(s.a) / median(s.b), medianPairRatio: median(s.a.map((x, i) => x / s.b[i])) };
}

// ——— files ———

function pdfsUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.pdf$/i.test(f)).sort().map((f) => join(dir, f));
}

/** A 200-page document of the committed fixture pages, each source copied in one call so its fonts are shared. */
async function generated200(): Promise<Uint8Array> {
  const dir = join(ROOT, 'test/fixtures/pdf');
  const sources = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map(async (f) => PDFDocument.load(readFileSync(join(dir, f)))));
  const perSource = Math.ceil(200 / sources.length);
  const out = await PDFDocument.create();
  for (const src of sources) {
    const indices = Array.from({ length: perSource }, (_, i) => i % src.getPageCount());
    for (const page of await out.copyPages(src, indices)) if (out.getPageCount() < 200) out.addPage(page);
  }
  return out.save();
}

// ——— 1. in-process ———

/** CPU milliseconds this process spent (all its threads, pdf.js's and the GC's included). */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs `f`, returns its wall time and pushes its CPU time into `cpu`. */
async function measured(f: () => Promise<unknown>, cpu: number[]): Promise<number> {
  const c0 = cpuNow();
  const t0 = performance.now();
  await f();
  const ms = performance.now() - t0;
  cpu.push(cpuNow() - c0);
  return ms;
}

/**
 * The raw pass opens the file with pdf.js's own options, as bench/raw-pass.mjs does — not with
 * openPdf, whose analysis options (images left out) are Gouji's work, not the yardstick's.
 */
async function rawPass(bytes: Uint8Array): Promise<number> {
  const t0 = performance.now();
  await rawPassWith(env.pdfjs, bytes.slice(), PDFJS_ASSETS);
  return performance.now() - t0;
}

async function analyze(bytes: Uint8Array, name: string): Promise<number> {
  const t0 = performance.now();
  const report = await analyzePdf(bytes, { fileName: name, env });
  if (report.error) throw new Error(`${name}: ${report.error.code}`);
  return performance.now() - t0;
}

async function inProcess(files: string[]) {
  console.log(`\n1. In-process: analyzePdf vs a raw pdf.js pass (median of ${REPEAT}, alternating)\n`);
  const first = new Uint8Array(readFileSync(files[0]));
  await rawPass(first); // warm-up: fonts, CMaps, JIT
  await analyze(first, basename(files[0]));
  const rows = [['file', 'pages', 'raw ms', 'analyze ms', 'ratio', 'raw CPU ms', 'analyze CPU ms', 'CPU ratio']];
  const results = [];
  let totRaw = 0, totOurs = 0, cpuRaw = 0, cpuOurs = 0;
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const name = basename(path);
    const pages = (await openPdf(bytes, env).then(async (d) => [d.numPages, await d.destroy()]))[0] as number;
    const cpu = { a: [] as number[], b: [] as number[] };
    const c = compare(await interleaved(REPEAT, () => measured(() => analyze(bytes, name), cpu.a), () => measured(() => rawPass(bytes), cpu.b)));
    const k = compare(cpu);
    totRaw += c.b;
    totOurs += c.a;
    cpuRaw += k.b;
    cpuOurs += k.a;
    results.push({ file: name, pages, rawMs: c.b, analyzeMs: c.a, ratio: c.medianPairRatio, rawCpuMs: k.b, analyzeCpuMs: k.a, cpuRatio: k.medianPairRatio });
    rows.push([name.slice(0, 40), String(pages), c.b.toFixed(0), c.a.toFixed(0), c.medianPairRatio.toFixed(2) + '×', k.b.toFixed(0), k.a.toFixed(0), k.medianPairRatio.toFixed(2) + '×']);
  }
  rows.push(['TOTAL', '', totRaw.toFixed(0), totOurs.toFixed(0), (totOurs / totRaw).toFixed(2) + '×', cpuRaw.toFixed(0), cpuOurs.toFixed(0), (cpuOurs / cpuRaw).toFixed(2) + '×']);
  table(rows);
  return { files: results, totalRawMs: totRaw, totalAnalyzeMs: totOurs, ratio: totOurs / totRaw, totalRawCpuMs: cpuRaw, totalAnalyzeCpuMs: cpuOurs, cpuRatio: cpuOurs / cpuRaw };
}

// ——— 2. whole process ———

/** CPU seconds (user + system) of this process's finished children, from Linux's /proc; 0 elsewhere. */
function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // Fields 16 and 17 (cutime, cstime) in clock ticks, usually 100 a second; counted from field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * Wall time of one node process; its CPU time goes to `cpu` when given (on a shared, busy machine
 * CPU time is the steadier figure). Fails loudly if it could not run (exit 0 or 1 is a finished check).
 */
function nodeProcess(args: string[], cpu?: number[]): number {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  cpu?.push(childrenCpuMs() - c0);
  if (r.status === null || r.status > 1) throw new Error(`node ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return ms;
}

/** Wall time of node processes started together, until the last one ends. */
async function nodeProcessesAtOnce(argsList: string[][]): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    argsList.map(
      (args) =>
        new Promise<void>((done, fail) => {
          const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
          child.on('error', fail);
          child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`node ${args.join(' ')}: exit ${code}`))));
        }),
    ),
  );
  return performance.now() - t0;
}

async function wholeProcess(files: string[]) {
  // BENCH_CLI_JOBS=1: the CLI in one thread (by default a file alone is read page-parallel, a thread per core).
  const cli = (f: string) => [BIN, 'check', f, '--json', ...(process.env.BENCH_CLI_JOBS ? ['--jobs', process.env.BENCH_CLI_JOBS] : [])];
  console.log(`\n2. Whole process, one file: node ${cli('f').join(' ').replace(BIN, 'bin/gouji.js')} vs node bench/raw-pass.mjs f (median of ${PROCESS_RUNS}, alternating)\n`);
  const rows = [['file', 'KB', 'raw ms', 'CLI ms', 'ratio', 'raw CPU ms', 'CLI CPU ms', 'CPU ratio']];
  const results = [];
  for (const f of files) {
    nodeProcess(cli(f)); // warm the disk cache for both
    nodeProcess([RAW, f]);
    const cpu = { a: [] as number[], b: [] as number[] };
    const c = compare(await interleaved(PROCESS_RUNS, () => nodeProcess(cli(f), cpu.a), () => nodeProcess([RAW, f], cpu.b)));
    const k = compare(cpu);
    results.push({ file: basename(f), bytes: statSync(f).size, rawMs: c.b, cliMs: c.a, ratio: c.medianPairRatio, rawCpuMs: k.b, cliCpuMs: k.a, cpuRatio: k.medianPairRatio });
    rows.push([basename(f).slice(0, 40), (statSync(f).size / 1024).toFixed(0), c.b.toFixed(0), c.a.toFixed(0), c.medianPairRatio.toFixed(2) + '×', k.b.toFixed(0), k.a.toFixed(0), k.medianPairRatio.toFixed(2) + '×']);
  }
  table(rows);
  const worst = Math.max(...results.map((r) => r.ratio));
  console.log(`\nworst file: ${worst.toFixed(2)}× (target ≤ 1.3×) ${worst <= 1.3 ? 'OK' : 'OVER TARGET'}`);

  // What start-up costs, each as its own process.
  const pdfjsOnly = join(mkdtempSync(join(tmpdir(), 'gouji-bench-')), 'load-pdfjs.mjs');
  writeFileSync(pdfjsOnly, `await import(${JSON.stringify(join(ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.mjs'))});\n`);
  const startup = {
    nodeMs: median(Array.from({ length: PROCESS_RUNS }, () => nodeProcess(['-e', '0']))),
    cliHelpMs: median(Array.from({ length: PROCESS_RUNS }, () => nodeProcess([BIN, '--help']))),
    loadPdfjsMs: median(Array.from({ length: PROCESS_RUNS }, () => nodeProcess([pdfjsOnly]))),
    npxHelpMs: median(Array.from({ length: PROCESS_RUNS }, () => {
      const t0 = performance.now();
      execFileSync('npx', ['--no-install', 'gouji', '--help'], { cwd: ROOT, stdio: 'ignore' });
      return performance.now() - t0;
    })),
  };
  console.log(
    `start-up: node -e 0 ${startup.nodeMs.toFixed(0)} ms · gouji --help (the CLI without pdf.js) ${startup.cliHelpMs.toFixed(0)} ms · ` +
      `importing pdf.js ${startup.loadPdfjsMs.toFixed(0)} ms · npx gouji --help ${startup.npxHelpMs.toFixed(0)} ms (npx adds ${(startup.npxHelpMs - startup.cliHelpMs).toFixed(0)} ms)`,
  );
  return { files: results, worstRatio: worst, startup };
}

// ——— 3. --jobs 2 vs --jobs 1 ———

async function jobs(real: string[]) {
  const largest = [...real].sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 20);
  console.log(`\n3. The ${largest.length} largest PDFs of ../shared/real in one process: --jobs 2 vs --jobs 1 (median of ${JOBS_RUNS}, alternating)\n`);
  const loadBefore = loadavg()[0];
  const cpu = { a: [] as number[], b: [] as number[] };
  const run = (n: number, into: number[]) => () => nodeProcess([BIN, 'check', ...largest, '--json', '--jobs', String(n)], into);
  const c = compare(await interleaved(JOBS_RUNS, run(2, cpu.a), run(1, cpu.b)));
  const k = compare(cpu);
  table([
    ['', '--jobs 1 ms', '--jobs 2 ms', 'ratio', '--jobs 1 CPU ms', '--jobs 2 CPU ms'],
    [`${largest.length} files`, c.b.toFixed(0), c.a.toFixed(0), c.medianPairRatio.toFixed(2) + '×', k.b.toFixed(0), k.a.toFixed(0)],
  ]);
  // --jobs 2 can only gain from a second idle core: with the machine's load at its core count, it cannot.
  const load = loadavg()[0];
  console.log(`\n--jobs 2 / --jobs 1: ${c.medianPairRatio.toFixed(2)}× (target ≤ 0.6×) ${c.medianPairRatio <= 0.6 ? 'OK' : 'OVER TARGET'} · CPU ${(k.a / k.b).toFixed(2)}× · load ${loadBefore.toFixed(1)} → ${load.toFixed(1)} on ${cpus().length} cores`);
  // One job is not one core: V8 compiles and collects garbage on threads of its own. Spread over
  // every core, --jobs 1's CPU would take this share of its wall time: the best --jobs 2 can do
  // (less, only if running files side by side costs less CPU than one after another).
  const busyCores = k.b / c.b;
  const floor = k.b / cpus().length / c.b;
  console.log(`--jobs 1 keeps ${busyCores.toFixed(2)} cores busy: on ${cpus().length} cores, --jobs 2 cannot go below ~${floor.toFixed(2)}× at the same CPU`);
  // The machine's own ratio for this kind of work: pdf.js alone (raw passes), the files dealt
  // alternately by size into two processes run at once, against one process reading them all.
  // Two cores give two threads of pdf.js work less than twice the speed of one when they share
  // memory bandwidth and caches; --jobs 2 / --jobs 1 cannot beat this ratio by much.
  const halves = [largest.filter((_, i) => i % 2 === 0), largest.filter((_, i) => i % 2 === 1)];
  const raw = compare(await interleaved(JOBS_RUNS, () => nodeProcessesAtOnce(halves.map((h) => [RAW, ...h])), () => nodeProcessesAtOnce([[RAW, ...largest]])));
  console.log(`raw pdf.js passes over the same files, two processes at once / one process: ${raw.medianPairRatio.toFixed(2)}× (${raw.a.toFixed(0)} vs ${raw.b.toFixed(0)} ms) — what this machine gives a second thread of pdf.js work`);
  return { files: largest.map((f) => basename(f)), jobs1Ms: c.b, jobs2Ms: c.a, ratio: c.medianPairRatio, jobs1CpuMs: k.b, jobs2CpuMs: k.a, jobs1BusyCores: busyCores, floorRatio: floor, load: [loadBefore, load], rawTwoAtOnceMs: raw.a, rawOneMs: raw.b, rawScaling: raw.medianPairRatio };
}

async function main() {
  // The CLI as `prepare` builds it, fresh.
  execFileSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'vite.cli.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  const seeds = pdfsUnder(resolve(ROOT, '../shared/seeds/pdf'));
  const real = pdfsUnder(resolve(ROOT, '../shared/real'));
  const tmp = mkdtempSync(join(tmpdir(), 'gouji-bench-'));
  const long = join(tmp, 'generated-200-pages.pdf');
  writeFileSync(long, await generated200());
  const fixtures = [join(ROOT, 'test/fixtures/pdf/threepage.pdf'), join(ROOT, 'test/fixtures/pdf/continued.pdf')];
  console.log(`Node ${process.version} · ${cpus().length} cores · load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);

  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cores: cpus().length, loadBefore: loadavg() };
  if (ONLY.has('inprocess')) results.inProcess = await inProcess([...seeds, ...real, long]);
  if (ONLY.has('process')) {
    // Seeds, the smallest and the middle real document, and the three largest (the 1.3× target is per file).
    const bySize = [...real].sort((a, b) => statSync(a).size - statSync(b).size);
    const picks = bySize.length ? [...new Set([bySize[0], bySize[Math.floor(bySize.length / 2)], ...bySize.slice(-3)])] : fixtures;
    results.wholeProcess = await wholeProcess([...seeds, ...picks, long]);
  }
  if (ONLY.has('jobs')) {
    if (real.length) results.jobs = await jobs(real);
    else console.log('\n3. skipped: ../shared/real is not present');
  }
  results.loadAfter = loadavg();
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/node.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nwritten: bench/results/node.json · load now ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

await main();
