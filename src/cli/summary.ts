import type { Report } from '../report/types';

/** A short human-readable summary of one report, Chinese first. */
export function formatSummary(r: Report): string {
  if (r.error) return `✗ ${r.file}: ${r.error.message} / ${r.error.messageEn}`;
  const count = (s: string) => r.findings.filter((f) => f.severity === s).length;
  const lines = [
    `■ ${r.file} — ${r.document.title || '（无标题）'}`,
    `  部门 ${r.document.department || '?'} · 年度 ${r.document.year ?? '?'} · ${{ budget: '预算', final: '决算', unknown: '类型未知' }[r.document.kind]} · ${r.pages} 页 · ${r.tables.length} 张表 · ${r.elapsedMs} ms`,
    `  错误 errors ${count('error')} · 警告 warnings ${count('warning')} · 提示 info ${count('info')}`,
  ];
  if (r.unreadPages?.length) lines.push(`  ! 第 ${r.unreadPages.join('、')} 页无法解析，未核对 / page(s) ${r.unreadPages.join(', ')} could not be parsed and were not checked`);
  for (const t of r.tables) lines.push(`  [${t.id}] p${t.pages.join(',')} ${t.title || '(untitled)'} · ${t.unit ?? '?'} · ${t.rows.length}×${t.rows[0]?.length ?? 0}`);
  for (const f of r.findings) {
    const where = f.refs[0] ? `p${f.refs[0].page}` : '';
    lines.push(`  ${f.severity === 'error' ? '✗' : f.severity === 'warning' ? '!' : 'i'} ${where} ${f.rule}: ${f.message}`);
  }
  for (const u of r.unchecked) lines.push(`  – ${u.tableId} 未核对: ${u.reason}`);
  return lines.join('\n');
}
