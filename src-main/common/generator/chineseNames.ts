import type { SeededRandom } from './prng';

/** Common surnames, most frequent first (with their pinyin for logins). */
const SURNAMES: ReadonlyArray<readonly [string, string]> = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'],
  ['郭', 'guo'], ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'],
  ['谢', 'xie'], ['宋', 'song'], ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'],
  ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'], ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'],
  ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'], ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'],
  ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'], ['任', 'ren'], ['沈', 'shen'],
  ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'], ['陆', 'lu'],
  ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'],
  ['韦', 'wei'], ['方', 'fang'], ['白', 'bai'], ['欧阳', 'ouyang'], ['司马', 'sima'], ['上官', 'shangguan'],
];

/** Characters used in given names, with pinyin. */
const GIVEN: ReadonlyArray<readonly [string, string]> = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'],
  ['磊', 'lei'], ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'],
  ['涛', 'tao'], ['明', 'ming'], ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'],
  ['英', 'ying'], ['华', 'hua'], ['玉', 'yu'], ['建', 'jian'], ['文', 'wen'], ['辉', 'hui'], ['力', 'li'],
  ['鹏', 'peng'], ['宇', 'yu'], ['浩', 'hao'], ['俊', 'jun'], ['欣', 'xin'], ['婷', 'ting'], ['雪', 'xue'],
  ['琳', 'lin'], ['晨', 'chen'], ['阳', 'yang'], ['思', 'si'], ['佳', 'jia'], ['怡', 'yi'], ['雨', 'yu'],
  ['萱', 'xuan'], ['梓', 'zi'], ['涵', 'han'], ['子', 'zi'], ['轩', 'xuan'], ['博', 'bo'], ['睿', 'rui'],
  ['嘉', 'jia'], ['诚', 'cheng'], ['凯', 'kai'], ['昊', 'hao'], ['然', 'ran'], ['晓', 'xiao'], ['东', 'dong'],
  ['海', 'hai'], ['波', 'bo'], ['斌', 'bin'], ['宁', 'ning'], ['慧', 'hui'], ['颖', 'ying'], ['倩', 'qian'],
  ['璐', 'lu'], ['瑶', 'yao'], ['燕', 'yan'], ['红', 'hong'], ['梅', 'mei'], ['兰', 'lan'], ['志', 'zhi'],
  ['国', 'guo'], ['永', 'yong'], ['春', 'chun'], ['新', 'xin'], ['峰', 'feng'], ['亮', 'liang'], ['成', 'cheng'],
  ['康', 'kang'], ['乐', 'le'], ['丹', 'dan'], ['鑫', 'xin'], ['悦', 'yue'], ['航', 'hang'], ['天', 'tian'],
];

export interface PersonName {
  name: string;
  pinyin: string;
}

/** A name as table indices: surname, first and (optional, -1) second given character. */
interface NameParts {
  surname: number;
  first: number;
  second: number;
}

function drawParts(rng: SeededRandom): NameParts {
  const surname = Math.floor(SURNAMES.length * rng.next() ** 1.6); // common surnames far more often
  const first = rng.below(GIVEN.length);
  const second = rng.chance(0.35) ? -1 : rng.below(GIVEN.length);
  return { surname, first, second };
}

/** A number that identifies the name, so uniqueness checks do not build strings for names that get rejected. */
function partsKey({ surname, first, second }: NameParts): number {
  const g = GIVEN.length + 1;
  return (surname * g + first) * g + (second + 1);
}

function spell({ surname, first, second }: NameParts): PersonName {
  const [s, sp] = SURNAMES[surname] as readonly [string, string];
  const [f, fp] = GIVEN[first] as readonly [string, string];
  if (second < 0) return { name: s + f, pinyin: sp + fp };
  const [t, tp] = GIVEN[second] as readonly [string, string];
  return { name: s + f + t, pinyin: sp + fp + tp };
}

/** A Chinese name: a common surname and a one- or two-character given name. */
export function randomPersonName(rng: SeededRandom): PersonName {
  return spell(drawParts(rng));
}

/**
 * Hands out names that are unique within one organisation. WukongCRM refuses a duplicate real name (error 1141,
 * reference §3), so a real company disambiguates a second 张伟 — we append a digit the way admins do ("张伟2").
 */
export class UniqueNames {
  private readonly usedKeys = new Set<number>();
  private readonly reserved = new Set<string>();
  private readonly suffixes = new Map<number, number>();

  /** Mark a hand-placed name as taken. */
  reserve(name: string): void {
    this.reserved.add(name);
  }

  next(rng: SeededRandom): PersonName {
    let parts = drawParts(rng);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      if (attempt > 0) parts = drawParts(rng);
      const key = partsKey(parts);
      if (this.usedKeys.has(key)) continue;
      const person = spell(parts);
      if (this.reserved.has(person.name)) continue;
      this.usedKeys.add(key);
      return person;
    }
    const key = partsKey(parts);
    const base = spell(parts);
    for (let n = this.suffixes.get(key) ?? 2; ; n += 1) {
      const name = `${base.name}${n}`;
      if (!this.reserved.has(name)) {
        this.suffixes.set(key, n + 1);
        return { name, pinyin: base.pinyin };
      }
    }
  }
}

/** Login = ascii pinyin + the person's sequence number; unique because the number is (pinyin has no digits). */
export function loginFor(pinyin: string, sequence: number): string {
  return `${pinyin}${sequence}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十, 47 → 四十七; numbers past 99 stay Arabic (nobody writes 一百零三组). */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
