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

/**
 * Closes a frame left open at its top or bottom: on a continuation page Word draws the vertical
 * borders of the first row but not the rule above it (the previous page's bottom border stands for
 * it), so that row would fall outside the grid. Where three or more vertical edges end at one
 * height, farther than `openFrameMinGap` from every rule spanning them, a rule is made up there.
 */
export function closeOpenFrames(edges: Edge[]): Edge[] {
  const hs = edges.filter((e) => e.orientation === 'h');
  const vs = edges.filter((e) => e.orientation === 'v');
  let id = edges.reduce((m, e) => Math.max(m, e.id), 0) + 1;
  const made: Edge[] = [];
  for (const end of ['from', 'to'] as const) {
    for (const cluster of groupBy(vs, (e) => e[end])) {
      if (cluster.length < 3) continue;
      const y = cluster.reduce((sum, e) => sum + e[end], 0) / cluster.length;
      const x0 = Math.min(...cluster.map((e) => e.at));
      const x1 = Math.max(...cluster.map((e) => e.at));
      const spanning = hs.filter((h) => h.from <= x0 + S.snapTolerance && h.to >= x1 - S.snapTolerance);
      if (spanning.some((h) => Math.abs(h.at - y) < S.openFrameMinGap)) continue;
      // Only an end outside the frame's rules: beyond the topmost (or bottommost) rule that spans it.
      const inside = end === 'from' ? spanning.some((h) => h.at < y) : spanning.some((h) => h.at > y);
      if (inside || !spanning.length) continue;
      made.push({ id: id++, orientation: 'h', at: y, from: x0, to: x1 });
    }
  }
  return made.length ? [...edges, ...made] : edges;
}

/** Edges whose value at `key` lies within the snap tolerance of its neighbour's, in clusters. */
function groupBy(edges: Edge[], key: (e: Edge) => number): Edge[][] {
  const sorted = [...edges].sort((a, b) => key(a) - key(b));
  const out: Edge[][] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && key(e) - key(last[last.length - 1]) <= S.snapTolerance) last.push(e);
    else out.push([e]);
  }
  return out;
}
