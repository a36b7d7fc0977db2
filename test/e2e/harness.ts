/** Shared pieces of the e2e run and the e2e benchmark: build, serve, CLI reference, big PDFs. */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Report } from '../../src/report/types';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SEEDS = resolve(ROOT, '../shared/seeds/pdf');
export const BAD = join(ROOT, 'test/fixtures/bad');
export const SAMPLE = join(ROOT, 'public/sample.pdf');
export const ARTIFACTS = join(ROOT, 'test/e2e/artifacts');

export function seedFiles(): string[] {
  if (!existsSync(SEEDS) || process.env.E2E_NO_SEEDS === '1') return [];
  return readdirSync(SEEDS)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => join(SEEDS, f));
}

export function build(): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(ROOT, 'dist/index.html'))) return;
  const r = spawnSync(join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** The CLI's report for a file: the reference the browser must match. */
export async function cliReport(file: string): Promise<Report> {
  // stdout goes to a file: the CLI ends with process.exit(), which can cut a large JSON written to a pipe.
  const dir = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
  const out = join(dir, 'report.json');
  const fd = openSync(out, 'w');
  try {
    const stderr = await new Promise<string>((ok, fail) => {
      const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'check', file, '--json'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d) => (err += d));
      child.on('error', fail);
      child.on('close', () => ok(err));
    });
    closeSync(fd);
    const text = readFileSync(out, 'utf8');
    if (!text.trim()) throw new Error(`CLI gave no output for ${file}: ${stderr}`);
    return JSON.parse(text) as Report;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A long document made of the seed documents' (and the sample's) pages repeated, for the benchmark and the cancel test. */
export async function longPdf(pages: number): Promise<Uint8Array | null> {
  const seeds = [...seedFiles(), ...(existsSync(SAMPLE) ? [SAMPLE] : [])];
  if (!seeds.length) return null;
  const out = await PDFDocument.create();
  let i = 0;
  while (out.getPageCount() < pages) {
    const src = await PDFDocument.load(await readFile(seeds[i++ % seeds.length]));
    const want = Math.min(src.getPageCount(), pages - out.getPageCount());
    const copied = await out.copyPages(src, [...Array(want).keys()]);
    copied.forEach((p) => out.addPage(p));
  }
  return out.save();
}

/**
 * Records, from now on, for each selector the first moment (ms) it matches in the page and the most
 * elements it matched at one time; read them back with `appearances`. For the order in which parts
 * of the app appear, and for work the app should do one at a time.
 */
export async function recordAppearances(page: import('playwright-core').Page, selectors: string[]): Promise<void> {
  await page.evaluate((sels) => {
    const seen: Appearances = { first: {}, most: {} };
    (window as unknown as { __appeared: Appearances }).__appeared = seen;
    // No named inner functions: the test runner's compiler would wrap them in a helper the page lacks.
    new MutationObserver(() => {
      for (const s of sels) {
        const n = document.querySelectorAll(s).length;
        if (n && seen.first[s] === undefined) seen.first[s] = performance.now();
        seen.most[s] = Math.max(seen.most[s] ?? 0, n);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, selectors);
}

export interface Appearances {
  first: Record<string, number>;
  most: Record<string, number>;
}

export async function appearances(page: import('playwright-core').Page): Promise<Appearances> {
  return page.evaluate(() => (window as unknown as { __appeared: Appearances }).__appeared);
}
