// A team workspace's scopes (shared/accounts.ts): how a person writes one, whether a record's place
// falls in it (simplified or traditional names alike), which part of a place lies outside, and
// whether an administrator may give a scope.
import { describe, expect, it } from 'vitest';
import { formatScope, parseScope, partOutsideScope, placeInScope, roleLabel, scopeWithin } from '../../../shared/accounts';

const ZHANGSHU = { province: '江西省', prefecture: '宜春市', county: '樟树市' };

describe('a scope as written', () => {
  it('is its parts, slashes of either width and spaces around them understood; blank is everywhere', () => {
    expect(parseScope('江西省/宜春市/樟树市')).toEqual(['江西省', '宜春市', '樟树市']);
    expect(parseScope(' 江西省 ／ 宜春市 ')).toEqual(['江西省', '宜春市']);
    expect(parseScope('')).toEqual([]);
    expect(parseScope('   ')).toEqual([]);
    expect(formatScope(['江西省', '宜春市'])).toBe('江西省/宜春市');
  });

  it('is refused with more than three parts, an empty part, or a part over 50 characters', () => {
    expect(parseScope('江西省/宜春市/樟树市/大桥街道')).toBeNull();
    expect(parseScope('江西省//樟树市')).toBeNull();
    expect(parseScope(`江西省/${'宜'.repeat(51)}`)).toBeNull();
    expect(parseScope(`江西省/${'宜'.repeat(50)}`)).toHaveLength(2);
  });
});

describe('a record’s place', () => {
  it('falls in its province, prefecture and county, written in either script', () => {
    expect(placeInScope(ZHANGSHU, [])).toBe(true);
    expect(placeInScope(ZHANGSHU, ['江西省'])).toBe(true);
    expect(placeInScope(ZHANGSHU, ['江西省', '宜春市', '樟樹市'])).toBe(true);
    expect(placeInScope(ZHANGSHU, ['江西省', '赣州市'])).toBe(false);
  });

  it('falls in its county’s scope by any of the county’s names: 前郭县 is 前郭尔罗斯蒙古族自治县, 长白县 長白朝鮮族自治縣', () => {
    const qianguo = { province: '吉林省', prefecture: '松原市', county: '前郭尔罗斯蒙古族自治县' };
    expect(placeInScope(qianguo, ['吉林省', '松原市', '前郭县'])).toBe(true);
    expect(partOutsideScope(qianguo, ['吉林省', '松原市', '前郭县'])).toBeNull();
    expect(placeInScope({ ...qianguo, county: '前郭县' }, ['吉林省', '松原市', '前郭尔罗斯蒙古族自治县'])).toBe(true);
    expect(placeInScope({ province: '吉林省', prefecture: '白山市', county: '长白县' }, ['吉林省', '白山市', '長白朝鮮族自治縣'])).toBe(
      true,
    );
    expect(scopeWithin(['吉林省', '松原市', '前郭县'], ['吉林省', '松原市', '前郭尔罗斯蒙古族自治县'])).toBe(true);
    // Another county is not: 乾安县 beside it, 通化县 and 通化市.
    expect(placeInScope(qianguo, ['吉林省', '松原市', '乾安县'])).toBe(false);
    expect(placeInScope({ province: '吉林省', prefecture: '通化市', county: '通化县' }, ['吉林省', '通化市', '通化市'])).toBe(false);
  });

  it('with a part unknown falls only in a scope that does not name that part', () => {
    const unknown = { province: '江西省', prefecture: null, county: '樟树市' };
    expect(placeInScope(unknown, ['江西省'])).toBe(true);
    expect(placeInScope(unknown, ['江西省', '宜春市'])).toBe(false);
  });

  it('outside a scope names the part that is: the prefecture, or the county with the part not filled in', () => {
    expect(partOutsideScope({ ...ZHANGSHU, prefecture: '赣州市' }, ['江西省', '宜春市', '樟树市'])).toEqual({ part: 1, name: '赣州市' });
    expect(partOutsideScope({ ...ZHANGSHU, province: null }, ['江西省'])).toEqual({ part: 0, name: '樟树市(省未填)' });
    expect(partOutsideScope({ ...ZHANGSHU, prefecture: null }, ['江西省', '宜春市'])).toEqual({ part: 1, name: '樟树市(市未填)' });
    expect(partOutsideScope(ZHANGSHU, ['江西省', '宜春市', '樟樹市'])).toBeNull();
  });
});

describe('a scope an administrator gives', () => {
  it('lies within the administrator’s own: as deep or deeper, the same places', () => {
    expect(scopeWithin(['江西省', '宜春市'], ['江西省'])).toBe(true);
    expect(scopeWithin(['江西省'], ['江西省'])).toBe(true);
    expect(scopeWithin(['江西省'], ['江西省', '宜春市'])).toBe(false);
    expect(scopeWithin(['湖南省', '宜春市'], ['江西省'])).toBe(false);
    expect(scopeWithin(['江西省', '宜春市'], [])).toBe(true);
  });

  it('names each role in both languages', () => {
    expect([roleLabel('county', 'zh'), roleLabel('admin', 'en')]).toEqual(['县级填报员', 'account administrator']);
  });
});
