/**
 * The command line, run as a user would: `tsx src/cli/main.ts check <file…> [--json]`.
 * Exit 0 = no error-level finding, 1 = error-level findings, 2 = a file could not be read.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { Report } from '../../src/report/types';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const PDF = join(ROOT, 'test', 'fixtures', 'pdf');
const BAD = join(ROOT, 'test', 'fixtures', 'bad');

/** Runs the CLI; resolves with its exit code and output (a non-zero exit is an answer, not a failure). */
function gouji(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const hasErrorFindings = (reports: Report[]) => reports.some((r) => r.findings.some((f) => f.severity === 'error'));

// Each case starts its own process; they run side by side.
describe.concurrent('cli: gouji check', { timeout: 90_000 }, () => {
  it('--json on one file prints one gouji-report/2 object', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(PDF, 'twosided.pdf'), '--json');
    const report = JSON.parse(stdout) as Report;
    expect(Array.isArray(report)).toBe(false);
    expect(report.schema).toBe('gouji-report/2');
    expect(report.file).toBe('twosided.pdf');
    expect(report.pages).toBe(1);
    expect(report.error).toBeUndefined();
    expect(Array.isArray(report.tables)).toBe(true);
    expect(Array.isArray(report.findings)).toBe(true);
    expect(stderr).toBe('');
    expect(code).toBe(hasErrorFindings([report]) ? 1 : 0);
  });

  it('--json on several files prints an array in argument order', async ({ expect }) => {
    const { code, stdout } = await gouji('check', join(PDF, 'ruled.pdf'), join(PDF, 'threepage.pdf'), '--json');
    const reports = JSON.parse(stdout) as Report[];
    expect(Array.isArray(reports)).toBe(true);
    expect(reports.map((r) => r.file)).toEqual(['ruled.pdf', 'threepage.pdf']);
    expect(reports.map((r) => r.pages)).toEqual([1, 3]);
    expect(reports.every((r) => r.schema === 'gouji-report/2' && !r.error)).toBe(true);
    expect(code).toBe(hasErrorFindings(reports) ? 1 : 0);
  });

  it('a bad file among good ones: exit 2, message on stderr, the other files still reported', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(PDF, 'ruled.pdf'), join(BAD, 'encrypted.pdf'), join(PDF, 'wanyuan.pdf'), '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('encrypted.pdf');
    expect(stderr).toMatch(/加密/);
    expect(stderr).toMatch(/encrypted/i);
    const reports = JSON.parse(stdout) as Report[];
    expect(reports.map((r) => r.file)).toEqual(['ruled.pdf', 'encrypted.pdf', 'wanyuan.pdf']);
    expect(reports[1].error?.code).toBe('encrypted');
    expect(reports[0].error).toBeUndefined();
    expect(reports[2].error).toBeUndefined();
  });

  it('a missing file: exit 2, the others still processed', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(BAD, 'no-such-file.pdf'), join(PDF, 'yuan.pdf'), '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('no-such-file.pdf');
    const reports = JSON.parse(stdout) as Report[];
    expect(reports.map((r) => r.file)).toEqual(['no-such-file.pdf', 'yuan.pdf']);
    expect(reports[0].error?.code).toBe('unreadable');
    expect(reports[1].error).toBeUndefined();
  });

  it('without --json prints a readable summary per file', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(PDF, 'landscape.pdf'), join(BAD, 'scanned.pdf'));
    expect(code).toBe(2);
    expect(() => JSON.parse(stdout)).toThrow();
    expect(stdout).toContain('landscape.pdf');
    expect(stdout).toMatch(/1 页/);
    expect(stdout).toContain('scanned.pdf');
    expect(stdout).toMatch(/文字层/);
    expect(stderr).toMatch(/no-text/);
  });

  it('--json on one unreadable file still prints its report, with the error code', async ({ expect }) => {
    const { code, stdout, stderr } = await gouji('check', join(BAD, 'empty.pdf'), '--json');
    expect(code).toBe(2);
    expect(stderr).toContain('[empty]');
    const report = JSON.parse(stdout) as Report;
    expect(report.schema).toBe('gouji-report/2');
    expect(report.error).toMatchObject({ code: 'empty' });
    expect(report.tables).toEqual([]);
  });

  it('--help: usage on stdout, exit 0', async ({ expect }) => {
    const { code, stdout } = await gouji('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage/);
    expect(stdout).toContain('--json');
  });

  it('no file given: usage on stderr, exit 2', async ({ expect }) => {
    const { code, stderr } = await gouji('check');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Usage/);
  });
});
