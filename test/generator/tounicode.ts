/**
 * Chromium's PDF writer (Skia) builds each font's ToUnicode map by picking, for every glyph, the
 * lowest code point the font maps to it. Noto CJK shares glyphs between ideographs and Kangxi /
 * CJK radical (and a few Ext-A) code points, so 文 is extracted as ⽂ (U+2F42) and 门 as ⻔
 * (U+2ED4). fixToUnicode() rewrites the ToUnicode CMaps so text extracts as typed.
 *
 * The table below was measured, not guessed: every character U+4E00–U+9FA5 was printed with
 * Noto Sans/Serif CJK SC (regular and bold) and extracted again; each pair is (extracted, typed).
 */
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';

const PAIRS =
  '⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶' +
  '⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人' +
  '⼉儿⼊入⼋八⼌冂⼍冖⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼫尸⼬屮⼭山⼮巛⼯工⼰己⼱巾' +
  '⼲干⼴广⼵廴⼶廾⼷弋⼸弓⼺彡⼻彳⼼心⼽戈⼾户⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙' +
  '⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自' +
  '⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫⾎血⾏行⾐衣⾑襾⾒見⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾨門⾩阜⾪隶⾫隹⾬雨⾭靑' +
  '⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾸首⾹香⾺馬⾼高⾽髟⾾鬥⾿鬯⿀鬲⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿕龠㫚曶㬵胶㬺幐㮣槩' +
  '墫壿' +
  '';

export const RADICAL_TO_IDEOGRAPH: ReadonlyMap<number, number> = (() => {
  const chars = [...PAIRS];
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i].codePointAt(0)!, chars[i + 1].codePointAt(0)!);
  return map;
})();

function hexToString(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function stringToHex(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return out;
}

function fixString(s: string): string {
  return [...s].map((c) => {
    const to = RADICAL_TO_IDEOGRAPH.get(c.codePointAt(0)!);
    return to === undefined ? c : String.fromCodePoint(to);
  }).join('');
}

/** Rewrite one ToUnicode CMap; returns null when nothing needed fixing. */
export function fixCMap(cmap: string): string | null {
  const entries = new Map<number, string>();
  let srcWidth = 4;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      srcWidth = m[1].length;
      entries.set(parseInt(m[1], 16), hexToString(m[2]));
    }
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<([0-9A-Fa-f]+)>|\[([^\]]*)\])/g)) {
      srcWidth = m[1].length;
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[4] !== undefined) {
        const base = hexToString(m[4]);
        const last = base.charCodeAt(base.length - 1);
        for (let c = lo; c <= hi; c++) entries.set(c, base.slice(0, -1) + String.fromCharCode(last + (c - lo)));
      } else {
        const items = [...m[5].matchAll(/<([0-9A-Fa-f]+)>/g)].map((x) => hexToString(x[1]));
        for (let c = lo; c <= hi; c++) entries.set(c, items[c - lo] ?? '');
      }
    }
  }
  let changed = false;
  for (const [k, v] of entries) {
    const f = fixString(v);
    if (f !== v) {
      entries.set(k, f);
      changed = true;
    }
  }
  if (!changed) return null;
  const head = cmap.slice(0, cmap.search(/\d+\s+begin(bfchar|bfrange)/));
  const lastEnd = Math.max(cmap.lastIndexOf('endbfchar') + 'endbfchar'.length, cmap.lastIndexOf('endbfrange') + 'endbfrange'.length);
  const tail = cmap.slice(lastEnd);
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const blocks: string[] = [];
  for (let i = 0; i < sorted.length; i += 100) {
    const chunk = sorted.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([k, v]) => `<${k.toString(16).toUpperCase().padStart(srcWidth, '0')}> <${stringToHex(v)}>`).join('\n')}\nendbfchar\n`);
  }
  return head + blocks.join('') + tail;
}

/** Return the PDF with every font's ToUnicode map fixed (radicals → ideographs). */
export async function fixToUnicode(bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = pdf.context;
  let changed = false;
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    const ref = obj.get(PDFName.of('ToUnicode'));
    if (!(ref instanceof PDFRef)) continue;
    const stream = ctx.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const data = decodePDFRawStream(stream).decode();
    let text = '';
    for (let i = 0; i < data.length; i++) text += String.fromCharCode(data[i]);
    const fixed = fixCMap(text);
    if (fixed === null) continue;
    const out = new Uint8Array(fixed.length);
    for (let i = 0; i < fixed.length; i++) out[i] = fixed.charCodeAt(i);
    ctx.assign(ref, ctx.flateStream(out));
    changed = true;
  }
  if (!changed) return bytes;
  return pdf.save({ useObjectStreams: false });
}
