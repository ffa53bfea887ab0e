import { describe, expect, it } from 'vitest';
import { readCsv, writeIndicatorsCsv } from '../src/index.js';
import { leafNamed, seedForm } from './helpers/forms.js';

describe('the CSV of indicator rows', () => {
  it('starts with a byte order mark and a header, then one row per indicator of every level, in printed order', () => {
    const csv = writeIndicatorsCsv(seedForm());
    expect(csv.startsWith('\uFEFFpath,level,name,weight,target,actual,selfScore\r\n')).toBe(true);
    const rows = readCsv(csv.slice(1));
    // The header, 3 level-1 groups, 12 level-2 groups and 37 leaves.
    expect(rows).toHaveLength(1 + 3 + 12 + 37);
    expect(rows[1]).toEqual(['管理效能', '1', '管理效能', '45', '', '', '']);
    expect(rows[3]).toEqual(['管理效能/资金管理/预算完成率', '3', '预算完成率', '2', '', '', '1.97']);
    expect(rows.find((r) => r[2] === '2.年度营收')).toEqual(['履职效能/大力发展汽车等优势主导产业，做强做优做大新能源汽车产业/2.年度营收', '3', '2.年度营收', '4', '100亿元', '超140亿元', '4']);
  });

  it('quotes commas, quotes and line breaks, and reads back to the same texts', () => {
    const form = seedForm();
    leafNamed(form, '2.年度营收').actual = '超140亿元, 其中 "新能源" 90亿元\n另有出口';
    const rows = readCsv(writeIndicatorsCsv(form).slice(1));
    expect(rows.find((r) => r[2] === '2.年度营收')?.[5]).toBe('超140亿元, 其中 "新能源" 90亿元\n另有出口');
  });

  it('guards against formula injection: a text starting with = + - @ gets an apostrophe, a negative score stays a number', () => {
    const form = seedForm();
    leafNamed(form, '2.年度营收').target = '=HYPERLINK("http://x.example","点击")';
    leafNamed(form, '1.年产新能源汽车').actual = '+10万辆';
    leafNamed(form, '3.年度研发经费投入').target = '-1亿元';
    leafNamed(form, '4.新增上市企业').actual = '@SUM(A1)';
    leafNamed(form, '工作受表彰或批评').selfScore = -2.5;
    const rows = readCsv(writeIndicatorsCsv(form).slice(1));
    const cell = (name: string, column: number): string | undefined => rows.find((r) => r[2] === name)?.[column];
    expect(cell('2.年度营收', 4)).toBe('\'=HYPERLINK("http://x.example","点击")');
    expect(cell('1.年产新能源汽车', 5)).toBe("'+10万辆");
    expect(cell('3.年度研发经费投入', 4)).toBe("'-1亿元");
    expect(cell('4.新增上市企业', 5)).toBe("'@SUM(A1)");
    expect(cell('工作受表彰或批评', 6)).toBe('-2.5');
  });
});
