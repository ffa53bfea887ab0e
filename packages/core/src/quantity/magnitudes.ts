/** Chinese magnitudes after Arabic digits: 10万, 1.5亿, 3千万, 2万亿. */
import { wordTable } from './word-table.js';

/** Powers of ten of the magnitude words that may follow digits. */
export const MAGNITUDES = wordTable<number>([
  ['十万亿', 13], ['百万亿', 14], ['千万亿', 15], ['万亿', 12],
  ['十亿', 9], ['百亿', 10], ['千亿', 11], ['亿', 8],
  ['十万', 5], ['百万', 6], ['千万', 7], ['万', 4],
  ['十', 1], ['百', 2], ['千', 3],
]);
