// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useDocumentsStore, type Analyzer } from '../../src/ui/stores/documents';
import { useReviewStore } from '../../src/ui/stores/review';
import { cancelledReport } from '../../src/worker/client';
import type { Report } from '../../src/report/types';
import type { Progress } from '../../src/core/analyze';
import { sampleReport } from './fixtures';

/** An analyzer whose jobs the test finishes by hand. */
function manualAnalyzer() {
  const pending = new Map<string, (r: Report) => void>();
  const started: string[] = [];
  const analyzer: Analyzer = (name, _bytes, onProgress) => {
    started.push(name);
    onProgress({ stage: 'extract', page: 1, pages: 3 });
    let resolve!: (r: Report) => void;
    const result = new Promise<Report>((ok) => (resolve = ok));
    pending.set(name, resolve);
    return { result, cancel: () => resolve(cancelledReport(name)) };
  };
  return { analyzer, pending, started };
}

const file = (name: string, text = '%PDF-1.7') => new File([text], name, { type: 'application/pdf' });
const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('documents store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('analyses several files, at most two at a time, and records each report', async () => {
    const docs = useDocumentsStore();
    const m = manualAnalyzer();
    docs.analyzer = m.analyzer;
    docs.addFiles([file('a.pdf'), file('b.pdf'), file('c.pdf')]);
    expect(docs.documents.map((d) => d.name)).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
    expect(docs.active?.name).toBe('a.pdf');
    await settle();
    expect(m.started).toEqual(['a.pdf', 'b.pdf']);
    expect(docs.documents[0].status).toBe('analyzing');
    expect(docs.documents[0].progress).toEqual({ stage: 'extract', page: 1, pages: 3 });
    m.pending.get('a.pdf')!({ ...sampleReport(), file: 'a.pdf' });
    await settle();
    await settle();
    expect(docs.documents[0].status).toBe('done');
    expect(docs.documents[0].report?.findings).toHaveLength(3);
    expect(m.started).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
    const failed = { ...cancelledReport('b.pdf'), error: { code: 'not-pdf' as const, message: '不是 PDF', messageEn: 'not a PDF' } };
    m.pending.get('b.pdf')!(failed);
    await settle();
    expect(docs.documents[1].status).toBe('failed');
    expect(docs.documents[1].error?.code).toBe('not-pdf');
    expect(docs.busy).toBe(true);
  });

  it('shows the pages before the report once a core is free and a page read has text, never a scan\'s', async () => {
    const docs = useDocumentsStore();
    const calls = new Map<string, { progress: (p: Progress) => void; coreFree: () => void; finish: (r: Report) => void }>();
    docs.analyzer = (name, _bytes, onProgress, _password, _onFindings, onCoreFree) => {
      let finish!: (r: Report) => void;
      const result = new Promise<Report>((ok) => (finish = ok));
      calls.set(name, { progress: onProgress, coreFree: () => onCoreFree?.(), finish });
      return { result, cancel: () => finish(cancelledReport(name)) };
    };
    docs.addFiles([file('scan.pdf')]);
    await settle();
    const scan = calls.get('scan.pdf')!;
    scan.progress({ stage: 'extract', page: 1, pages: 2, textPages: 0 });
    scan.coreFree();
    scan.progress({ stage: 'extract', page: 2, pages: 2, textPages: 0 });
    expect(docs.active?.showPages).toBe(false);
    scan.finish({ ...cancelledReport('scan.pdf'), error: { code: 'no-text', message: '无文字', messageEn: 'no text' } });
    await settle();
    expect(docs.active?.status).toBe('failed');

    docs.addFiles([file('text.pdf')]);
    await settle();
    const text = calls.get('text.pdf')!;
    text.progress({ stage: 'extract', page: 1, pages: 3, textPages: 1 });
    expect(docs.active?.showPages).toBe(false); // no core free yet: the pages would take one from the reading
    text.coreFree();
    expect(docs.active?.showPages).toBe(true);
    text.finish({ ...sampleReport(), file: 'text.pdf' });
    await settle();
    expect(docs.active?.status).toBe('done');
  });

  it('cancels a running analysis and removes documents, selecting a neighbour', async () => {
    const docs = useDocumentsStore();
    const m = manualAnalyzer();
    docs.analyzer = m.analyzer;
    const [a, b] = docs.addFiles([file('a.pdf'), file('b.pdf')]);
    await settle();
    docs.cancel(a);
    await settle();
    expect(docs.documents[0].status).toBe('cancelled');
    docs.select(a);
    docs.remove(a);
    expect(docs.documents.map((d) => d.id)).toEqual([b]);
    expect(docs.activeId).toBe(b);
    docs.remove(b);
    expect(docs.activeId).toBeNull();
    expect(docs.busy).toBe(false);
  });

  it('gives the review store the active report findings in page order and resets filters on switch', async () => {
    const docs = useDocumentsStore();
    const review = useReviewStore();
    const m = manualAnalyzer();
    docs.analyzer = m.analyzer;
    const [a, b] = docs.addFiles([file('a.pdf'), file('b.pdf')]);
    await settle();
    m.pending.get('a.pdf')!(sampleReport());
    await settle();
    expect(review.allFindings.map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    review.filter = { ...review.filter, severities: ['warning'] };
    expect(review.findings.map((f) => f.id)).toEqual(['f2']);
    review.focus('f2');
    expect(review.cursorId).toBe('f2');
    docs.select(b);
    await settle();
    expect(review.filter.severities).toEqual([]);
    expect(review.allFindings).toEqual([]);
    docs.select(a);
  });
});
