/**
 * The statement model (issue 8): each narrative figure with its explicit subject, measure, basis and
 * scope — on sentences of the real disclosures in ../shared/real (pdftotext) and on every linkable
 * figure of the wording generator's 说明 in each phrasing.
 */
import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../layout/types';
import { generateDisclosure, paragraphText, PHRASINGS } from '../../test/generator';
import { paragraph, tableOf } from '../../test/narrative/seed-text';
import { piecesOf, readNarrative } from './narrative';
import { buildStatements, documentParts, partOfTable, type Statement } from './statement';

const statements = (texts: string[], kind: 'budget' | 'final' = 'budget', year = 2024): Statement[] => {
  const paragraphs = texts.map((t) => paragraph(t));
  return buildStatements(readNarrative(paragraphs, { year, kind }), paragraphs, { kind, year });
};
const at = (st: Statement[], figure: string) => st.filter((s) => s.number.text === figure);

describe('statements on real wording', () => {
  it('a 项 by its 类（）款（）项（） path: this year’s 预算, last year’s 执行数 and the rate told against it (万里街道 2024)', () => {
    const st = statements([
      '财政拨款支出主要内容如下：',
      '1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。',
    ]);
    const [first] = at(st, '25.77');
    expect(first.subject).toMatchObject({ kind: 'classification', level: '项' });
    expect(first.subject.name).toMatch(/专项普查活动/);
    expect(first).toMatchObject({ measure: 'current', basis: 'budget' });
    const [last] = at(st, '60.13');
    expect(last).toMatchObject({ measure: 'last-year', basis: 'execution' });
    expect(last.subject.name).toBe(first.subject.name);
    const [rate] = at(st, '57.14');
    expect(rate).toMatchObject({ measure: 'change-rate', against: 'execution' });
  });

  it('the standard aggregates with their fund, and a change told against last year’s 预算 (万里街道 2024)', () => {
    const st = statements(['支出预算15621.11万元，其中：财政拨款支出预算15621.11万元，比2023年预算减少876.75万元。财政拨款支出预算中，一般公共预算拨款支出预算15621.11万元，比2023年预算减少876.75万元。']);
    const subjects = at(st, '15621.11').map((s) => s.subject.name);
    expect(subjects).toContain('财政拨款支出');
    expect(subjects).toContain('一般公共预算支出');
    const changes = at(st, '876.75');
    expect(changes.every((s) => s.measure === 'change' && s.against === 'budget')).toBe(true);
    expect(changes.map((s) => s.subject.name)).toEqual(['财政拨款支出', '一般公共预算支出']);
  });

  it('the document’s own 收入 under its name, its parts by fund; a printed-code path names every figure after it (司法局 2026)', () => {
    const st = statements([
      '（二）事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。',
      '2026年单位预算编制说明',
      '2026年，上海市普陀区司法局收入预算8695.94万元，其中：财政拨款收入8695.94万元，比2025年预算增加794.88万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。',
      '1、公共安全支出（204类）司法（06款）行政运行（01项）1434.89万元。主要用于：行政单位的基本支出。2025年当年预算执行数为1690.69万元，2026年预算安排1434.89万元，比2025年预算执行数减少1.10%。主要原因是：支出减少。',
    ], 'budget', 2026);
    expect(at(st, '8695.94').map((s) => [s.subject.kind, s.subject.name])).toEqual([
      ['aggregate', '收入'],
      ['aggregate', '财政拨款收入'],
    ]);
    // 事业收入, 其他收入 … are not the whole
    expect(at(st, '0').every((s) => s.subject.kind === 'unknown')).toBe(true);
    // a glossary entry is no section heading; the 说明's own title is
    expect(at(st, '8695.94')[0].scope.section).toBe('2026年单位预算编制说明');
    expect(new Set([...at(st, '1434.89'), ...at(st, '1690.69'), ...at(st, '1.10')].map((s) => s.subject.name))).toEqual(new Set(['行政运行（2040601）']));
    expect(at(st, '1690.69')[0]).toMatchObject({ measure: 'last-year', basis: 'execution' });
  });

  it('“三公” and 机关运行经费 (万里街道 2024, 司法局 2026)', () => {
    const st = statements(['一、2024年“三公”经费预算情况说明', '2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。', '二、机关运行经费预算', '2026年上海市普陀区司法局财政拨款的机关运行经费预算为184.59万元。']);
    const [tp] = at(st, '47.91');
    expect(tp.subject).toMatchObject({ kind: 'aggregate', name: '“三公”经费' });
    expect(tp.scope.section).toBe('一、2024年“三公”经费预算情况说明');
    const [op] = at(st, '184.59');
    expect(op.subject.name).toMatch(/机关运行经费$/);
    expect(op.scope.section).toBe('二、机关运行经费预算');
  });

  it('staff counts, and a 决算’s own basis (issue 8’s street office; 规划和自然资源局 决算 2024)', () => {
    const st = statements(['实有人员111人，其中行政34人、事业77人；单位管理的离退休人员7人。']);
    expect(at(st, '111')[0].subject).toMatchObject({ kind: 'staff', name: '实有人员' });
    expect(at(st, '7')[0].subject).toMatchObject({ kind: 'staff', name: '离退休人员' });
    const fin = statements(['2024年度一般公共预算财政拨款支出年初预算为409.87万元，支出决算为407.49万元，完成年初预算的99.42%。'], 'final');
    expect(at(fin, '409.87')[0].basis).toBe('budget');
    expect(at(fin, '407.49')[0].basis).toBe('final');
    expect(at(fin, '99.42')[0].measure).toBe('completion');
  });

  it('a path printed over two lines, its 款 heading on its own (规划和自然资源局 决算 2024): the 项 of both figures; a bare item never becomes its total', () => {
    const lines = [
      '一般公共预算财政拨款支出年初预算为 10210.34 万元，支出决算为 9746.50 万元，完成年初预算的 95.45%。其中：',
      '1、社会保障和就业支出（类）行政事业单位养老支出（款）',
      '行政单位离退休（项）。主要用于：行政单位退休人员支出。年',
      '初预算为 54.53 万元，支出决算为 54.53 万元，完成年初预算的',
      '100.00%。决算数同预算数持平。',
    ];
    const st = statements(lines, 'final');
    expect(at(st, '54.53').map((s) => [s.subject.name, s.basis])).toEqual([
      ['行政单位离退休（2080501）', 'budget'],
      ['行政单位离退休（2080501）', 'final'],
    ]);
    expect(at(st, '9746.50')[0].subject).toMatchObject({ kind: 'aggregate', name: '一般公共预算支出' });
    // without its path the item's bare 支出决算为 names nothing (not the 一般公共预算 total above it)
    const bare = statements([lines[0], '（1）年初预算为 54.53 万元，支出决算为 54.53 万元。'], 'final');
    expect(at(bare, '54.53').map((s) => s.subject.quantity.scope)).toEqual(['all', 'all']);
  });

  it('a project by its name, or by the paragraph it stands in (该项目预算X); a count of projects names none', () => {
    const st = statements(['（1）智慧司法建设项目：该项目预算120.00万元，主要用于系统建设。', '（2）法律援助服务项目预算35.50万元。', '编报绩效目标的项目50个。']);
    expect(at(st, '120.00')[0].subject).toMatchObject({ kind: 'project', name: '智慧司法建设项目' });
    expect(at(st, '120.00')[0].scope.project).toBe('智慧司法建设项目');
    expect(at(st, '35.50')[0].subject).toMatchObject({ kind: 'project', name: '法律援助服务项目' });
    expect(at(st, '50').every((s) => s.subject.kind !== 'project')).toBe(true);
  });

  it('a vague subject is not identified (项目支出中用于重点工作的经费约x)', () => {
    const st = statements(['2023年支出预算549.31万，其中安排378.27万用于基本支出，占68.86%；安排171.04万用于项目支出，占31.14%。项目支出中用于重点工作的经费约96.92万。']);
    expect(at(st, '96.92')[0].subject.kind).toBe('unknown');
    expect(at(st, '378.27')[0].subject.name).toBe('基本支出');
    expect(at(st, '68.86')[0]).toMatchObject({ measure: 'share', subject: { name: '基本支出' } });
    // the list's items know their head
    expect(at(st, '378.27')[0].head?.number.text).toBe('549.31');
  });
});

describe('false links on unseen wording', () => {
  it('a bare 收入 / 支出 listed under one fund’s 收支总预算 is that side of it, not the document’s whole 收入', () => {
    const st = statements(['2024年一般公共预算财政拨款收支总预算1200.00万元，其中：收入1200.00万元，支出1200.00万元。']);
    expect(at(st, '1200.00').filter((s) => s.head).length).toBeGreaterThan(0);
    expect(at(st, '1200.00').filter((s) => s.subject.name === '收入' || s.subject.name === '支出')).toEqual([]);
    // 其中：收入X opens with a part's word: a part of what was told before, not the whole
    const part = statements(['其中：收入500.00万元，支出500.00万元。']);
    expect(at(part, '500.00')[0].subject.name).not.toBe('收入');
    // the document's own 收入, told alone, is still its whole
    expect(at(statements(['2024年收入预算1500.00万元。']), '1500.00')[0].subject).toMatchObject({ kind: 'aggregate', name: '收入' });
  });

  it('a list under last year’s head is last year’s: measure and basis (2023年项目支出预算X，其中…)', () => {
    const st = statements(['2023年项目支出预算为130.00万元，其中：智慧司法建设项目102.00万元，法律援助服务项目28.00万元。']);
    expect(at(st, '102.00')[0]).toMatchObject({ measure: 'last-year', subject: { kind: 'project', name: '智慧司法建设项目' } });
  });

  it('an earlier year’s 决算数 in a 决算 is last year’s figure, basis 决算', () => {
    const st = statements(['与上年相比，2023年度人员经费决算数为1700.00万元，2024年度人员经费决算数为1800.00万元。'], 'final', 2024);
    expect(at(st, '1700.00')[0]).toMatchObject({ measure: 'last-year', basis: 'final' });
    expect(at(st, '1800.00')[0]).toMatchObject({ measure: 'current', basis: 'final' });
  });
});

describe('statements on the wording generator', () => {
  // every linkable narrative figure of the 说明 (each phrasing, 预算 and 决算) is a statement of an identified subject
  it.each(PHRASINGS.flatMap((phrasing) => [
    [3, '预算', phrasing],
    [4, '决算', phrasing],
  ] as const))('seed %s %s phrasing %s: every linkable figure has an identified subject', (seed, kind, phrasing) => {
    const g = generateDisclosure(seed, { kind, unit: '万元', phrasing });
    const paragraphs: Paragraph[] = [];
    const slotAt = new Map<string, string>();
    const owner = new Map<Paragraph, number>();
    for (const b of g.document.blocks) {
      if (b.type === 'h1' || b.type === 'h2' || b.type === 'h3') paragraphs.push(paragraph(b.text));
      if (b.type !== 'p') continue;
      const p = paragraph(paragraphText(g.document, b));
      owner.set(p, paragraphs.length);
      let offset = 0;
      for (const part of b.parts) {
        if (typeof part === 'string') offset += part.length;
        else {
          slotAt.set(`${paragraphs.length}:${offset}`, part.slot);
          offset += g.document.slots[part.slot].text.length;
        }
      }
      paragraphs.push(p);
    }
    const docKind = kind === '决算' ? 'final' : 'budget';
    const st = buildStatements(readNarrative(paragraphs, { year: g.document.year, kind: docKind }), paragraphs, { kind: docKind });
    const bySlot = new Map<string, Statement[]>();
    for (const s of st) {
      const pieces = piecesOf(s.anchor.paragraph);
      let piece = pieces[0];
      for (const q of pieces) if (q.offset <= s.number.start) piece = q;
      const id = slotAt.get(`${owner.get(piece.paragraph)}:${s.number.start - piece.offset}`);
      if (id) bySlot.set(id, [...(bySlot.get(id) ?? []), s]);
    }
    const missing: string[] = [];
    let checked = 0;
    for (const slot of Object.values(g.document.slots)) {
      if (slot.where !== 'text' || slot.unlinkable || slot.kind === 'count') continue;
      checked++;
      const found = bySlot.get(slot.id) ?? [];
      if (!found.some((s) => s.subject.kind !== 'unknown')) missing.push(`${slot.text}: ${slot.sentence}`);
    }
    expect(checked).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});

describe('单位 parts of a 部门 document', () => {
  const heading = (text: string, page: number) => ({ ...paragraph(text, page), bbox: [0, 50, 100, 60] as [number, number, number, number] });
  const onPage = (title: string, page: number) => {
    const t = tableOf(title, '万元', [['项目', '金额'], ['合计', '10.00']], `t${page}`);
    return { ...t, pages: [page], rows: t.rows.map((r) => r.map((c) => (c ? { ...c, page, bbox: [0, 100, 10, 110] as [number, number, number, number] } : c))) };
  };

  it('a 部门 part then a 单位 part, each with its 说明 and tables; 目录 entries are not parts', () => {
    const paragraphs = [
      paragraph('目 录', 2),
      paragraph('上海市某某局2024年部门预算', 2),
      paragraph('上海市某某中心2024年单位预算', 2),
      heading('上海市某某局2024年部门预算', 3),
      { ...paragraph('2024年收入预算总计1000.00万元，比上年增加10.00万元。', 3), bbox: [0, 70, 100, 80] as [number, number, number, number] },
      heading('上海市某某中心2024年单位预算', 6),
      { ...paragraph('2024年收入预算总计400.00万元，比上年增加5.00万元。', 6), bbox: [0, 70, 100, 80] as [number, number, number, number] },
    ];
    const tables = [onPage('部门收支预算总表', 4), onPage('单位收支预算总表', 7)];
    const parts = documentParts({ paragraphs, tables });
    expect(parts.map((p) => [p.kind, p.page])).toEqual([
      ['department', 3],
      ['unit', 6],
    ]);
    expect(tables.map((t) => partOfTable(parts, t)?.kind)).toEqual(['department', 'unit']);
    const st = buildStatements(readNarrative(paragraphs, { year: 2024, kind: 'budget' }), paragraphs, { kind: 'budget', parts });
    expect(at(st, '1000.00')[0].scope.part?.kind).toBe('department');
    expect(at(st, '400.00')[0].scope.part?.kind).toBe('unit');
  });

  it('one part per 单位: the department’s 说明 and 公开表 headings are one part, a unit’s 说明 and 公开表 another (the generator’s unitCopies)', () => {
    const paragraphs = [
      heading('鼓楼区医疗保障局2024年部门预算', 1),
      heading('第二部分 鼓楼区医疗保障局2024年部门预算情况说明', 5),
      { ...paragraph('2024年收入预算总计1000.00万元。', 5), bbox: [0, 70, 100, 80] as [number, number, number, number] },
      heading('第四部分 鼓楼区医疗保障局2024年部门预算公开表', 9),
      heading('第五部分 鼓楼区医疗保障局（本级）2024年单位预算情况说明', 21),
      { ...paragraph('2024年本级单位收入预算总计400.00万元。', 21), bbox: [0, 70, 100, 80] as [number, number, number, number] },
      heading('第六部分 鼓楼区医疗保障局（本级）2024年单位预算公开表', 23),
    ];
    const tables = [onPage('部门收支预算总表', 10), onPage('单位收支预算总表', 24)];
    const parts = documentParts({ paragraphs, tables });
    // (the cover holds nothing before the 说明: the department's part is read from its start anyway)
    expect(parts.map((p) => [p.kind, p.page])).toEqual([
      ['department', 5],
      ['unit', 21],
    ]);
    expect(tables.map((t) => partOfTable(parts, t)?.index)).toEqual([0, 1]);
  });

  it('a unit’s section heading that names no one (第三部分 2024年度单位决算情况说明) stays in that unit’s part', () => {
    const paragraphs = [
      heading('南湖区市场监督管理局2024年度部门决算', 1),
      { ...paragraph('2024年度收入总计1000.00万元，比上年增加10.00万元。', 3), bbox: [0, 70, 100, 80] as [number, number, number, number] },
      heading('城东区示范服务中心2024年单位决算', 20),
      heading('第三部分 2024年度单位决算情况说明', 24),
      { ...paragraph('2024年度收入总计400.00万元，比上年增加5.00万元。', 24), bbox: [0, 70, 100, 80] as [number, number, number, number] },
    ];
    const tables = [onPage('收入支出决算总表', 4), onPage('收入支出决算总表', 21)];
    expect(documentParts({ paragraphs, tables }).map((p) => [p.kind, p.page])).toEqual([
      ['department', 1],
      ['unit', 20],
    ]);
  });

  it('one heading (a cover) makes no parts: the document is read as one', () => {
    const paragraphs = [paragraph('上海市普陀区2025年区级单位预算', 1), paragraph('2024年收入预算总计1000.00万元。', 3)];
    expect(documentParts({ paragraphs, tables: [onPage('收支预算总表', 4)] })).toEqual([]);
  });
});
