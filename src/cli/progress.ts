/** The progress bar on stderr (only when it is a terminal), drawn by cli-progress. */
export interface ProgressBar {
  fileStarted(name: string): void;
  page(name: string, page: number, pages: number): void;
  fileDone(name: string): void;
  /** Prints a line above the bar. */
  log(text: string): void;
  stop(): void;
}

export async function startProgress(total: number): Promise<ProgressBar> {
  // Loaded only on a terminal: a piped run never pays for it.
  const { MultiBar, Presets } = (await import('cli-progress')).default;
  const bars = new MultiBar(
    {
      stream: process.stderr,
      format: '{bar} {value}/{total} 个文件 files · {current}',
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { current: '' });
  // Ctrl-C: give the terminal its cursor back before leaving (the bar hides it).
  const interrupted = () => {
    bars.stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  const pages = new Map<string, string>();
  const current = () => [...pages.entries()].map(([name, p]) => `${name}${p}`).join(' · ').slice(0, 100);
  return {
    fileStarted(name) {
      pages.set(name, '');
      bar.update({ current: current() });
    },
    page(name, page, total) {
      pages.set(name, ` ${page}/${total} 页`);
      bar.update({ current: current() });
    },
    fileDone(name) {
      pages.delete(name);
      bar.increment(1, { current: current() });
    },
    log: (text) => bars.log(text),
    stop() {
      // Lines logged since the last redraw are written by a redraw; stop() alone would drop them.
      process.off('SIGINT', interrupted);
      bars.update();
      bars.stop();
    },
  };
}
