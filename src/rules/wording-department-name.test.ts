import { describe, expect, it } from 'vitest';
import { introducedNames, levelOf, wordingDepartmentName } from './wording-department-name';
import { run } from '../../test/narrative/context';
import { paragraph, tableOf } from '../../test/narrative/seed-text';

const DOC = { department: '上海市普陀区规划和自然资源局', year: 2024, kind: 'final' as const };

describe('wording.department-name', () => {
  it('reports a heading that drops a level and a changed character (real 决算)', () => {
    const f = run(wordingDepartmentName, ['上海市规划和自然资源局 2024 年度部门决算表', '2024 年，上海市普陀区规划与自然资源局所属各预算单位开支财政拨款的公务用车保有量为 0 辆。'], DOC);
    expect(f.map((x) => x.actual)).toEqual(['上海市规划和自然资源局', '上海市普陀区规划与自然资源局']);
  });
  it('reports one slip written several times once, with every place (real 决算 p.26)', () => {
    const f = run(
      wordingDepartmentName,
      [
        '2024 年，上海市普陀区规划与自然资源局所属各预算单位开支财政拨款的公务用车保有量为 0 辆。',
        '上海市普陀区规划与自然资源局 2024 年度无政府性基金预算财政拨款收入支出。',
        '上海市普陀区规划与自然资源局 2024 年度无国有资本经营预算财政拨款收入支出。',
      ],
      DOC,
    );
    expect(f).toHaveLength(1);
    expect(f[0].refs.map((r) => r.text)).toEqual(Array(3).fill('上海市普陀区规划与自然资源局'));
  });
  it('a phrase that shares the name’s words shifted is no changed name (江苏人大 2017 p.6: 省人大常委会下设办公厅)', () => {
    const f = run(wordingDepartmentName, ['省人大常委会下设办公厅、研究室和3个专门委员会、8个工作委员会，现有38个处室。'], { department: '江苏省人大常委会办公厅', year: 2017, kind: 'budget' as const });
    expect(f).toEqual([]);
  });
  it('accepts the own name, other bodies in the text and sub-units', () => {
    const f = run(
      wordingDepartmentName,
      ['上海市普陀区规划和自然资源局 2024 年度部门决算', '严格贯彻落实上海市规划和自然资源局的要求。', '上海市普陀区规划和自然资源局执法大队（下属参公事业单位）'],
      DOC,
    );
    expect(f).toEqual([]);
  });
  it('accepts a second name the document introduces with 加挂…牌子 (real 2025 budgets)', () => {
    const office = '上海市普陀区人民政府办公室是协助区政府领导处理区政府日常工作的区政府工作部门，为正处级，加挂上海市普陀区人民政府研究室、上海市普陀区人民政府外事办公室、上海市普陀区人民政府合作交流办公室牌子。上海市普陀区人民政府办公室与上海市普陀区机关事务管理局合署办公。';
    expect(run(wordingDepartmentName, [office], { department: '上海市普陀区人民政府办公室', year: 2025 })).toEqual([]);
    const commerce = '上海市普陀区商务委员会是主管全区产业经济的区政府工作部门 ，为正处级，加挂上海市普陀区经济委员会、上海市普陀区粮食和物资储备局牌子。';
    expect(run(wordingDepartmentName, [commerce, '上海市普陀区经济委员会负责本区工业园区建设。'], { department: '上海市普陀区商务委员会', year: 2025 })).toEqual([]);
    // without the introduction the second name is still a different body's name in the text
    expect(run(wordingDepartmentName, ['上海市普陀区经济委员会负责本区工业园区建设。'], { department: '上海市普陀区商务委员会', year: 2025 })).toHaveLength(1);
  });
  it('accepts “A（B）”, a second name in brackets (synthetic)', () => {
    const intro = '上海市普陀区规划和自然资源局（上海市普陀区林业和自然资源局）是区政府工作部门。';
    const later = '上海市普陀区林业和自然资源局负责本区林业管理。';
    expect(run(wordingDepartmentName, [intro, later], DOC)).toEqual([]);
    // without the introduction the changed name is a slip
    expect(run(wordingDepartmentName, [later], DOC)).toHaveLength(1);
  });
  it('accepts the unit heading a 部门 + 单位 document’s unit part (synthetic)', () => {
    const unitText = '上海市普陀区测绘和自然资源局2024年度收入、支出决算总计500.00万元。';
    expect(run(wordingDepartmentName, ['上海市普陀区规划和自然资源局2024年度部门决算', '上海市普陀区测绘和自然资源局2024年度单位决算', unitText], DOC)).toEqual([]);
    expect(run(wordingDepartmentName, ['上海市普陀区规划和自然资源局2024年度部门决算', unitText], DOC)).toHaveLength(1);
  });
  it('reads the names a document introduces', () => {
    const names = introducedNames([
      paragraph('上海市普陀区商务委员会是主管全区产业经济的区政府工作部门，为正处级，加挂上海市普陀区经济委员会、上海市普陀区粮食和物资储备局牌子。'),
      paragraph('从预算单位构成看，纳入本部门2018年部门汇总预算编制范围的预算单位共3家，包括：江苏省人民检察院本级、南京铁路运输检察院、徐州铁路运输检察院。'),
    ]);
    expect(names).toEqual(expect.arrayContaining(['上海市普陀区经济委员会', '上海市普陀区粮食和物资储备局', '江苏省人民检察院', '南京铁路运输检察院', '徐州铁路运输检察院']));
    const t = tableOf('收入总表', '万元', [['单位名称', '合计'], ['上海市普陀区法律援助中心', '1.00']]);
    expect(introducedNames([], [{ table: t, type: null, unit: null, scale: null, headerRows: 1, columns: [], panes: [], aggregates: [] }])).toEqual(['上海市普陀区法律援助中心']);
  });
  it('reads the cover name without a heading’s leading words (年度江苏省高级人民法院)', () => {
    const f = run(wordingDepartmentName, ['第二部分江苏省高级人民法院2017年度部门预算表', '本表反映江苏省高级人民法院2017年度总体收入预算情况。'], { department: '年度江苏省高级人民法院', year: 2017 });
    expect(f).toEqual([]);
  });
});

describe('wording.department-name: the document’s own level in the 名词解释', () => {
  const defs = (level: string) => [
    `（一）财政拨款收入：是${level}级预算主管部门及所属预算单位本年度从本级财政部门取得的财政拨款。`,
    `（七）“三公”经费：是与${level}级财政有经费领拨关系的部门及其下属预算单位使用${level}级财政拨款安排的因公出国（境）费。`,
  ];
  it('reports a district’s budget defining itself as 市级 (real 2024 street-office budget, answer key WL24-05)', () => {
    const f = run(wordingDepartmentName, defs('市'), { department: '上海市普陀区人民政府万里街道办事处', year: 2024 });
    expect(f).toHaveLength(1);
    expect(f[0].expected).toBe('区级');
    expect(f[0].refs).toHaveLength(3);
  });
  it('accepts the right level (real 2025 budgets) and a city department’s 市级', () => {
    expect(run(wordingDepartmentName, defs('区'), { department: '上海市普陀区商务委员会', year: 2025 })).toEqual([]);
    expect(run(wordingDepartmentName, defs('市'), { department: '北京市交通委员会', year: 2026 })).toEqual([]);
  });
  it('reads the level from the name', () => {
    expect([levelOf('上海市普陀区司法局'), levelOf('长春市信访局'), levelOf('江苏省人民检察院'), levelOf('威县医疗保障局')]).toEqual(['区', '市', '省', null]);
  });
});
