/**
 * What the browser benchmarks do in the app's page. Each function runs in the page
 * (`page.evaluate(fn, arg)`): it must not close over anything.
 */

/**
 * Drops the benchmark's file (served at `__bench.pdf`) on the app: fetched into the page first and
 * handed to the file input, as a drop does (Playwright's setInputFiles decodes the bytes on the
 * page's main thread, which is not the app's work). Sets `__marks.drop` just before, when the page
 * keeps marks.
 */
export async function dropBenchFile(name: string): Promise<void> {
  const blob = await (await fetch(`__bench.pdf?t=${Date.now()}`, { cache: 'no-store' })).blob();
  const input = document.querySelector('[data-testid="file-input"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(new File([blob], name, { type: 'application/pdf' }));
  const marks = (window as unknown as { __marks?: Record<string, number> }).__marks;
  if (marks) marks.drop = performance.now();
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Scrolls the page viewer for 3 s, one `px` a frame (wrapping at the end); the frame times.
 * 150 px a frame is a fling (9 000 px/s at 60 frames a second); 15 px a frame is about the pace
 * of someone reading as the pages go by.
 */
export async function scrollPages(px = 150): Promise<number[]> {
  const scroller = document.querySelector('[data-testid="page-scroller"]') as HTMLElement | null;
  if (!scroller) return [];
  const out: number[] = [];
  let last = performance.now();
  const end = last + 3000;
  await new Promise<void>((done) => {
    const step = (now: number) => {
      out.push(now - last);
      last = now;
      scroller.scrollTop += px;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) scroller.scrollTop = 0;
      if (now < end) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  return out.slice(1);
}
