/**
 * The words generated districts are made of: real district names, the usual budget departments of a
 * district, street and town names for the subordinate bodies, and each kind of department's duty goals with
 * indicators whose targets and actuals are phrased the way published forms phrase them (so core's quantity
 * reader understands them, or — for qualitative ones — knows it cannot).
 */

/** A district (区/县) and the city prefix its departments' names carry. */
export interface District {
  city: string;
  name: string;
}

/** County-level districts of Guangdong: the regions generated departments belong to. */
export const DISTRICTS: readonly District[] = [
  ...['番禺区', '海珠区', '天河区', '越秀区', '荔湾区', '白云区', '黄埔区', '花都区', '南沙区', '从化区', '增城区'].map((name) => ({ city: '广州市', name })),
  ...['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区'].map((name) => ({ city: '深圳市', name })),
  ...['禅城区', '南海区', '顺德区', '高明区', '三水区'].map((name) => ({ city: '佛山市', name })),
  ...['香洲区', '斗门区', '金湾区'].map((name) => ({ city: '珠海市', name })),
  ...['金平区', '龙湖区', '濠江区', '澄海区', '潮阳区', '潮南区'].map((name) => ({ city: '汕头市', name })),
  ...['蓬江区', '江海区', '新会区'].map((name) => ({ city: '江门市', name })),
  ...['惠城区', '惠阳区'].map((name) => ({ city: '惠州市', name })),
  ...['端州区', '鼎湖区', '高要区'].map((name) => ({ city: '肇庆市', name })),
  ...['赤坎区', '霞山区', '坡头区', '麻章区'].map((name) => ({ city: '湛江市', name })),
  ...['浈江区', '武江区', '曲江区'].map((name) => ({ city: '韶关市', name })),
  ...['梅江区', '梅县区'].map((name) => ({ city: '梅州市', name })),
  ...['源城区'].map((name) => ({ city: '河源市', name })),
  ...['江城区', '阳东区'].map((name) => ({ city: '阳江市', name })),
  ...['清城区', '清新区'].map((name) => ({ city: '清远市', name })),
  ...['湘桥区', '潮安区'].map((name) => ({ city: '潮州市', name })),
  ...['榕城区', '揭东区'].map((name) => ({ city: '揭阳市', name })),
  ...['云城区', '云安区'].map((name) => ({ city: '云浮市', name })),
  ...['茂南区', '电白区'].map((name) => ({ city: '茂名市', name })),
];

/** Which duty goals a department pursues. */
export type DutyArea = 'education' | 'health' | 'welfare' | 'economy' | 'transport' | 'water' | 'agriculture' | 'culture' | 'market' | 'urban' | 'safety' | 'governance' | 'street';

/** A district-level department and its area of work. */
export interface Agency {
  name: string;
  area: DutyArea;
  /** Typical yearly budget, 万元 (the generator varies it several-fold). */
  budget: number;
}

/** The usual budget departments of a district. */
export const AGENCIES: readonly Agency[] = [
  { name: '教育局', area: 'education', budget: 380000 },
  { name: '卫生健康局', area: 'health', budget: 160000 },
  { name: '民政局', area: 'welfare', budget: 45000 },
  { name: '人力资源和社会保障局', area: 'welfare', budget: 60000 },
  { name: '科技工业商务和信息化局', area: 'economy', budget: 120000 },
  { name: '发展和改革局', area: 'economy', budget: 15000 },
  { name: '交通运输局', area: 'transport', budget: 90000 },
  { name: '住房和城乡建设局', area: 'urban', budget: 110000 },
  { name: '水务局', area: 'water', budget: 70000 },
  { name: '农业农村局', area: 'agriculture', budget: 55000 },
  { name: '文化广电旅游体育局', area: 'culture', budget: 30000 },
  { name: '市场监督管理局', area: 'market', budget: 25000 },
  { name: '城市管理和综合执法局', area: 'urban', budget: 85000 },
  { name: '应急管理局', area: 'safety', budget: 12000 },
  { name: '司法局', area: 'governance', budget: 9000 },
  { name: '统计局', area: 'governance', budget: 4000 },
  { name: '审计局', area: 'governance', budget: 5000 },
  { name: '医疗保障局', area: 'health', budget: 20000 },
  { name: '退役军人事务局', area: 'welfare', budget: 8000 },
  { name: '政务服务数据管理局', area: 'governance', budget: 18000 },
  { name: '机关事务管理局', area: 'governance', budget: 11000 },
  { name: '档案馆', area: 'culture', budget: 2500 },
  { name: '图书馆', area: 'culture', budget: 3500 },
  { name: '疾病预防控制中心', area: 'health', budget: 16000 },
  { name: '妇幼保健院', area: 'health', budget: 22000 },
  { name: '中心医院', area: 'health', budget: 95000 },
  { name: '中医院', area: 'health', budget: 40000 },
  { name: '林业和园林局', area: 'agriculture', budget: 14000 },
  { name: '信访局', area: 'governance', budget: 2200 },
  { name: '残疾人联合会', area: 'welfare', budget: 6000 },
  { name: '妇女联合会', area: 'welfare', budget: 1500 },
  { name: '总工会', area: 'welfare', budget: 3000 },
  { name: '团委', area: 'culture', budget: 1200 },
  { name: '融媒体中心', area: 'culture', budget: 7000 },
  { name: '投资促进局', area: 'economy', budget: 9000 },
  { name: '规划和自然资源分局', area: 'urban', budget: 45000 },
  { name: '生态环境分局', area: 'water', budget: 21000 },
  { name: '消防救援大队', area: 'safety', budget: 13000 },
  { name: '公共资源交易中心', area: 'market', budget: 2800 },
  { name: '供销合作联社', area: 'agriculture', budget: 3200 },
];

/** Streets (街道) and towns (镇): their offices are departments too, and their names make subordinate bodies. */
export const PLACES: readonly string[] = [
  '市桥', '沙头', '东环', '桥南', '小谷围', '大石', '洛浦', '石壁', '钟村', '大龙', '南村', '新造', '化龙', '石楼', '石碁', '沙湾',
  '东涌', '大岗', '榄核', '黄阁', '横沥', '珠江', '南沙', '龙穴', '万顷沙', '太平', '温泉', '良口', '鳌头', '吕田', '江埔', '城郊',
  '荔城', '增江', '朱村', '永宁', '新塘', '石滩', '中新', '派潭', '正果', '小楼', '仙村', '新华', '花城', '新雅', '秀全', '狮岭',
  '炭步', '赤坭', '梯面', '花山', '人和', '太和', '钟落潭', '江高', '龙归', '嘉禾', '均禾', '石井', '永平', '京溪', '同和', '松洲',
  '黄石', '棠景', '三元里', '景泰', '新市', '大源', '同德', '金沙', '鹤龙', '云城', '白云湖', '石门', '萝岗', '夏港', '长洲', '大沙',
  '文冲', '穗东', '南岗', '红山', '鱼珠', '联和', '永和', '九佛', '新龙', '长岭', '云埔', '龙湖', '黄村', '车陂', '沙河', '员村',
  '猎德', '冼村', '林和', '石牌', '天园', '五山', '棠下', '前进', '珠吉', '凤凰', '长兴', '新塘沥', '元岗', '兴华', '黄村东', '龙洞',
  '华林', '多宝', '逢源', '昌华', '岭南', '沙面', '西村', '南源', '彩虹', '金花', '站前', '冲口', '白鹤洞', '茶滘', '东漖', '海龙',
];

/** What a duty indicator counts and how its figures look. */
export interface IndicatorPattern {
  name: string;
  unit: string;
  /** Range of the target's figure. */
  min: number;
  max: number;
  /** Decimals of the figures (0 for counts). */
  decimals: number;
  /** 'atLeast' targets are to be reached, 'atMost' not exceeded; 'qualitative' ones are judged by people. */
  direction: 'atLeast' | 'atMost' | 'qualitative';
}

/** A duty goal (二级指标) and the indicators that can measure it. */
export interface DutyGoal {
  goal: string;
  indicators: readonly IndicatorPattern[];
}

const atLeast = (name: string, unit: string, min: number, max: number, decimals = 0): IndicatorPattern => ({ name, unit, min, max, decimals, direction: 'atLeast' });
const atMost = (name: string, unit: string, min: number, max: number, decimals = 0): IndicatorPattern => ({ name, unit, min, max, decimals, direction: 'atMost' });
const qualitative = (name: string): IndicatorPattern => ({ name, unit: '', min: 0, max: 0, decimals: 0, direction: 'qualitative' });

/** Measures every kind of department has. */
const COMMON: readonly DutyGoal[] = [
  {
    goal: '加强队伍建设，提升依法行政和服务水平',
    indicators: [atLeast('干部业务培训', '人次', 100, 2000), atLeast('培训覆盖率', '%', 90, 100), atMost('行政复议纠错案件', '宗', 1, 5), qualitative('群众满意度')],
  },
  {
    goal: '推进政务公开和数字化服务',
    indicators: [atLeast('政务信息公开', '条', 50, 800), atLeast('网上办事事项比例', '%', 85, 100), atMost('办件超期数', '件', 0, 10), qualitative('服务对象满意度')],
  },
];

/** Duty goals by area. */
export const DUTY_GOALS: Readonly<Record<DutyArea, readonly DutyGoal[]>> = {
  education: [
    { goal: '扩大优质学位供给', indicators: [atLeast('新增公办学位', '个', 1000, 12000), atLeast('新建改扩建学校', '所', 2, 15), atLeast('公办幼儿园在园幼儿占比', '%', 50, 60, 1)] },
    { goal: '提高基础教育质量', indicators: [atLeast('义务教育巩固率', '%', 98, 100, 1), atLeast('教师继续教育培训', '人次', 3000, 20000), qualitative('教育教学质量')] },
    { goal: '落实学生资助政策', indicators: [atLeast('资助困难学生', '人次', 500, 6000), atLeast('资助资金发放及时率', '%', 95, 100), atMost('资助对象错漏', '人', 0, 5)] },
  ],
  health: [
    { goal: '完善基层医疗卫生服务体系', indicators: [atLeast('家庭医生签约服务人数', '万人', 10, 60, 1), atLeast('基层诊疗量占比', '%', 50, 65), atLeast('新建社区卫生服务站', '个', 2, 12)] },
    { goal: '做好重大传染病防控', indicators: [atLeast('适龄儿童免疫规划疫苗接种率', '%', 95, 99, 1), atMost('甲乙类传染病报告发病率', '‰', 1, 3, 2), qualitative('突发公共卫生事件处置')] },
    { goal: '提升医疗服务能力', indicators: [atLeast('门急诊人次', '万人次', 20, 300), atLeast('三四级手术占比', '%', 25, 45), atMost('平均住院日', '天', 6, 9, 1)] },
  ],
  welfare: [
    { goal: '保障困难群众基本生活', indicators: [atLeast('城乡低保对象保障', '人', 800, 9000), atLeast('低保金按时足额发放率', '%', 98, 100), atMost('信访投诉', '件', 1, 12)] },
    { goal: '发展养老服务', indicators: [atLeast('新增养老床位', '张', 100, 1500), atLeast('长者饭堂服务', '万人次', 5, 40, 1), qualitative('养老服务质量')] },
    { goal: '稳定和扩大就业', indicators: [atLeast('城镇新增就业', '人', 3000, 30000), atMost('城镇登记失业率', '%', 2, 3.5, 1), atLeast('职业技能培训', '人次', 2000, 20000)] },
  ],
  economy: [
    { goal: '推动工业经济高质量发展', indicators: [atLeast('规上工业总产值', '亿元', 300, 3000), atLeast('新增规上工业企业', '家', 30, 250), atLeast('工业投资', '亿元', 20, 120, 1)] },
    { goal: '培育科技创新主体', indicators: [atLeast('有效高新技术企业', '家', 300, 2000), atLeast('研发经费投入', '亿元', 1, 20, 1), atLeast('新增上市企业', '家', 1, 5)] },
    { goal: '促进消费和外贸稳定增长', indicators: [atLeast('社会消费品零售总额', '亿元', 200, 1500), atLeast('外贸进出口总额', '亿元', 100, 1300), atLeast('举办促消费活动', '场', 5, 40)] },
  ],
  transport: [
    { goal: '完善道路交通网络', indicators: [atLeast('新建改建道路', '公里', 5, 60, 1), atLeast('新增公交线路', '条', 2, 20), atMost('道路交通事故死亡人数', '人', 5, 40)] },
    { goal: '提升公共交通服务', indicators: [atLeast('公交准点率', '%', 90, 99), atLeast('新增停车泊位', '个', 500, 8000), qualitative('出行满意度')] },
  ],
  water: [
    { goal: '推进水环境治理', indicators: [atLeast('污水管网建设', '公里', 10, 150, 1), atLeast('断面水质达标率', '%', 80, 100), atMost('黑臭水体', '条', 0, 5)] },
    { goal: '保障防洪排涝安全', indicators: [atLeast('整治内涝点', '个', 3, 30), atLeast('河道清淤', '万立方米', 5, 80, 1), qualitative('防汛应急处置')] },
  ],
  agriculture: [
    { goal: '稳定粮食和重要农产品供给', indicators: [atLeast('粮食播种面积', '万亩', 1, 20, 1), atLeast('蔬菜产量', '万吨', 5, 60, 1), atLeast('高标准农田建设', '亩', 1000, 20000)] },
    { goal: '推进乡村振兴', indicators: [atLeast('美丽乡村建设', '个', 3, 30), atLeast('农村人居环境整治村', '个', 10, 120), qualitative('村容村貌')] },
  ],
  culture: [
    { goal: '丰富公共文化服务', indicators: [atLeast('举办文化惠民活动', '场', 50, 800), atLeast('公共图书馆流通', '万人次', 10, 200, 1), atLeast('新建公共文化服务点', '个', 2, 30)] },
    { goal: '促进文旅体融合发展', indicators: [atLeast('接待游客', '万人次', 100, 3000), atLeast('举办体育赛事', '场', 5, 60), qualitative('文旅品牌影响力')] },
  ],
  market: [
    { goal: '优化营商环境', indicators: [atLeast('新登记市场主体', '户', 5000, 60000), atLeast('企业开办一日办结率', '%', 90, 100), atMost('投诉办结超期', '件', 0, 20)] },
    { goal: '守牢安全底线', indicators: [atLeast('食品抽检', '批次', 1000, 12000), atLeast('特种设备定期检验率', '%', 95, 100, 1), atMost('较大以上安全事故', '起', 0, 1)] },
  ],
  urban: [
    { goal: '提升城市精细化管理水平', indicators: [atLeast('生活垃圾回收利用率', '%', 35, 55, 1), atLeast('整治违法建设', '万平方米', 10, 200, 1), atMost('市政设施故障', '宗', 20, 200)] },
    { goal: '推进城市更新和住房保障', indicators: [atLeast('老旧小区改造', '个', 5, 60), atLeast('筹建保障性住房', '套', 200, 5000), qualitative('居民满意度')] },
  ],
  safety: [
    { goal: '防范化解重大安全风险', indicators: [atLeast('安全生产检查', '家次', 1000, 15000), atLeast('隐患整改率', '%', 95, 100), atMost('生产安全事故死亡人数', '人', 3, 20)] },
    { goal: '提升应急处置能力', indicators: [atLeast('应急演练', '场', 10, 120), atLeast('应急物资储备点', '个', 5, 40), qualitative('应急响应效率')] },
  ],
  governance: [
    { goal: '服务中心工作', indicators: [atLeast('完成专项任务', '项', 5, 40), atLeast('办结率', '%', 95, 100), atMost('重大失误', '次', 0, 1)] },
    { goal: '加强业务规范化建设', indicators: [atLeast('制定完善制度', '项', 3, 20), atLeast('数据报送及时率', '%', 95, 100), qualitative('工作规范化水平')] },
  ],
  street: [
    { goal: '加强基层社会治理', indicators: [atLeast('网格巡查', '万次', 1, 20, 1), atLeast('矛盾纠纷调处成功率', '%', 95, 100), atMost('越级上访', '宗', 0, 8)] },
    { goal: '提升辖区环境品质', indicators: [atLeast('清理卫生死角', '处', 100, 3000), atLeast('垃圾分类达标小区', '个', 10, 120), qualitative('辖区环境面貌')] },
    { goal: '做好民生服务', indicators: [atLeast('走访慰问困难群众', '户次', 200, 3000), atLeast('组织社区活动', '场', 20, 300), qualitative('居民满意度')] },
  ],
};

/** The common duty goals, offered to every department beside its area's. */
export const COMMON_DUTY_GOALS = COMMON;

/** Phrases for the 未能完成原因 of a form that lost points. */
export const SHORTFALL_REASONS: readonly string[] = [
  '受外部环境影响，部分项目进度滞后，年度目标未能全部完成',
  '部分项目前期手续办理时间较长，资金未能按计划支出',
  '个别指标目标值设定偏高，实际完成与目标存在差距',
  '项目招标采购流程延误，导致预算执行率偏低',
  '人员变动较大，部分工作推进不及时',
];

/** Phrases for the basis (评分依据) of an indicator that lost points. */
export const DEDUCTION_BASES: readonly string[] = [
  '未完全达到年度目标，按完成比例计分。',
  '部分工作推进滞后，已分析原因并制定整改措施。',
  '佐证材料不够完整，酌情扣分。',
  '受客观因素影响未达标，下一年度加强统筹调度。',
];

/** Comments reviewers write on indicators they score lower. */
export const REVIEW_COMMENTS: readonly string[] = [
  '佐证材料不足，核减分数。',
  '目标完成情况与实际不符，按实际完成比例计分。',
  '自评分偏高，依据不充分。',
  '未提供完成情况说明，酌情扣分。',
  '预算执行偏低，评分应与执行率匹配。',
];

/** Comments a reviewer gives when returning a form. */
export const RETURN_COMMENTS: readonly string[] = [
  '部分指标自评分依据不足，请补充佐证材料后重新提交。',
  '支出执行率填报有误，请核对后重新提交。',
  '未能完成原因未填写，请补充。',
];

/** What a department's subordinate units (下属单位) are called after its own name (the department itself is 本级). */
export const UNIT_SUFFIXES: readonly string[] = [
  '信息中心', '服务中心', '事务中心', '综合保障中心', '发展中心', '技术中心', '宣传中心', '培训中心', '监测站', '管理所', '执法大队', '研究室',
];
