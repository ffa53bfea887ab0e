import { describe, expect, it } from 'vitest';
import { writeFormHtml } from '../src/index.js';
import { leafNamed, seedForm } from './helpers/forms.js';

describe('the HTML print view', () => {
  const html = writeFormHtml(seedForm());

  it('is one self-contained page: the title, the year, the unit, A4 landscape print styles, nothing loaded from elsewhere, no script', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<h1>部门整体支出绩效自评表</h1>');
    expect(html).toContain('（2021年度）');
    expect(html).toContain('广州市番禺区科技工业商务和信息化局');
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).not.toMatch(/<script|<link|src=|https?:/iu);
  });

  it('prints the 附件3 table: level-1 names merged down their rows, the header repeated on printed pages, figures as printed', () => {
    expect(html).toContain('<td rowspan="21" class="content center">管理效能</td>');
    expect(html).toContain('<td rowspan="7" class="content center">资金管理</td>');
    expect(html).toMatch(/<thead>\n<tr><th class="header center">一级指标<\/th>/u);
    expect(html).toContain('<td class="number right">127208.53</td>');
    expect(html).toContain('<td colspan="2" class="number right">99.1%</td>');
    expect(html).toMatch(/总分<\/td><td class="number center">100<\/td><td colspan="6" class="content left"><\/td><td class="number center">95.77<\/td>/u);
  });

  it('prints whatever was typed as text: markup in a field never becomes markup', () => {
    const form = seedForm();
    form.unit.name = '<img src=x onerror=alert(1)>';
    leafNamed(form, '预算完成率').basis = '"><script>alert("x")</script>\n第二段 & 更多';
    const page = writeFormHtml(form);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>第二段 &amp; 更多');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script');
  });
});
