/**
 * The page queue of a document read by several workers at once (the browser's analysis workers,
 * the command line's threads), each page handed out once, in runs: after the first pages (read
 * by all, see the constructor), each worker reads its own run of consecutive pages (worker 0's
 * follows the first pages, so findings keep streaming in page order), and one that finishes its
 * run takes the upper half of the largest run left. Consecutive pages share fonts, and a font is
 * parsed once per worker that meets it: pages dealt out in turn would have every worker parse
 * nearly every font of the document.
 */
export class PageRuns {
  /** The document's first pages, dealt to whichever worker asks (all of them read there first). */
  private head: { next: number; end: number };
  /** Per worker: the next page of its run and the end of the run (exclusive). */
  private readonly runs: { next: number; end: number }[];

  /**
   * `headShare` of the pages (the first ones) are read by all workers together, so the first
   * findings come as soon as with pages dealt in turn; the rest is cut into one run per worker.
   */
  constructor(numPages: number, workers: number, headShare = 0.1) {
    const head = Math.min(numPages, Math.ceil(numPages * headShare));
    this.head = { next: 1, end: 1 + head };
    const rest = numPages - head;
    this.runs = Array.from({ length: workers }, (_, i) => ({
      next: 1 + head + Math.round((i * rest) / workers),
      end: 1 + head + Math.round(((i + 1) * rest) / workers),
    }));
  }

  /** The next page for worker `i`, or null when every page is handed out. */
  take(i: number): number | null {
    if (this.head.next < this.head.end) return this.head.next++;
    const own = this.runs[i];
    if (own.next >= own.end) {
      // Take over the upper half of the largest run left (a run of one page stays with its worker).
      let victim = -1;
      for (let j = 0; j < this.runs.length; j++) if (this.runs[j].end - this.runs[j].next > 1 && (victim < 0 || this.runs[j].end - this.runs[j].next > this.runs[victim].end - this.runs[victim].next)) victim = j;
      if (victim < 0) {
        // Only single pages left: take one outright.
        const any = this.runs.find((r) => r.next < r.end);
        return any ? any.next++ : null;
      }
      const v = this.runs[victim];
      const mid = v.next + Math.ceil((v.end - v.next) / 2);
      own.next = mid;
      own.end = v.end;
      v.end = mid;
    }
    return own.next++;
  }
}
