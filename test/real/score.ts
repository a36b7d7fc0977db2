/**
 * Runs Gouji over every real PDF in ../shared/real (provinces included) and prints, per document,
 * the loud findings (error + warning) by rule family; for the documents of the answer key
 * (../shared/real/answers/*.json) it scores them: an `error` entry is found when a loud finding
 * refers to one of the entry's figures on its page; a loud finding on a `rounding` entry is false;
 * on a `borderline` entry neither.
 *
 *   npx tsx test/real/score.ts [--json out.json] [name-filter]
 *
 * Reads ../shared when present; prints a notice and exits 0 otherwise (nothing here is a test).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Finding, Report } from '../../src/report/types';

const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'real');

interface KeyEntry {
  file: string;
  id: string;
  severity: 'error' | 'rounding' | 'borderline';
  kind: string;
  description: string;
  refs: { page: number; text: string }[];
}

/** The figures of a text, as plain digits (1,767.85 → 1767.85; 56.12万元 → 56.12). */
function figures(text: string): string[] {
  return [...text.normalize('NFKC').replace(/,/g, '').matchAll(/\d+(?:\.\d+)?%?/g)].map((m) => m[0]).filter((f) => f.length >= 2 || /\d/.test(f));
}

/** Words of a text without figures and punctuation, for matching a worded entry. */
const words = (t: string) => t.normalize('NFKC').replace(/[\d.,，。、：:；;“”"'（）()%\s]+/g, '');

function refersTo(f: Finding, entry: KeyEntry): boolean {
  return entry.refs.some((er) => {
    const want = figures(er.text);
    const w = words(er.text);
    return f.refs.some((r) => {
      if (r.page !== er.page) return false;
      if (want.length && figures(r.text).some((x) => want.includes(x))) return true;
      // A worded entry (医疗卫生与计划生育支出（210类）, 主要原因是。其中): the same words, either way round.
      const mine = words(r.text);
      return Math.min(w.length, mine.length) >= 4 && (mine.includes(w) || w.includes(mine));
    });
  });
}

const loud = (r: Report) => r.findings.filter((f) => f.severity !== 'info');

async function main() {
  if (!existsSync(REAL)) {
    process.stdout.write(`../shared/real not found (${REAL}); nothing to score.\n`);
    return;
  }
  const args = process.argv.slice(2);
  const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
  const filter = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--json')[0] ?? '';
  const files = [
    ...readdirSync(REAL).filter((f) => f.endsWith('.pdf')).map((f) => join(REAL, f)),
    ...readdirSync(join(REAL, 'provinces')).filter((f) => f.endsWith('.pdf')).map((f) => join(REAL, 'provinces', f)),
  ].filter((f) => basename(f).includes(filter));
  const keyDir = join(REAL, 'answers');
  const key: KeyEntry[] = existsSync(keyDir) ? readdirSync(keyDir).filter((f) => f.endsWith('.json')).flatMap((f) => JSON.parse(readFileSync(join(keyDir, f), 'utf8'))) : [];
  const env = nodePdfEnvironment();
  const out: Record<string, unknown>[] = [];
  let totalLoud = 0;
  for (const path of files) {
    const name = basename(path);
    const report = await analyzePdf(new Uint8Array(readFileSync(path)), { fileName: name, env });
    const found = loud(report);
    totalLoud += found.length;
    const byFamily = new Map<string, number>();
    for (const f of found) byFamily.set(f.family ?? '?', (byFamily.get(f.family ?? '?') ?? 0) + 1);
    const entries = key.filter((e) => e.file === name);
    const row: Record<string, unknown> = { file: name, errors: found.filter((f) => f.severity === 'error').length, warnings: found.filter((f) => f.severity === 'warning').length, unchecked: report.unchecked.length, byFamily: Object.fromEntries(byFamily) };
    let line = `${name.slice(0, 36).padEnd(36)} E${String(row.errors).padStart(3)} W${String(row.warnings).padStart(3)} unchecked ${String(report.unchecked.length).padStart(2)}  ${[...byFamily].map(([k, v]) => `${k} ${v}`).join(', ')}`;
    if (entries.length) {
      const errors = entries.filter((e) => e.severity === 'error');
      const hit = errors.filter((e) => found.some((f) => refersTo(f, e)));
      const onRounding = entries.filter((e) => e.severity === 'rounding').flatMap((e) => found.filter((f) => refersTo(f, e)).map((f) => `${e.id}←${f.rule}`));
      const explained = new Set(found.filter((f) => entries.some((e) => refersTo(f, e))));
      const unexplained = found.filter((f) => !explained.has(f));
      Object.assign(row, { keyErrors: errors.length, keyErrorsFound: hit.map((e) => e.id), falseOnRounding: onRounding, notInKey: unexplained.map((f) => `${f.rule} p${f.refs[f.anchor]?.page}: ${f.message.slice(0, 120)}`) });
      line += `\n    key: ${hit.length}/${errors.length} errors found (${hit.map((e) => e.id).join(' ') || '—'}); loud on rounding entries: ${onRounding.length ? onRounding.join(' ') : 0}; loud findings not in the key: ${unexplained.length}`;
    }
    process.stdout.write(line + '\n');
    out.push(row);
  }
  process.stdout.write(`${files.length} documents, ${totalLoud} loud findings\n`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 2));
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exitCode = 1;
});
