/**
 * The documents the reviewer dropped: their bytes, analysis status and report. Analysis runs in
 * the worker (`src/worker`); this store only queues jobs and records what comes back.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import type { Progress } from '../../core/analyze';
import type { Finding, Report, ReportError } from '../../report/types';
import { analyzeInWorker, type AnalysisJob } from '../../worker/client';
import { rememberPassword } from '../pdf/passwords';

export type DocumentStatus = 'queued' | 'reading' | 'analyzing' | 'done' | 'failed' | 'cancelled';

export interface DocumentEntry {
  id: string;
  name: string;
  size: number;
  status: DocumentStatus;
  progress: Progress | null;
  /** Raw (non-reactive) bytes, kept for page rendering and the annotated export. */
  bytes: Uint8Array | null;
  /** Raw (non-reactive) report: large and immutable once received. */
  report: Report | null;
  /**
   * Findings known before the end (from tables nothing later can change; see core/stream.ts),
   * in the order they came; the report's findings replace them at completion.
   */
  early: Finding[];
  /**
   * The pages may be shown before the report: they are open for drawing (the analysis has a core
   * to spare) and some page read has a text layer (a scan's pages would only give way to an error).
   */
  showPages: boolean;
  error: ReportError | null;
  startedAt: number;
  finishedAt: number;
  /** The password the reviewer typed for an encrypted PDF (memory only). */
  password?: string;
}

/** How many documents are analysed at the same time. */
const CONCURRENCY = 2;

/** Progress shown at most this often (ms). */
const PROGRESS_MS = 100;

export type Analyzer = (
  name: string,
  bytes: Uint8Array,
  onProgress: (p: Progress) => void,
  password?: string,
  onFindings?: (f: Finding[]) => void,
  onCoreFree?: () => void,
) => AnalysisJob;

const defaultAnalyzer: Analyzer = (name, bytes, onProgress, password, onFindings, onCoreFree) =>
  analyzeInWorker(name, bytes, onProgress, new URL('pdfjs/', document.baseURI).href, { password, onFindings, onCoreFree });

export const useDocumentsStore = defineStore('documents', () => {
  const documents = ref<DocumentEntry[]>([]);
  const activeId = ref<string | null>(null);
  const analyzer = shallowRef<Analyzer>(defaultAnalyzer);
  const jobs = new Map<string, AnalysisJob>();
  const pendingFiles = new Map<string, Blob>();
  let counter = 0;

  const active = computed(() => documents.value.find((d) => d.id === activeId.value) ?? null);
  const busy = computed(() => documents.value.some((d) => d.status === 'queued' || d.status === 'reading' || d.status === 'analyzing'));

  const entry = (id: string) => documents.value.find((d) => d.id === id);

  function add(name: string, data: Blob): string {
    const id = `d${++counter}`;
    documents.value.push({
      id, name, size: data.size, status: 'queued', progress: null, bytes: null, report: null, early: [], showPages: false, error: null, startedAt: 0, finishedAt: 0,
    });
    pendingFiles.set(id, data);
    return id;
  }

  /** Adds files (PDF or not: the core says clearly what is wrong) and selects the first one. */
  function addFiles(files: Iterable<File>): string[] {
    const ids = [...files].map((f) => add(f.name, f));
    if (ids.length) activeId.value = ids[0];
    pump();
    return ids;
  }

  function addBytes(name: string, bytes: Uint8Array): string {
    const id = add(name, new Blob([bytes as BlobPart]));
    activeId.value = id;
    pump();
    return id;
  }

  /** Records a document that failed before it could be analysed (e.g. the sample was missing). */
  function addFailure(name: string, error: ReportError): string {
    const id = `d${++counter}`;
    documents.value.push({ id, name, size: 0, status: 'failed', progress: null, bytes: null, report: null, early: [], showPages: false, error, startedAt: 0, finishedAt: 0 });
    activeId.value = id;
    return id;
  }

  function pump(): void {
    const running = documents.value.filter((d) => d.status === 'reading' || d.status === 'analyzing').length;
    const next = documents.value.find((d) => d.status === 'queued');
    if (!next || running >= CONCURRENCY) return;
    void run(next.id);
    pump();
  }

  async function run(id: string): Promise<void> {
    const d = entry(id);
    const blob = pendingFiles.get(id);
    if (!d || !blob) return;
    pendingFiles.delete(id);
    d.status = 'reading';
    d.startedAt = performance.now();
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await blob.arrayBuffer());
    } catch (e) {
      finish(id, null, { code: 'internal', message: `无法读取文件：${String(e)}`, messageEn: `Cannot read the file: ${String(e)}` });
      return;
    }
    if (!entry(id) || entry(id)!.status !== 'reading') return; // removed or cancelled meanwhile
    d.bytes = markRaw(bytes);
    if (d.password) rememberPassword(bytes, d.password);
    d.status = 'analyzing';
    // The pdf.js worker that will draw the pages starts now, not when the report arrives.
    void import('../pdf/display').then((m) => (m.stopPractice(), m.warmDisplay())).catch(() => undefined);
    // Progress reaches the screen at most every PROGRESS_MS (a stage change at once): a message per
    // page read would re-render the card hundreds of times, main-thread work taken from the workers.
    let shownStage: Progress['stage'] | null = null;
    let latest: Progress | null = null;
    let progressTimer: ReturnType<typeof setTimeout> | undefined;
    const showProgress = () => {
      progressTimer = undefined;
      const e = entry(id);
      if (e && latest) e.progress = latest;
    };
    // Once a reader has no page left (the last pages and the checks keep the other cores busy, not
    // this one) — at the latest once every page is read — the pages are opened for drawing and
    // shown while the last checks run (drawn on this thread and the drawing worker, not the cores
    // the checks use), so the report finds them drawn.
    let displayPrepared = false;
    const showPagesWhenText = () => {
      const e = entry(id);
      if (e && displayPrepared && !e.showPages && e.status === 'analyzing' && (latest?.textPages ?? 0) > 0) e.showPages = true;
    };
    const prepareDisplay = () => {
      if (displayPrepared || activeId.value !== id) return;
      displayPrepared = true;
      void import('../pdf/display').then((m) => m.prepareDisplay(bytes)).catch(() => undefined);
      showPagesWhenText();
    };
    const job = analyzer.value(
      d.name,
      bytes,
      (p) => {
        latest = p;
        if (p.pages && (p.page >= p.pages || p.stage === 'layout' || p.stage === 'check')) prepareDisplay();
        showPagesWhenText();
        if (p.stage !== shownStage) {
          shownStage = p.stage;
          clearTimeout(progressTimer);
          showProgress();
        } else progressTimer ??= setTimeout(showProgress, PROGRESS_MS);
      },
      d.password,
      (found) => {
        const e = entry(id);
        // Appended, never replaced: what the reviewer already sees stays where it is.
        if (e) e.early = markRaw([...e.early, ...found]);
      },
      prepareDisplay,
    );
    jobs.set(id, job);
    const report = await job.result;
    clearTimeout(progressTimer);
    jobs.delete(id);
    if (report.error && displayPrepared) void import('../pdf/display').then((m) => m.discardDisplay(bytes)).catch(() => undefined);
    finish(id, report, report.error ?? null);
  }

  function finish(id: string, report: Report | null, error: ReportError | null): void {
    const d = entry(id);
    if (d && (d.status === 'reading' || d.status === 'analyzing')) {
      d.report = report ? markRaw(report) : null;
      d.error = error;
      d.status = error ? (error.code === 'cancelled' ? 'cancelled' : 'failed') : 'done';
      d.finishedAt = performance.now();
    }
    pump();
  }

  function cancel(id: string): void {
    const d = entry(id);
    if (!d) return;
    const job = jobs.get(id);
    if (job) job.cancel(); // resolves run() with a cancelled report
    else if (d.status === 'queued' || d.status === 'reading') {
      pendingFiles.delete(id);
      d.status = 'cancelled';
      d.error = { code: 'cancelled', message: '已取消。', messageEn: 'Cancelled.' };
      pump();
    }
  }

  function remove(id: string): void {
    cancel(id);
    const i = documents.value.findIndex((d) => d.id === id);
    if (i < 0) return;
    documents.value.splice(i, 1);
    if (activeId.value === id) activeId.value = documents.value[Math.min(i, documents.value.length - 1)]?.id ?? null;
  }

  /** Analyses an encrypted document again, with the password the reviewer typed. */
  function openWithPassword(id: string, password: string): void {
    const d = entry(id);
    if (!d || !d.bytes || d.status !== 'failed') return;
    pendingFiles.set(id, new Blob([d.bytes as BlobPart]));
    Object.assign(d, { password, status: 'queued', error: null, report: null, progress: null, showPages: false });
    pump();
  }

  function select(id: string | null): void {
    activeId.value = id;
  }

  return { documents, activeId, active, busy, analyzer, addFiles, addBytes, addFailure, cancel, remove, select, openWithPassword };
});
