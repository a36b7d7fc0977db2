/**
 * Command line: `npm run -s gouji -- check <file.pdf> [more.pdf …] [--json]`.
 * Exit 0: no error-level finding; 1: error-level findings; 2: a file could not be read.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { analyzePdf } from '../core/analyze';
import { GoujiError } from '../core/errors';
import { errorReport } from '../report/build';
import { nodePdfEnvironment } from '../pdf/node';
import type { Report } from '../report/types';
import { formatSummary } from './summary';

const USAGE = `用法 Usage: gouji check <file.pdf> [more.pdf …] [--json]
  --json   打印 gouji-report/2 JSON（多个文件时为数组） / print the JSON report (an array for several files)`;

export async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => !a.startsWith('--'));
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args[0] !== 'check' || args.length < 2) {
    process.stderr.write(USAGE + '\n');
    return 2;
  }
  const env = nodePdfEnvironment();
  const reports: Report[] = [];
  let unreadable = false;
  for (const path of args.slice(1)) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch (e) {
      const error = new GoujiError('unreadable', (e as Error).message);
      process.stderr.write(`${path}: [unreadable] ${error.toReportError().message} ${error.toReportError().messageEn}\n`);
      unreadable = true;
      reports.push(errorReport(basename(path), error, 0));
      if (!json) process.stdout.write(formatSummary(reports[reports.length - 1]) + '\n');
      continue;
    }
    const report = await analyzePdf(bytes, { fileName: basename(path), env });
    if (report.error) {
      unreadable = true;
      process.stderr.write(`${path}: [${report.error.code}] ${report.error.message} ${report.error.messageEn}\n`);
    }
    reports.push(report);
    if (!json) process.stdout.write(formatSummary(report) + '\n');
  }
  if (json) process.stdout.write(JSON.stringify(reports.length === 1 && args.length === 2 ? reports[0] : reports, null, 2) + '\n');
  if (unreadable) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

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
