import { chineseNumeral } from './chineseNames';

/** What a department does; it decides titles and which roles its people hold. */
export type DepartmentFunction = 'executive' | 'sales' | 'service' | 'marketing' | 'finance' | 'tech' | 'hr' | 'admin' | 'supply';

/** How deep in a typical Chinese company tree a department sits; it decides how the next level is named. */
export type DepartmentTier = 'root' | 'region' | 'center' | 'branch' | 'unit' | 'group' | 'squad';

export interface DepartmentKind {
  name: string;
  fn: DepartmentFunction;
  tier: DepartmentTier;
}

type Entry = readonly [name: string, fn: DepartmentFunction, tier: DepartmentTier];

/** Children of 全公司: sales regions interleaved with head-office centres, so even small companies have both. */
const TOP_LEVEL: readonly Entry[] = [
  ['华东区', 'sales', 'region'], ['市场中心', 'marketing', 'center'], ['华南区', 'sales', 'region'],
  ['客服中心', 'service', 'center'], ['技术中心', 'tech', 'center'], ['华北区', 'sales', 'region'],
  ['财务中心', 'finance', 'center'], ['人力资源中心', 'hr', 'center'], ['西南区', 'sales', 'region'],
  ['行政中心', 'admin', 'center'], ['供应链中心', 'supply', 'center'], ['华中区', 'sales', 'region'],
  ['西北区', 'sales', 'region'], ['东北区', 'sales', 'region'], ['海外事业部', 'sales', 'region'],
];

/** How many top-level departments an organisation of `count` departments has (about √count, at most the table). */
export function topLevelCount(count: number): number {
  return Math.max(0, Math.min(TOP_LEVEL.length, count - 1, Math.max(2, Math.round(Math.sqrt(count)))));
}

const CITIES: Readonly<Record<string, readonly string[]>> = {
  华东区: ['上海', '杭州', '南京', '苏州', '宁波', '合肥', '福州', '济南', '青岛', '无锡'],
  华南区: ['广州', '深圳', '东莞', '佛山', '厦门', '南宁', '海口', '珠海'],
  华北区: ['北京', '天津', '石家庄', '太原', '呼和浩特', '唐山'],
  西南区: ['成都', '重庆', '昆明', '贵阳', '绵阳'],
  华中区: ['武汉', '长沙', '郑州', '南昌', '宜昌', '洛阳'],
  西北区: ['西安', '兰州', '乌鲁木齐', '银川', '西宁'],
  东北区: ['沈阳', '大连', '长春', '哈尔滨'],
  海外事业部: ['新加坡', '吉隆坡', '曼谷', '雅加达', '迪拜'],
};

/** Units of a sales branch. */
const BRANCH_UNITS: readonly Entry[] = [
  ['销售一部', 'sales', 'unit'], ['销售二部', 'sales', 'unit'], ['大客户部', 'sales', 'unit'], ['客服部', 'service', 'unit'],
  ['销售三部', 'sales', 'unit'], ['渠道部', 'sales', 'unit'], ['市场部', 'marketing', 'unit'], ['商务部', 'finance', 'unit'],
  ['售后服务部', 'service', 'unit'], ['电销部', 'sales', 'unit'],
];

/** Units of each head-office centre. */
const CENTER_UNITS: Readonly<Record<DepartmentFunction, readonly string[]>> = {
  executive: ['总裁办', '战略发展部'],
  sales: ['销售运营部', '大客户部', '渠道管理部'],
  service: ['售前客服部', '售后客服部', '呼叫中心', '质检部', '客户成功部'],
  marketing: ['品牌部', '市场推广部', '活动策划部', '新媒体部', '市场研究部'],
  finance: ['会计部', '出纳部', '审计部', '税务部', '资金管理部'],
  tech: ['研发一部', '研发二部', '测试部', '运维部', '产品设计部', '数据部', '信息安全部'],
  hr: ['招聘部', '培训部', '薪酬绩效部', '员工关系部'],
  admin: ['行政部', '法务部', '采购部', '总务部'],
  supply: ['采购部', '仓储部', '物流部', '计划部'],
};

const SQUAD_LETTERS = 'ABCDEFGH';

/**
 * The name of the `index`-th child (0-based) of a department. Names come from tables in a fixed order, then a
 * numbered fallback once a table runs out; the caller makes them unique among siblings.
 */
export function childDepartment(parent: DepartmentKind, index: number): DepartmentKind {
  switch (parent.tier) {
    case 'root': {
      const entry = TOP_LEVEL[index];
      if (entry) return { name: entry[0], fn: entry[1], tier: entry[2] };
      return { name: `第${chineseNumeral(index - TOP_LEVEL.length + 1)}事业部`, fn: 'sales', tier: 'region' };
    }
    case 'region': {
      const cities = CITIES[parent.name] ?? [];
      const city = cities[index];
      if (city) return { name: `${city}分公司`, fn: 'sales', tier: 'branch' };
      return { name: `${parent.name.replace(/区$/, '')}${chineseNumeral(index - cities.length + 1)}部`, fn: 'sales', tier: 'branch' };
    }
    case 'branch': {
      const entry = BRANCH_UNITS[index];
      if (entry) return { name: entry[0], fn: entry[1], tier: entry[2] };
      return { name: `销售${chineseNumeral(index - BRANCH_UNITS.length + 4)}部`, fn: 'sales', tier: 'unit' };
    }
    case 'center': {
      const units = CENTER_UNITS[parent.fn];
      const unit = units[index];
      if (unit) return { name: unit, fn: parent.fn, tier: 'unit' };
      return { name: `${parent.name.replace(/中心$/, '')}${chineseNumeral(index - units.length + 1)}部`, fn: parent.fn, tier: 'unit' };
    }
    case 'unit':
      return { name: `${chineseNumeral(index + 1)}组`, fn: parent.fn, tier: 'group' };
    case 'group': {
      const letter = SQUAD_LETTERS[index];
      return { name: letter ? `${letter}小组` : `第${chineseNumeral(index + 1)}小组`, fn: parent.fn, tier: 'squad' };
    }
    case 'squad':
      return { name: `第${chineseNumeral(index + 1)}梯队`, fn: parent.fn, tier: 'squad' };
  }
}

/** Title of the head of a department. */
export function headTitle(kind: DepartmentKind): string {
  switch (kind.tier) {
    case 'root':
      return '总经理';
    case 'region':
      return '区域总监';
    case 'center':
      return '中心总监';
    case 'branch':
      return '分公司总经理';
    case 'unit':
      return kind.fn === 'sales' ? '销售经理' : '部门经理';
    case 'group':
      return '组长';
    case 'squad':
      return '小组长';
  }
}

const MEMBER_TITLES: Readonly<Record<DepartmentFunction, readonly string[]>> = {
  executive: ['总经理助理', '战略专员', '董事会秘书'],
  sales: ['销售代表', '销售代表', '高级销售代表', '客户经理', '销售助理', '大客户经理'],
  service: ['客服专员', '客服专员', '售后工程师', '客户成功经理'],
  marketing: ['市场专员', '品牌经理', '活动策划', '新媒体运营'],
  finance: ['会计', '出纳', '财务专员', '审计专员'],
  tech: ['软件工程师', '高级工程师', '测试工程师', '运维工程师', '产品经理'],
  hr: ['招聘专员', 'HRBP', '薪酬专员', '培训专员'],
  admin: ['行政专员', '前台', '法务专员'],
  supply: ['采购专员', '仓库管理员', '物流专员', '计划员'],
};

export function memberTitles(fn: DepartmentFunction): readonly string[] {
  return MEMBER_TITLES[fn];
}
