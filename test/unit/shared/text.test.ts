import { describe, expect, it } from 'vitest';
import { countyKey, detectScript, fold, hasXmlUnsafe, inferCategory } from '../../../shared/text';
import { basicParagraph, chineseNumeral } from '../../../shared/document';
import { placeInScope } from '../../../shared/accounts';
import { computeRecord } from '../../../shared/record';
import fs from 'node:fs';
import path from 'node:path';
import { Converter } from 'opencc-js';
import { ROOT, referenceFixture, seedInput, sourceDocumentText } from '../../helpers/fixtures';
// @ts-expect-error: a plain .mjs script without types
import { scriptCharsSource } from '../../../scripts/gen-script-chars.mjs';

describe('text folding', () => {
  it('treats traditional, full-width and spaced forms of a county as one', () => {
    expect(countyKey('樟樹市')).toBe(countyKey('樟树市'));
    expect(countyKey(' 樟 树 市\n')).toBe(countyKey('樟树市'));
    expect(fold('計劃安排額度\n（萬元）')).toBe('计划安排额度(万元)');
    expect(fold('ＡＢＣ１２３')).toBe('ABC123');
  });

  it('reads CJK radical look-alikes copied out of a PDF as the ideographs they show (Unicode EquivalentUnifiedIdeograph)', () => {
    // CJK Radicals Supplement, which NFKC leaves alone: ⻓ U+2ED3 长, ⻰ U+2EF0 龙, ⻩ U+2EE9 黄, ⻢ U+2EE2 马, ⻔ U+2ED4 门,
    // ⻄ U+2EC4 西, ⻋ U+2ECB 车; and a Kangxi radical, which NFKC maps: ⾦ U+2FA6 金.
    expect(fold('\u2ed3汀县')).toBe('长汀县');
    expect(fold('福建省/\u2ef0岩市')).toBe('福建省/龙岩市');
    expect(fold('\u2ee9\u2ee2\u2ed4\u2ec4\u2ecb')).toBe('黄马门西车');
    expect(fold('瑞\u2fa6市')).toBe('瑞金市');
    // ⻑ U+2ED1 looks like the traditional 長, which folds on to 长.
    expect(fold('\u2ed1汀縣')).toBe('长汀县');
    // A record in ⻰岩市 lies in the 龙岩市 reviewer's scope.
    expect(placeInScope({ province: '福建省', prefecture: '\u2ef0岩市', county: '长汀县' }, ['福建省', '龙岩市'])).toBe(true);
  });

  it('folds the whole source document as OpenCC converts it to simplified', () => {
    const opencc = Converter({ from: 't', to: 'cn' });
    const source = sourceDocumentText();
    expect(fold(source)).toBe(opencc(source.normalize('NFKC')).replace(/\s+/g, ''));
    // The seed in traditional characters folds to the seed in simplified ones, every text of it.
    expect(fold(JSON.stringify(referenceFixture('hant')))).toBe(fold(JSON.stringify(referenceFixture('hans'))));
  });

  it('uses the character tables the generator writes from OpenCC (no hand edits)', async () => {
    expect(fs.readFileSync(path.join(ROOT, 'shared/script-chars.ts'), 'utf8')).toBe(await scriptCharsSource());
  });

  it('tells the script of a text', () => {
    expect(detectScript('樟樹市電子商務公共服務中心建設')).toBe('hant');
    expect(detectScript('樟树市电子商务公共服务中心建设')).toBe('hans');
  });

  it('tells a text mostly traditional from one mostly simplified, whatever else it holds', () => {
    // 電 腦 電 話 are traditional forms (4), 县 a simplified one (1); then 電 (1) against 县 and 区 (2).
    expect(detectScript('A1 電腦電話 县 2021')).toBe('hant');
    expect(detectScript('電 县区 2021')).toBe('hans');
    // Characters beyond the first 65,536 count too: 𠁞 (U+2005E) is the traditional form of 𠀾 (OpenCC), two of them against 县.
    expect(detectScript('𠁞𠁞县')).toBe('hant');
    // Only the first 400 characters count.
    expect(detectScript(`${'县'.repeat(400)}${'縣'.repeat(500)}`)).toBe('hans');
  });

  it('finds the characters an xlsx cannot hold, and only those', () => {
    for (const bad of ['a\u0001b', '\u0000', 'x\u000B', '\u001F', 'a\uFFFE', '\uFFFF', 'a\uD800b', 'a\uDC00', '\uDBFF'])
      expect(hasXmlUnsafe(bad), JSON.stringify(bad)).toBe(true);
    for (const good of ['', 'a\tb\nc\r\nd', '樟树市', '😀 emoji', '\uD83D\uDE00', '\uFFFD', '\u007F'])
      expect(hasXmlUnsafe(good), JSON.stringify(good)).toBe(false);
  });

  it('infers the six categories from names in either script', () => {
    const seed = referenceFixture('hant');
    for (const row of [...seed.items, ...seed.disbursements]) expect(inferCategory(row.name)).toBe(row.category);
    expect(inferCategory('其它支出')).toBe('other');
  });
});

describe('generated texts', () => {
  it('writes the seed paragraph as the source document has it', () => {
    const seed = referenceFixture('hant');
    expect(basicParagraph(seed.county, 'hant')).toBe(
      '樟樹市是第八批全國電子商務進農村綜合示范縣(2021年),立項時間為2021年9月,項目總投資2310萬元,其中中央資金1500萬元,政府配套資金230萬元,社會資本580萬元,當前項目已基本建設完成,安排使用中央資金1332.78萬元。',
    );
    expect(chineseNumeral(12)).toBe('十二');
    expect(chineseNumeral(20)).toBe('二十');
  });

  it('computes both fixtures, summary sentence in each script, from their inputs', () => {
    expect(computeRecord(seedInput('hans'))).toEqual(referenceFixture('hans'));
    expect(computeRecord(seedInput('hant'))).toEqual(referenceFixture('hant'));
  });
});
