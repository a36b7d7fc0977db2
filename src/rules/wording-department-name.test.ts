import { describe, expect, it } from 'vitest';
import { wordingDepartmentName } from './wording-department-name';
import { run } from '../../test/narrative/context';

const DOC = { department: '上海市普陀区规划和自然资源局', year: 2024, kind: 'final' as const };

describe('wording.department-name', () => {
  it('reports a heading that drops a level and a changed character (real 决算)', () => {
    const f = run(wordingDepartmentName, ['上海市规划和自然资源局 2024 年度部门决算表', '2024 年，上海市普陀区规划与自然资源局所属各预算单位开支财政拨款的公务用车保有量为 0 辆。'], DOC);
    expect(f.map((x) => x.actual)).toEqual(['上海市规划和自然资源局', '上海市普陀区规划与自然资源局']);
  });
  it('accepts the own name, other bodies in the text and sub-units', () => {
    const f = run(
      wordingDepartmentName,
      ['上海市普陀区规划和自然资源局 2024 年度部门决算', '严格贯彻落实上海市规划和自然资源局的要求。', '上海市普陀区规划和自然资源局执法大队（下属参公事业单位）'],
      DOC,
    );
    expect(f).toEqual([]);
  });
});
