/** The department a document is about, as its cover and text name it — whole, and nothing else. */
import { describe, expect, it } from 'vitest';
import type { DocumentLayout } from '../layout/types';
import { documentInfo } from './document';

/** Paragraphs (page, text, font size) and table titles, the parts documentInfo reads. */
function layoutOf(paragraphs: [number, string, number?][], tableTitles: string[] = []): DocumentLayout {
  return {
    paragraphs: paragraphs.map(([page, text, size]) => ({ page, text, bbox: [0, 0, 1, 1], lines: [{ fontSize: size ?? 12 }], starts: [] })),
    tables: tableTitles.map((title) => ({ title, pages: [5] })),
  } as unknown as DocumentLayout;
}

describe('documentInfo: the department', () => {
  it('a cover with the year first names the department after it (2026年烟台市财政局部门预算)', () => {
    const info = documentInfo(layoutOf([[1, '2026年烟台市财政局部门预算', 22], [2, '目录'], [2, '第一部分 部门概况']]));
    expect(info).toMatchObject({ department: '烟台市财政局', year: 2026, kind: 'budget' });
  });

  it('a name cut at 委 goes on as the text prints it (江苏省人大常委会办公厅, 江苏省委办公厅)', () => {
    expect(documentInfo(layoutOf([[1, '江苏省人大常委会办公厅2018年度部门预算', 22]])).department).toBe('江苏省人大常委会办公厅');
    expect(documentInfo(layoutOf([[1, '江苏省委办公厅2018年度部门预算公开', 22], [3, '江苏省委办公厅厅机关设19个处室。']])).department).toBe('江苏省委办公厅');
    // (a 局 named with 办公室 after it is one of its own offices, not its name)
    expect(documentInfo(layoutOf([[1, '湖州市交通运输局2026年部门预算', 22], [3, '湖州市交通运输局办公室负责机关日常运转。']])).department).toBe('湖州市交通运输局');
  });

  it('no cover title: a year, a 第…部分 heading or a unit line is no name', () => {
    const info = documentInfo(layoutOf([[2, '目录'], [2, '第一部分 部门概况'], [2, '第二部分 2019年度部门预算表'], [3, '单位：万元'], [3, '单位：万元']], ['2017年度江苏省高级人民法院部门收支预算总表', '2017年度江苏省高级人民法院部门收入预算总表']));
    expect(info.department).toBe('江苏省高级人民法院');
    const none = documentInfo(layoutOf([[2, '第一部分 部门概况'], [2, '第二部分 部门预算表'], [4, '单位：万元常委会']]));
    expect(none.department).not.toMatch(/^第|万元|年度/);
  });
});
