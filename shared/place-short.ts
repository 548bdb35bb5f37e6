// The short form of a county's name (GB/T 2260 names and how a county writes itself): an autonomous
// county or banner without the peoples its name carries — 长白朝鲜族自治县 is 长白县, 莫力达瓦达斡尔族自治旗
// 莫力达瓦旗, 双江拉祜族佤族布朗族傣族自治县 双江县 — and a long stem as it is written short (前郭尔罗斯蒙古族自治县
// and 前郭县: shared/place-stems.ts, generated from GB/T 2260). The store takes a name and its short form for one
// county (store/records.ts findRecordIds), so 长白县 第10批 and 长白朝鲜族自治县 第10批 are one record, by every door.
import { SHORTENED_STEMS } from './place-stems';
import { countyKey } from './text';

/** The 55 peoples (and 各族) as autonomous counties' names carry them; a people of one character only with 族. */
const PEOPLES_ONE = '回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京各';
const PEOPLES =
  '蒙古 维吾尔 布依 朝鲜 土家 哈尼 哈萨克 傈僳 高山 拉祜 东乡 纳西 景颇 柯尔克孜 达斡尔 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(
    ' ',
  );
export const PEOPLE = `(?:(?:${PEOPLES.join('|')})族?|[${PEOPLES_ONE}]族)`;
const AUTONOMOUS = new RegExp(`^(.{2,}?)${PEOPLE}*自治(县|旗)$`, 'u');

/** An autonomous county's name without its peoples: 前郭尔罗斯蒙古族自治县 → 前郭尔罗斯县; any other name as it is. */
export function peoplesLeftOut(key: string): string {
  const m = AUTONOMOUS.exec(key);
  return m ? `${m[1]}${m[2]}` : key;
}

/** A folded county name's short form: 长白朝鲜族自治县 → 长白县, 前郭尔罗斯蒙古族自治县 and 前郭县 → 前郭尔罗斯县; any other name as it is. */
export function shortCountyKey(key: string): string {
  const short = peoplesLeftOut(key);
  return SHORTENED_STEMS.get(short) ?? short;
}

const KIND = ['县', '市', '区', '旗'];

/** Whether two names are one county's: 长白县 and 長白朝鮮族自治縣, 前郭县 and 前郭尔罗斯蒙古族自治县, 樟树 (its kind left out) and 樟树市. */
export function sameCounty(a: string, b: string): boolean {
  const [x, y] = [a, b].map((name) => shortCountyKey(countyKey(name)));
  const bare = (n: string, other: string) => !KIND.includes(n.at(-1)!) && KIND.some((kind) => shortCountyKey(n + kind) === other);
  return x === y || bare(x, y) || bare(y, x);
}
