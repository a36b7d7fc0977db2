/**
 * Ruling lines → edges: rules close to one position are snapped together, and collinear
 * segments with small gaps are joined, so a border drawn cell by cell becomes one edge.
 */
import type { RuleLine } from '../pdf/types';
import { LAYOUT_SETTINGS as S } from './settings';

export interface Edge {
  id: number;
  orientation: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

function snapPositions(rules: RuleLine[]): RuleLine[][] {
  const sorted = [...rules].sort((a, b) => a.at - b.at);
  const clusters: RuleLine[][] = [];
  let current: RuleLine[] = [];
  let anchor = -Infinity;
  for (const r of sorted) {
    if (current.length && r.at - anchor > S.snapTolerance) {
      clusters.push(current);
      current = [];
    }
    if (!current.length) anchor = r.at;
    current.push(r);
  }
  if (current.length) clusters.push(current);
  return clusters;
}

function joinSegments(cluster: RuleLine[], orientation: 'h' | 'v', nextId: () => number): Edge[] {
  // The snapped position is the length-weighted mean, so long rules dominate ticks.
  let total = 0;
  let weighted = 0;
  for (const r of cluster) {
    const len = r.to - r.from;
    total += len;
    weighted += r.at * len;
  }
  const at = total > 0 ? weighted / total : cluster[0].at;
  const segs = [...cluster].sort((a, b) => a.from - b.from);
  const edges: Edge[] = [];
  let cur: Edge | null = null;
  for (const s of segs) {
    if (cur && s.from <= cur.to + S.joinTolerance) {
      cur.to = Math.max(cur.to, s.to);
    } else {
      cur = { id: nextId(), orientation, at, from: s.from, to: s.to };
      edges.push(cur);
    }
  }
  return edges.filter((e) => e.to - e.from >= S.minEdgeLength);
}

export function rulesToEdges(rules: RuleLine[]): Edge[] {
  let id = 0;
  const nextId = () => id++;
  const edges: Edge[] = [];
  for (const orientation of ['h', 'v'] as const) {
    for (const cluster of snapPositions(rules.filter((r) => r.orientation === orientation))) {
      edges.push(...joinSegments(cluster, orientation, nextId));
    }
  }
  return edges;
}
