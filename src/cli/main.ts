/**
 * Command line: `gouji check <file.pdf | folder>… [--format summary|json|csv] [--out DIR] [--jobs N]`
 * (built to dist-cli/ by `npm run build:cli`; `npm run gouji --` runs this source with tsx).
 * Exit 0: no error-level finding; 1: error-level findings; 2: a file could not be read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../report/types';
import { parseCli, USAGE, UsageError, type CliOptions } from './args';
import { expandInputs } from './inputs';
import { EXTENSION, formatReport, problemLine, streamWriter } from './output';
import { checkBatch } from './pool';
import { startProgress } from './progress';

async function run(opts: CliOptions): Promise<number> {
  const { files, emptyFolders } = expandInputs(opts.inputs);
  for (const dir of emptyFolders) process.stderr.write(`${dir}: 文件夹中没有 PDF / no PDF in this folder\n`);
  if (files.length === 0) {
    process.stderr.write('没有可核对的 PDF 文件 / no PDF to check\n');
    return 2;
  }
  const progress = opts.progress && process.stderr.isTTY ? await startProgress(files.length) : null;
  // On a terminal, the bar and the printed reports share the screen: print through the bar.
  const toStdout = (s: string) => (progress && process.stdout.isTTY ? progress.log(s) : process.stdout.write(s));
  const toStderr = (s: string) => (progress ? progress.log(s) : process.stderr.write(s));
  const single = files.length === 1 && opts.inputs.length === 1 && !files[0].fromFolder;
  const out = opts.outDir === undefined ? streamWriter(opts.format, single, toStdout) : null;

  // Reports arrive in completion order and are shown in input order; a shown one is let go.
  const waiting: (Report | undefined)[] = new Array(files.length);
  let shown = 0;
  let unreadable = false;
  let errorFindings = false;
  let unwritten = false;
  const onReport = (index: number, report: Report) => {
    waiting[index] = report;
    progress?.fileDone(report.file);
    for (; shown < files.length && waiting[shown]; shown++) {
      const r = waiting[shown]!;
      const f = files[shown];
      waiting[shown] = undefined;
      unreadable ||= !!r.error;
      errorFindings ||= r.findings.some((x) => x.severity === 'error');
      const problem = problemLine(f.path, r);
      if (problem) toStderr(problem + '\n');
      if (out) out.report(r);
      else {
        const target = join(opts.outDir!, f.outName + EXTENSION[opts.format]);
        try {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, formatReport(r, opts.format));
        } catch (e) {
          toStderr(`${target}: 无法写入报告 / cannot write the report: ${(e as Error).message}\n`);
          unwritten = true;
          continue;
        }
        const counts = r.error ? `[${r.error.code}]` : `错误 errors ${r.findings.filter((x) => x.severity === 'error').length} · 警告 warnings ${r.findings.filter((x) => x.severity === 'warning').length}`;
        toStdout(`${r.error ? '✗' : '✓'} ${f.path} → ${target}  ${counts}\n`);
      }
    }
  };
  try {
    await checkBatch(files, opts.jobs, opts.pageThreads, { onStart: (i) => progress?.fileStarted(files[i].name), onPage: (i, page, pages) => progress?.page(files[i].name, page, pages), onReport });
  } finally {
    progress?.stop();
  }
  out?.end();
  if (unreadable || unwritten) return 2;
  return errorFindings ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions | 'help';
  try {
    opts = parseCli(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (opts === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  return run(opts);
}

// A reader that stops early (`gouji check … | head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit();
  throw e;
});

// exitCode, not exit(): exit() would cut off a large --json written to a pipe.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`内部错误 internal error: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
