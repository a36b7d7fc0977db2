/**
 * The built command line (`npm run build:cli` → dist-cli/, started through bin/gouji.js), run as a
 * user would, as its own process. Exit 0 = no error-level finding, 1 = error-level findings,
 * 2 = a file could not be read.
 */
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { findingsCsv, parseCsv } from '../../src/export/csv';
import type { Report } from '../../src/report/types';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'gouji.js');
const PDF = join(ROOT, 'test', 'fixtures', 'pdf');
const BAD = join(ROOT, 'test', 'fixtures', 'bad');
const REAL = join(ROOT, '..', 'shared', 'real');
/** The first real PDF, when ../shared/real is present. */
const REAL_FIRST = existsSync(REAL) ? readdirSync(REAL).filter((f) => f.endsWith('.pdf')).sort().slice(0, 1).map((f) => join(REAL, f)) : [];
let TMP = '';

/** Runs the bin; resolves with its exit code and output (a non-zero exit is an answer, not a failure). */
function gouji(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: TMP, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const hasErrorFindings = (reports: Report[]) => reports.some((r) => r.findings.some((f) => f.severity === 'error'));
const withoutTimes = (reports: Report[]) => reports.map((r) => ({ ...r, elapsedMs: 0 }));

beforeAll(() => {
  // The same build `prepare` makes; it takes about a second.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'vite.cli.config.ts'], { cwd: ROOT, stdio: 'pipe' });
  TMP = mkdtempSync(join(tmpdir(), 'gouji-cli-test-'));
  // A folder batch: nested folders, an upper-case extension, a file that is not a PDF, a bad PDF.
  mkdirSync(join(TMP, 'batch', 'b', 'c'), { recursive: true });
  mkdirSync(join(TMP, 'batch', 'a'), { recursive: true });
  copyFileSync(join(PDF, 'gongkai.pdf'), join(TMP, 'batch', 'b', 'c', 'gongkai.pdf'));
  copyFileSync(join(PDF, 'ruled.pdf'), join(TMP, 'batch', 'a', 'ruled.pdf'));
  copyFileSync(join(PDF, 'yuan.pdf'), join(TMP, 'batch', 'Z.PDF'));
  copyFileSync(join(PDF, 'threepage.pdf'), join(TMP, 'batch', 'b', 'threepage.pdf'));
  copyFileSync(join(BAD, 'damaged.pdf'), join(TMP, 'batch', 'b', 'damaged.pdf'));
  writeFileSync(join(TMP, 'batch', 'notes.txt'), 'not a pdf');
  mkdirSync(join(TMP, 'nopdf'));
}, 60_000);

afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// Each case starts its own process; they run side by side.
describe.concurrent('cli: gouji check (built bin)', { timeout: 60_000 }, () => {
  it('--json on one file prints one gouji-report/2 object, nothing on stderr', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(PDF, 'twosided.pdf'), '--json');
    const report = JSON.parse(stdout) as Report;
    expect(Array.isArray(report)).toBe(false);
    expect(report.schema).toBe('gouji-report/2');
    expect(report.file).toBe('twosided.pdf');
    expect(report.pages).toBe(1);
    expect(report.error).toBeUndefined();
    expect(stderr).toBe('');
    expect(code).toBe(hasErrorFindings([report]) ? 1 : 0);
  });

  it('error-level findings: exit 1; --format json is the same as --json', async ({ expect }) => {
    const [a, b] = await Promise.all([gouji('check', join(PDF, 'gongkai.pdf'), '--json'), gouji('check', join(PDF, 'gongkai.pdf'), '--format', 'json')]);
    expect(a.code).toBe(1);
    expect(b.code).toBe(1);
    const [ra, rb] = [JSON.parse(a.stdout) as Report, JSON.parse(b.stdout) as Report];
    expect(ra.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(withoutTimes([ra])).toEqual(withoutTimes([rb]));
  });

  it('a bad file among good ones (in worker threads): exit 2, stderr names it, the others are reported, in argument order', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(PDF, 'ruled.pdf'), join(BAD, 'encrypted.pdf'), join(PDF, 'wanyuan.pdf'), join(BAD, 'no-such-file.pdf'), '--json', '--jobs', '2');
    expect(code).toBe(2);
    expect(stderr).toContain('encrypted.pdf: [encrypted]');
    expect(stderr).toMatch(/加密/);
    expect(stderr).toContain('no-such-file.pdf: [unreadable]');
    const reports = JSON.parse(stdout) as Report[];
    expect(reports.map((r) => r.file)).toEqual(['ruled.pdf', 'encrypted.pdf', 'wanyuan.pdf', 'no-such-file.pdf']);
    expect(reports.map((r) => r.error?.code)).toEqual([undefined, 'encrypted', undefined, 'unreadable']);
    expect(reports[0].tables.length).toBeGreaterThan(0);
    expect(reports[2].tables.length).toBeGreaterThan(0);
  });

  it('a folder is all its PDFs, recursively, sorted by path; always an array', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(TMP, 'batch'), '--json');
    const reports = JSON.parse(stdout) as Report[];
    // Paths compared folder by folder in code-point order (Z.PDF before a/, b/c/ before b/damaged.pdf); notes.txt is not a PDF.
    expect(reports.map((r) => r.file)).toEqual(['Z.PDF', 'ruled.pdf', 'gongkai.pdf', 'damaged.pdf', 'threepage.pdf']);
    expect(reports[3].error?.code).toBe('damaged');
    expect(stderr).toContain('damaged.pdf: [damaged]');
    expect(code).toBe(2);
    const one = await gouji('check', join(TMP, 'batch', 'a'), '--json');
    expect(Array.isArray(JSON.parse(one.stdout))).toBe(true);
  });

  it('--jobs 2 gives the same reports and exit code as --jobs 1', async ({ expect }) => {
    const args = ['check', join(TMP, 'batch'), ...['continued', 'twotables', 'multiheader', 'sidebyside'].map((f) => join(PDF, `${f}.pdf`)), join(BAD, 'scanned.pdf'), '--json'];
    const [one, two] = await Promise.all([gouji(...args, '--jobs', '1'), gouji(...args, '--jobs', '2')]);
    const [r1, r2] = [JSON.parse(one.stdout) as Report[], JSON.parse(two.stdout) as Report[]];
    expect(r1.map((r) => r.file)).toEqual(['Z.PDF', 'ruled.pdf', 'gongkai.pdf', 'damaged.pdf', 'threepage.pdf', 'continued.pdf', 'twotables.pdf', 'multiheader.pdf', 'sidebyside.pdf', 'scanned.pdf']);
    expect(withoutTimes(r2)).toEqual(withoutTimes(r1));
    expect(one.code).toBe(2);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe(one.stderr);
  });

  it('one file read page-parallel (--jobs 2: two threads share its pages) gives the --jobs 1 report', async ({ expect }) => {
    // 14 pages with embedded fonts and tables continued over pages; plus a real disclosure when present.
    const files = [join(ROOT, 'test', 'fixtures', 'libreoffice', 'libreoffice-0.pdf'), ...REAL_FIRST];
    for (const f of files) {
      const [one, two] = await Promise.all([gouji('check', f, '--json', '--jobs', '1'), gouji('check', f, '--json', '--jobs', '2')]);
      const [r1, r2] = [JSON.parse(one.stdout) as Report, JSON.parse(two.stdout) as Report];
      expect(r1.error, f).toBeUndefined();
      expect(r1.tables.length, f).toBeGreaterThan(0);
      expect(withoutTimes([r2]), f).toEqual(withoutTimes([r1]));
      expect(two.code, f).toBe(one.code);
      expect(two.stderr, f).toBe(one.stderr);
    }
  });

  it('--out DIR writes one JSON report per file, mirroring sub-folders, and prints no reports', async ({ expect }) => {
    const out = join(TMP, 'out-json');
    const { code, stdout } = await gouji('check', join(TMP, 'batch'), join(PDF, 'wanyuan.pdf'), '--out', out, '--jobs', '2');
    expect(code).toBe(2);
    expect(() => JSON.parse(stdout)).toThrow();
    expect(stdout.trim().split('\n')).toHaveLength(6);
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
    expect(written).toEqual(['Z.json', 'a/ruled.json', 'b/c/gongkai.json', 'b/damaged.json', 'b/threepage.json', 'wanyuan.json'].sort());
    const damaged = JSON.parse(readFileSync(join(out, 'b', 'damaged.json'), 'utf8')) as Report;
    expect(damaged.error?.code).toBe('damaged');
    const gongkai = JSON.parse(readFileSync(join(out, 'b', 'c', 'gongkai.json'), 'utf8')) as Report;
    expect(gongkai.schema).toBe('gouji-report/2');
    expect(gongkai.findings.length).toBeGreaterThan(0);

    // A folder that cannot be made (a file stands there): said on stderr, exit 2.
    const blocked = await gouji('check', join(PDF, 'ruled.pdf'), '--out', join(TMP, 'batch', 'notes.txt'));
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/无法写入报告 \/ cannot write the report/);
  });

  it('--format csv: one file gives the browser\'s CSV; a batch adds a file column and a row for a bad file; --out writes .csv', async ({ expect }) => {
    const json = await gouji('check', join(PDF, 'gongkai.pdf'), '--json');
    const single = await gouji('check', join(PDF, 'gongkai.pdf'), '--format', 'csv');
    expect(single.stdout).toBe(findingsCsv(JSON.parse(json.stdout) as Report));

    const batch = await gouji('check', join(PDF, 'gongkai.pdf'), join(BAD, 'not-pdf.pdf'), '-f', 'csv');
    expect(batch.code).toBe(2);
    const rows = parseCsv(batch.stdout);
    expect(rows[0].slice(0, 5)).toEqual(['file', 'id', 'page', 'severity', 'rule']);
    const findings = (JSON.parse(json.stdout) as Report).findings.length;
    expect(rows.filter((r) => r[0] === 'gongkai.pdf')).toHaveLength(findings);
    expect(rows.at(-1)!.slice(0, 5)).toEqual(['not-pdf.pdf', '', '', 'error', 'file.not-pdf']);

    const out = join(TMP, 'out-csv');
    await gouji('check', join(PDF, 'gongkai.pdf'), '--out', out, '--format', 'csv');
    expect(readFileSync(join(out, 'gongkai.csv'), 'utf8')).toBe(single.stdout);
  });

  it('summary (the default): a readable block per file; a bad one on stderr too', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(PDF, 'landscape.pdf'), join(BAD, 'scanned.pdf'));
    expect(code).toBe(2);
    expect(stdout).toMatch(/^■ landscape\.pdf/);
    expect(stdout).toMatch(/1 页/);
    expect(stdout).toMatch(/✗ scanned\.pdf: .*文字层/);
    expect(stderr).toContain('[no-text]');
  });

  it('--json on one unreadable file still prints its report, with the error code', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(BAD, 'empty.pdf'), '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('[empty]');
    const report = JSON.parse(stdout) as Report;
    expect(report.error).toMatchObject({ code: 'empty' });
    expect(report.tables).toEqual([]);
  });

  it('usage: --help on stdout with exit 0; bad arguments and nothing to check exit 2', async ({ expect }) => {
    const help = await gouji('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage/);
    expect(help.stdout).toContain('--format');
    for (const args of [['check'], ['check', 'x.pdf', '--format', 'xml'], ['check', 'x.pdf', '--jobs', '0'], ['check', 'x.pdf', '--bogus'], ['look', 'x.pdf']]) {
      const r = await gouji(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/Usage/);
    }
    const empty = await gouji('check', join(TMP, 'nopdf'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/没有 PDF.*no PDF/);
  });

  it('the built pdf.js module keeps Node\'s native Array push and JSON (its legacy polyfills are about 4× slower for the whole process)', async ({ expect }) => {
    // The chunk that loads pdf.js, imported as the CLI imports it; a static import of pdfjs-dist
    // would run before the natives are kept once bundled.
    const chunk = readdirSync(join(ROOT, 'dist-cli')).filter((f) => f.startsWith('check-file')).map((f) => join(ROOT, 'dist-cli', f));
    expect(chunk.length).toBeGreaterThan(0);
    // A polyfill prints as [native code] too, but is a plain function: it has a `prototype`, a built-in method has none.
    const probe = `await Promise.all(${JSON.stringify(chunk)}.map((f) => import(f))); console.log([Array.prototype.push, JSON.stringify, JSON.parse].map((f) => !Object.hasOwn(f, 'prototype')).join(' '));`;
    const out = await new Promise<string>((done, fail) => execFile(process.execPath, ['--input-type=module', '-e', probe], { encoding: 'utf8' }, (e, stdout) => (e ? fail(e) : done(stdout))));
    expect(out.trim()).toBe('true true true');
  });
});
