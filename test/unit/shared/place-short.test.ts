// An autonomous county's short form, as the county writes itself and GB/T 2260's names give it: the
// peoples of its name left out (长白朝鲜族自治县 → 长白县); every other name as it is.
import { describe, expect, it } from 'vitest';
import { sameCounty, shortCountyKey } from '../../../shared/place-short';

describe('the short form of a county’s name', () => {
  it('an autonomous county or banner without its peoples, one or several, with or without 族', () => {
    expect(
      [
        '长白朝鲜族自治县',
        '前郭尔罗斯蒙古族自治县',
        '伊通满族自治县',
        '三都水族自治县',
        '互助土族自治县',
        '双江拉祜族佤族布朗族傣族自治县',
      ].map(shortCountyKey),
    ).toEqual(['长白县', '前郭尔罗斯县', '伊通县', '三都县', '互助县', '双江县']);
    expect(
      ['积石山保安族东乡族撒拉族自治县', '塔什库尔干塔吉克自治县', '莫力达瓦达斡尔族自治旗', '长白自治县'].map(shortCountyKey),
    ).toEqual(['积石山县', '塔什库尔干县', '莫力达瓦旗', '长白县']);
  });
  it('any other name as it is: a short name already, a city, a district, 单县', () => {
    for (const name of ['长白县', '樟树市', '榆树市', '单县', '黔东南苗族侗族自治州', '广西壮族自治区', '朝阳区'])
      expect(shortCountyKey(name)).toBe(name);
  });

  it('an autonomous county and the ways its documents write it are one county; in either script', () => {
    for (const [official, short] of [
      ['前郭尔罗斯蒙古族自治县', '前郭县'],
      ['前郭尔罗斯蒙古族自治县', '前郭尔罗斯县'],
      ['长白朝鲜族自治县', '长白县'],
      ['孟村回族自治县', '孟村县'],
      ['大厂回族自治县', '大厂县'],
      ['丰宁满族自治县', '丰宁县'],
      ['本溪满族自治县', '本溪县'],
      ['积石山保安族东乡族撒拉族自治县', '积石山县'],
      ['峨边彝族自治县', '峨边县'],
      ['木里藏族自治县', '木里县'],
      ['前郭爾羅斯蒙古族自治縣', '前郭县'],
      // A name written without its kind.
      ['樟树市', '樟树'],
      ['长白朝鲜族自治县', '长白'],
    ])
      expect([official, short, sameCounty(official, short)]).toEqual([official, short, true]);
  });
  it('never two counties for one: another county whose name begins alike, a city and a county of one stem, a district', () => {
    for (const [a, b] of [
      ['前郭县', '前进区'],
      ['前郭尔罗斯蒙古族自治县', '乾安县'],
      ['通化县', '通化市'],
      ['东乡族自治县', '东乡区'],
      ['长白县', '长白山县'],
      ['本溪满族自治县', '本溪市'],
    ])
      expect([a, b, sameCounty(a, b)]).toEqual([a, b, false]);
  });
});
