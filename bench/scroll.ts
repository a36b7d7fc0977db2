/**
 * Scrolls the page viewer for 3 s, one 150 px step a frame (wrapping at the end), and returns the
 * frame times. Runs in the page (`page.evaluate(scrollPages)`): it must not close over anything.
 */
export async function scrollPages(): Promise<number[]> {
  const scroller = document.querySelector('[data-testid="page-scroller"]') as HTMLElement | null;
  if (!scroller) return [];
  const out: number[] = [];
  let last = performance.now();
  const end = last + 3000;
  await new Promise<void>((done) => {
    const step = (now: number) => {
      out.push(now - last);
      last = now;
      scroller.scrollTop += 150;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) scroller.scrollTop = 0;
      if (now < end) requestAnimationFrame(step);
      else done();
    };
    requestAnimationFrame(step);
  });
  return out.slice(1);
}
