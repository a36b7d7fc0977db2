/** Starting the command line's worker threads (whole files, or pages of one file). */
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';

/**
 * pdf.js's page interpreters are a few huge functions whose paths are met one after another: at V8's
 * default tiering they are optimised early and thrown away again ("insufficient type feedback")
 * dozens of times a file. Alone, the process recompiles on an idle core for free; with a thread per
 * core, each thread's compiling takes a core from the others (20 largest real PDFs, --jobs 2: CPU
 * 0.83×, wall 0.84× with this). So threads tier up later, on more feedback. V8's flags are the
 * process's; they are read when a thread's code is first run, so this is set before any starts.
 */
let tieringSet = false;
function tierUpLater(): void {
  if (tieringSet) return;
  tieringSet = true;
  setFlagsFromString(`--interrupt-budget=${process.env.GOUJI_INTERRUPT_BUDGET ?? 1_000_000}`);
}

/**
 * A worker thread running worker.js beside this module; when run from source with tsx (`npm run
 * gouji`), worker.ts, after registering tsx in the new thread (threads do not inherit its loader).
 */
export function startThread(): Worker {
  tierUpLater();
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}
