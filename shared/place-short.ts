// The short form of a county's name (GB/T 2260 names and how a county writes itself): an autonomous
// county or banner without the peoples its name carries — 长白朝鲜族自治县 is 长白县, 莫力达瓦达斡尔族自治旗
// 莫力达瓦旗, 双江拉祜族佤族布朗族傣族自治县 双江县. The store takes a name and its short form for one county
// (store/records.ts findRecordIds), so 长白县 第10批 and 长白朝鲜族自治县 第10批 are one record, by every door.

/** The 55 peoples (and 各族) as autonomous counties' names carry them; a people of one character only with 族. */
const PEOPLES_ONE = '回藏苗彝壮满侗瑶白傣黎佤畲水土羌怒京各';
const PEOPLES =
  '蒙古 维吾尔 布依 朝鲜 土家 哈尼 哈萨克 傈僳 高山 拉祜 东乡 纳西 景颇 柯尔克孜 达斡尔 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'.split(
    ' ',
  );
export const PEOPLE = `(?:(?:${PEOPLES.join('|')})族?|[${PEOPLES_ONE}]族)`;
const AUTONOMOUS = new RegExp(`^(.{2,}?)${PEOPLE}*自治(县|旗)$`, 'u');

/** A folded county name's short form: 长白朝鲜族自治县 → 长白县; any other name as it is. */
export function shortCountyKey(key: string): string {
  const m = AUTONOMOUS.exec(key);
  return m ? `${m[1]}${m[2]}` : key;
}
