/**
 * Text normalisation for matching only: real files come with full-width symbols, traditional characters
 * and stray spaces. What is stored is always the original text; these functions serve comparisons.
 */

/**
 * Traditional → simplified for the characters of the form's vocabulary (labels, units, comparators and
 * the words common in indicator names). Pairs are written traditional-then-simplified.
 */
const TRADITIONAL_PAIRS =
  '績绩評评價价標标預预執执資资產产撥拨級级數数結结構构轉转單单稱称據据達达與与實实際际備备註注總总體体規规務务況况' +
  '報报營营業业額额萬万億亿個个項项來来區区縣县財财經经費费購购開开帳账賬账設设應应監监優优減减現现職职門门員员會会議议' +
  '輛辆國国長长點点發发還还進进這这為为對对從从於于處处頁页簡简條条類类時时間间問问題题學学習习統统計计劃划義义隊队導导' +
  '領领軍军團团創创廣广東东訊讯號号負负責责權权餘余專专獨独維维護护確确準准請请庫库檔档說说記记錄录審审違违紀纪遞递' +
  '歲岁邊边車车電电話话網网絡络書书圖图聯联證证價价區区營营銷销貨货贏赢幣币銀银補补貼贴創创層层準准綜综閱阅覽览導导' +
  '運运輸输環环節节氣气險险療疗醫医藥药衛卫飲饮農农鎮镇鄉乡華华園园廠厂機机戶户務务參参與与項项兩两萬万';

const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...TRADITIONAL_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] as string, chars[i + 1] as string);
  return map;
})();

/** Traditional characters of the form vocabulary replaced by their simplified forms. */
export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}

/**
 * The key two texts are compared by: NFKC (full-width digits and symbols to ASCII, compatibility forms
 * such as ﹦ to =), simplified characters, no white space at all.
 */
export function matchKey(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(/\s+/gu, '');
}
