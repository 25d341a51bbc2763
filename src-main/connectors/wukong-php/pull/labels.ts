import type { LocalizedText } from '../../../common/domain';

/**
 * English for the rule and category titles of a stock 11.0.3 server (5kcrm.sql `5kcrm_admin_rule`,
 * Group::getTypeList). The server speaks Chinese only; a title this table does not know is shown as it is.
 */
const RULE_TITLES: Readonly<Record<string, string>> = {
  全部: 'All',
  商业智能: 'Business intelligence',
  // crm modules
  线索管理: 'Leads',
  客户管理: 'Customers',
  联系人管理: 'Contacts',
  商机管理: 'Opportunities',
  合同管理: 'Contracts',
  回款管理: 'Payments',
  产品管理: 'Products',
  发票管理: 'Invoices',
  跟进记录: 'Follow-up records',
  回访管理: 'Return visits',
  // bi
  员工客户分析: 'Customer analysis by employee',
  销售漏斗分析: 'Sales funnel analysis',
  产品分析: 'Product analysis',
  业绩目标完成情况: 'Performance against targets',
  员工业绩分析: 'Employee performance analysis',
  客户画像分析: 'Customer profile analysis',
  排行榜: 'Rankings',
  办公分析: 'Office analysis',
  // system
  企业首页: 'Company home',
  应用管理: 'Applications',
  员工与部门管理: 'Employees and departments',
  角色权限管理: 'Roles and permissions',
  工作台设置: 'Workbench settings',
  审批流程管理: 'Approval flows',
  客户管理设置: 'CRM settings',
  项目管理设置: 'Project settings',
  初始化: 'Initialisation',
  系统日志: 'System logs',
  // office, projects
  通讯录: 'Address book',
  公告: 'Announcements',
  项目管理: 'Projects',
  项目创建: 'Create projects',
  // actions
  新建: 'Create',
  创建: 'Create',
  编辑: 'Edit',
  查看列表: 'View list',
  列表: 'List',
  查看: 'View',
  查看详情: 'View details',
  详情: 'Details',
  删除: 'Delete',
  刪除: 'Delete',
  导入: 'Import',
  导出: 'Export',
  转移: 'Transfer',
  转化: 'Convert',
  关注: 'Follow',
  放入公海: 'Move to pool',
  '锁定/解锁': 'Lock / unlock',
  编辑团队成员: 'Edit team members',
  成交状态: 'Deal status',
  附近客户: 'Nearby customers',
  打印: 'Print',
  合同作废: 'Void contracts',
  '上架/下架': 'List / delist',
  开票: 'Issue invoices',
  重置开票状态: 'Reset invoice status',
  '停用/启用': 'Disable / enable',
  '部门/员工查看': 'View departments and employees',
  员工新建: 'Create employees',
  '员工禁用/激活': 'Disable / activate employees',
  员工操作: 'Edit employees',
  部门新建: 'Create departments',
  部门编辑: 'Edit departments',
  部门删除: 'Delete departments',
  角色权限设置: 'Set role permissions',
  办公审批管理: 'Office approvals',
  自定义字段设置: 'Custom fields',
  客户公海规则: 'Customer pool rules',
  业务参数设置: 'Business settings',
  业绩目标设置: 'Performance targets',
  自定义打印模板: 'Print templates',
  初始化数据: 'Initialise data',
  登录日志: 'Login log',
  数据操作日志: 'Data change log',
  系统操作日志: 'System action log',
};

const CATEGORY_TITLES: Readonly<Record<number, string>> = {
  1: 'System admin roles',
  2: 'CRM roles',
  6: 'Office roles',
  9: 'Project admin roles',
};

export function ruleLabel(title: string, name: string, level: number): LocalizedText {
  const zh = title || name;
  // Every module's root is titled 全部 ("all"): the English says which module.
  if (level === 1 && title === '全部') return { 'zh-CN': zh, en: `All (${name})` };
  return { 'zh-CN': zh, en: RULE_TITLES[title] ?? zh };
}

export function categoryLabel(pid: number, name: string): LocalizedText {
  return { 'zh-CN': name, en: CATEGORY_TITLES[pid] ?? name };
}
