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
  '運运輸输環环節节氣气險险療疗醫医藥药衛卫飲饮農农鎮镇鄉乡華华園园廠厂機机戶户務务參参與与項项兩两萬万' +
  // Added for imported texts: the words of indicator definitions, narratives and common targets.
  '釋释決决濟济採采産产範范較较動动舉举辦办場场壯壮視视頻频積积極极豐丰礎础勢势獎奖勵励懲惩罰罚貫贯徹彻' +
  '關关係系種种細细勞劳災灾無无擴扩讀读調调態态戰战歷历曆历輔辅藝艺術术龍龙頭头獸兽紅红陸陆島岛灣湾臺台' +
  '後后裡里裏里樣样當当兒儿內内質质齊齐漁渔糧粮約约籌筹繼继續续驗验獲获隨随靈灵憑凭帶带傳传紙纸線线認认' +
  '識识遠远連连選选適适鄰邻鐵铁鋼钢錢钱錯错鍵键閉闭難难雙双雜杂離离雲云響响頂顶須须顧顾顯显風风飛飞館馆' +
  '馬马鳥鸟齡龄標标準准註注屆届體体覺觉見见規规觀观訂订計计訊讯託托記记許许設设訪访評评詞词試试詳详' +
  '誌志語语誤误說说誰谁課课談谈請请諮咨謀谋講讲證证識识議议護护變变讓让貢贡貸贷費费資资賓宾賽赛購购贊赞' +
  '趕赶車车軟软較较輕轻載载輪轮轉转辦办農农遊游過过運运達达違违遞递還还邏逻郵邮鄉乡醫医針针銷销鋪铺錄录' +
  '鎮镇長长門门閑闲開开間间閘闸閣阁關关際际隊队陽阳階阶險险隨随隱隐雖虽雞鸡電电韓韩頁页頒颁預预領领' +
  '頭头題题額额類类顏颜願愿風风飽饱養养餘余館馆驅驱驗验體体髮发鬥斗魯鲁鮮鲜鳳凤麥麦黃黄點点黨党';

const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...TRADITIONAL_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i] as string, chars[i + 1] as string);
  return map;
})();

// One regular expression over every traditional character: texts with none (most of them) are returned
// as they are after a single native scan, which keeps matching linear and fast on large inputs.
const TRADITIONAL_CHARS = new RegExp(`[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].filter((ch) => ch !== TRADITIONAL_TO_SIMPLIFIED.get(ch)).join('')}]`, 'gu');

/** Traditional characters of the form vocabulary replaced by their simplified forms. */
export function toSimplified(text: string): string {
  return text.replace(TRADITIONAL_CHARS, (ch) => TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch);
}

/**
 * The key two texts are compared by: NFKC (full-width digits and symbols to ASCII, compatibility forms
 * such as ﹦ to =), simplified characters, no white space at all.
 */
export function matchKey(text: string): string {
  return toSimplified(text.normalize('NFKC')).replace(/\s+/gu, '');
}
