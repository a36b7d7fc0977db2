/**
 * What the reviewer is looking at in the active document: filters, the finding under the
 * keyboard cursor, the finding to locate, page or table view and zoom. Filtered lists are
 * computed from the report, never copied.
 */
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Finding, Severity } from '../../report/types';
import { findingPage, ruleFamily, sortFindings } from '../../export/describe';
import { useDocumentsStore } from './documents';

export interface FindingFilter {
  severities: Severity[];
  families: string[];
  tableId: string | null;
  query: string;
}

export const emptyFilter = (): FindingFilter => ({ severities: [], families: [], tableId: null, query: '' });

export function matchesFilter(f: Finding, filter: FindingFilter): boolean {
  if (filter.severities.length && !filter.severities.includes(f.severity)) return false;
  if (filter.families.length && !filter.families.includes(ruleFamily(f.rule))) return false;
  if (filter.tableId && !f.refs.some((r) => r.tableId === filter.tableId)) return false;
  const q = filter.query.trim().toLowerCase();
  if (q) {
    const hay = [f.id, f.rule, f.message, f.messageEn, f.expected, f.actual, f.difference, ...f.refs.map((r) => r.text), `p${findingPage(f)}`]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    if (!q.split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  return true;
}

export const useReviewStore = defineStore('review', () => {
  const docs = useDocumentsStore();
  const filter = ref<FindingFilter>(emptyFilter());
  const cursorId = ref<string | null>(null);
  /** The finding to locate; `focusTick` changes on every request so the same one can pulse again. */
  const focusId = ref<string | null>(null);
  const focusTick = ref(0);
  const view = ref<'pages' | 'tables'>('pages');
  const zoom = ref(1);

  const report = computed(() => (docs.active?.status === 'done' ? docs.active.report : null));
  const allFindings = computed(() => sortFindings(report.value?.findings ?? []));
  const findings = computed(() => allFindings.value.filter((f) => matchesFilter(f, filter.value)));

  watch(
    () => docs.activeId,
    () => {
      filter.value = emptyFilter();
      cursorId.value = null;
      focusId.value = null;
      view.value = 'pages';
    },
  );

  function focus(id: string): void {
    cursorId.value = id;
    focusId.value = id;
    focusTick.value++;
  }

  function setView(v: 'pages' | 'tables'): void {
    view.value = v;
  }

  return { filter, cursorId, focusId, focusTick, view, zoom, report, allFindings, findings, focus, setView };
});
