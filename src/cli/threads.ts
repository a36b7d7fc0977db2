/** Starting the command line's worker threads (whole files, or pages of one file). */
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running worker.js beside this module; when run from source with tsx (`npm run
 * gouji`), worker.ts, after registering tsx in the new thread (threads do not inherit its loader).
 */
export function startThread(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}
