/** The files a command names: each file as given, each folder as all its PDFs (recursively, sorted by path). */
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';

export interface InputFile {
  /** Path to read. */
  path: string;
  /** The report's `file`: the file's own name, as the browser shows it. */
  name: string;
  /** Where its report goes under `--out`, without extension: the path within the folder given, else the name. */
  outName: string;
  /** Found in a folder given on the command line (not named directly). */
  fromFolder: boolean;
}

const isPdfName = (name: string) => /\.pdf$/i.test(name);

/** All PDFs under `dir`; symlinked folders are not followed (they could loop). */
function pdfsUnder(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...pdfsUnder(path));
    else if (isPdfName(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile()))) found.push(path);
  }
  return found;
}

/** Code-point order of the path's segments: the same on every machine and locale. */
function comparePaths(a: string, b: string): number {
  const sa = a.split(sep), sb = b.split(sep);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) if (sa[i] !== sb[i]) return sa[i] < sb[i] ? -1 : 1;
  return sa.length - sb.length;
}

export interface ExpandedInputs {
  files: InputFile[];
  /** Folders given that hold no PDF. */
  emptyFolders: string[];
}

/**
 * Expands the arguments in order. A path that does not exist stays as a file: reading it fails
 * later and it gets its own `unreadable` report, like any other bad file in the batch.
 */
export function expandInputs(inputs: string[]): ExpandedInputs {
  const files: InputFile[] = [];
  const emptyFolders: string[] = [];
  const taken = new Set<string>();
  const outName = (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  };
  const stem = (p: string) => p.replace(/\.pdf$/i, '');
  for (const input of inputs) {
    if (statSync(input, { throwIfNoEntry: false })?.isDirectory()) {
      const pdfs = pdfsUnder(input).map((p) => relative(input, p)).sort(comparePaths);
      if (pdfs.length === 0) emptyFolders.push(input);
      for (const rel of pdfs) files.push({ path: join(input, rel), name: basename(rel), outName: outName(stem(rel.split(sep).join('/'))), fromFolder: true });
    } else {
      files.push({ path: input, name: basename(input), outName: outName(stem(basename(input))), fromFolder: false });
    }
  }
  return { files, emptyFolders };
}
