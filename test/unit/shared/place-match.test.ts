// A prefecture or province by its short form is the same place (楚雄州 is 楚雄彝族自治州, 浙江 浙江省): a reviewer of
// 云南省/楚雄彝族自治州 sees the 楚雄市 whose title says 云南省楚雄州, and a record's place is told apart only where it differs.
import { describe, expect, it } from 'vitest';
import { partOutsideScope, placeInScope } from '../../../shared/accounts';
import { namesPlace, placesDiffer } from '../../../shared/place-match';

describe('places by their short forms', () => {
  it('a prefecture reviewer of 楚雄彝族自治州 holds a record written 楚雄州 (and the other way round); 红河州 is outside', () => {
    const chuxiong = { province: '云南省', prefecture: '楚雄州', county: '楚雄市' };
    expect(placeInScope(chuxiong, ['云南省', '楚雄彝族自治州'])).toBe(true);
    expect(placeInScope({ ...chuxiong, prefecture: '楚雄彝族自治州' }, ['云南', '楚雄州', '楚雄市'])).toBe(true);
    expect(placeInScope({ ...chuxiong, prefecture: '红河州' }, ['云南省', '楚雄彝族自治州'])).toBe(false);
    expect(partOutsideScope({ ...chuxiong, prefecture: '红河哈尼族彝族自治州' }, ['云南省', '楚雄州'])).toEqual({
      part: 1,
      name: '红河哈尼族彝族自治州',
    });
  });

  it('two records of one name differ only where both state a province or prefecture and the two are not one place', () => {
    expect(placesDiffer({ province: '重庆市', prefecture: null }, { province: '浙江省', prefecture: '宁波市' })).toBe(true);
    expect(placesDiffer({ province: '内蒙古自治区', prefecture: null }, { province: '内蒙古', prefecture: '兴安盟' })).toBe(false);
    expect(placesDiffer({ province: '廣西壯族自治區', prefecture: '百色市' }, { province: '广西', prefecture: '百色' })).toBe(false);
    expect(placesDiffer({ province: null, prefecture: '楚雄彝族自治州' }, { province: '云南省', prefecture: '楚雄州' })).toBe(false);
    expect(placesDiffer({ province: null, prefecture: '黔东南州' }, { province: null, prefecture: '黔南布依族苗族自治州' })).toBe(true);
    // A municipality read as the prefecture (重庆市江北区) is the province too: not 浙江省's 江北区.
    expect(placesDiffer({ province: null, prefecture: '重庆市' }, { province: '浙江省', prefecture: null })).toBe(true);
    expect(placesDiffer({ province: null, prefecture: '重庆市' }, { province: '重庆', prefecture: null })).toBe(false);
    expect(namesPlace('楚雄州楚雄市', { province: '云南省', prefecture: '楚雄彝族自治州', county: '楚雄市' })).toBe(true);
    expect(namesPlace('红河州楚雄市', { province: '云南省', prefecture: '楚雄彝族自治州', county: '楚雄市' })).toBe(false);
  });
});
