// A realistic large form for benchmarks: the seed's management indicators and many duty indicators with
// quantitative targets and actuals, `leaves` leaves in all.
const targets = [
  ['10万辆', '12万辆'], ['达1500家', '近1700家'], ['不超过6名', '1名'], ['100亿元', '超140亿元'],
  ['5个以上', '人民日报等10余个宣传渠道'], ['外贸出口总额700亿元，同比增长2.0%', '出口总额为806.3亿元，同比增长17.8%'],
  ['各不超过7个', '7家'], ['不低于2020年水平（1.5亿元）', '带动消费总额约6亿元'], ['有效提升', '明显提升'],
];

export function generateForm(seedForm, leaves) {
  const form = structuredClone(seedForm);
  const management = form.indicators[0];
  const existing = form.indicators.reduce((n, g) => n + g.children.reduce((m, c) => m + (c.kind === 'group' ? c.children.length : 1), 0), 0);
  const dutyLeaves = Math.max(1, leaves - existing + form.indicators[1].children.reduce((m, c) => m + c.children.length, 0));
  const groups = Math.ceil(dutyLeaves / 10);
  const duty = { ...form.indicators[1], children: [] };
  let made = 0;
  for (let g = 0; g < groups; g++) {
    const children = [];
    for (let i = 0; i < 10 && made < dutyLeaves; i++, made++) {
      const [target, actual] = targets[made % targets.length];
      children.push({
        kind: 'leaf', id: `2.${g + 1}.${i + 1}`, level: 3, name: `${i + 1}.履职指标${made + 1}`, weight: 1, definition: '',
        target, actual, selfScore: 1, basis: '', remark: '', method: { kind: 'target', judgedBand: null }, notApplicable: false,
      });
    }
    duty.children.push({ kind: 'group', id: `2.${g + 1}`, level: 2, name: `履职目标${g + 1}`, weight: children.length, category: 'duty', children });
  }
  duty.weight = made;
  form.indicators = [management, duty, form.indicators[2]];
  return form;
}
