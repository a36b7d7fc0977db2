/**
 * Pages are drawn one at a time, those in view before those kept ready above and below it.
 *
 * Every page near the viewport is drawn, and all of them at once would share pdf.js's one drawing
 * worker and this page's main thread: the page the reviewer looks at would be finished only with
 * the others, and the drawing would take the cores from an analysis still running. In turn, the
 * page in view is done first and the others follow; the order among waiting pages is asked again
 * at each turn (a scroll may have brought a waiting page into view). A page still drawing after
 * `SLOW_DRAW_MS` (a huge scan) no longer holds the others up: the next one starts beside it.
 */

export const SLOW_DRAW_MS = 2000;

export interface DrawTurn {
  /** Settles true when this page may draw; false if released before its turn. */
  ready: Promise<boolean>;
  /** The drawing is over (done, failed, cancelled) or no longer wanted: the next page's turn. */
  release(): void;
}

interface Waiting {
  inView: () => boolean;
  start: () => void;
}

const waiting: Waiting[] = [];
let drawing = false;

function next(): void {
  if (drawing || !waiting.length) return;
  const i = Math.max(0, waiting.findIndex((w) => w.inView()));
  const [w] = waiting.splice(i, 1);
  drawing = true;
  w.start();
}

/** A turn to draw a page; `inView` says, when asked, whether the page is in view now. */
export function takeDrawTurn(inView: () => boolean): DrawTurn {
  let state: 'waiting' | 'drawing' | 'released' = 'waiting';
  let settle!: (go: boolean) => void;
  const ready = new Promise<boolean>((resolve) => (settle = resolve));
  let slow: ReturnType<typeof setTimeout> | undefined;
  /** The turn goes to the next page (once): this one is done, or slow. */
  const handOn = () => {
    clearTimeout(slow);
    if (state !== 'drawing') return;
    state = 'released';
    drawing = false;
    next();
  };
  const entry: Waiting = {
    inView,
    start: () => {
      state = 'drawing';
      slow = setTimeout(handOn, SLOW_DRAW_MS);
      settle(true);
    },
  };
  waiting.push(entry);
  next();
  return {
    ready,
    release() {
      if (state === 'waiting') {
        waiting.splice(waiting.indexOf(entry), 1);
        settle(false);
      }
      handOn();
      state = 'released';
    },
  };
}
