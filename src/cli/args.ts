/** The command line's arguments: `gouji check <file|folder>… [--format …] [--out DIR] [--jobs N]`. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

export type OutputFormat = 'summary' | 'json' | 'csv';

export interface CliOptions {
  /** Files and folders, as given. */
  inputs: string[];
  format: OutputFormat;
  /** Write one report per file into this folder instead of printing them. */
  outDir?: string;
  /** Files analysed at once, each in its own worker thread (1: in this process). */
  jobs: number;
  /**
   * Threads reading one file alone, page-parallel: `--jobs` when given, else 1. A second thread
   * costs a quarter to two fifths more CPU (pdf.js loaded and fonts parsed twice) and pays only
   * on an idle core; measured on a shared 2-core machine it lost, so it is asked for, not assumed.
   */
  pageThreads: number;
  /** Progress bar on stderr; only ever shown when stderr is a terminal. */
  progress: boolean;
}

export const USAGE = `用法 Usage: gouji check <文件.pdf | 文件夹 folder>… [选项 options]
  文件夹中的 PDF（含子文件夹）按路径排序后逐一核对 / a folder stands for all its PDFs, recursively, sorted by path

  -f, --format summary|json|csv  输出格式，默认 summary / output format (default: summary)
                                 json: gouji-report/2（一个文件参数时为对象，否则为数组 / an object for one file argument, else an array）
                                 csv:  每条发现一行（多个文件时首列为文件名 / one row per finding; a leading "file" column for several files）
      --json                     即 --format json / same as --format json
  -o, --out DIR                  每个文件写一份报告到 DIR（<名称>.json / .csv / .txt），不打印报告
                                 write one report per file into DIR instead of printing (JSON unless --format says otherwise)
  -j, --jobs N                   同时核对的文件数（工作线程），默认 CPU 核数；只有一个文件时，给出 N 则由 N 个线程分页并行读取
                                 files checked at once in worker threads (default: the core count); given, N threads also share the pages of one file alone
      --no-progress              不显示进度条（仅在 stderr 为终端时显示）/ no progress bar (shown only when stderr is a terminal)
  -h, --help                     显示本说明 / show this help

退出码 Exit status: 0 无错误级发现 no error-level finding · 1 有错误级发现 error-level findings · 2 有文件无法读取 a file could not be read`;

export class UsageError extends Error {}

export function parseCli(argv: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        json: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        jobs: { type: 'string', short: 'j' },
        'no-progress': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals[0] !== 'check') throw new UsageError(positionals.length ? `未知命令 unknown command: ${positionals[0]}` : '缺少命令 missing command: check');
  const inputs = positionals.slice(1);
  if (inputs.length === 0) throw new UsageError('缺少文件 no file or folder given');

  const format = values.format ?? (values.json || values.out !== undefined ? 'json' : 'summary');
  if (format !== 'summary' && format !== 'json' && format !== 'csv') throw new UsageError(`未知格式 unknown format: ${format}`);
  if (values.json && format !== 'json') throw new UsageError('--json 与 --format 冲突 / --json conflicts with --format ' + format);

  let jobs = availableParallelism();
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs 须为正整数 must be a positive integer: ${values.jobs}`);
  }
  return { inputs, format, outDir: values.out, jobs, pageThreads: values.jobs !== undefined ? jobs : 1, progress: !values['no-progress'] };
}
