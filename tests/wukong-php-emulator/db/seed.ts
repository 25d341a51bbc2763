/**
 * The emulator's own small organisation, in the shapes of the PHP edition's tables: a hand-made rule tree
 * (module → controller → action, one name segment per level, `types` = the role category it belongs to:
 * 0 admin, 1 office, 2 CRM, 3 project, 6 CRM analytics, 7 office analytics), built-in admin roles with
 * `types` 1..8, customer/office/project roles, seven people in six departments, field grants for the
 * customer roles. Ids, titles and the selection of rules are the emulator's; the names are the controller
 * and action names the server checks (`admin-groups-update`, `admin-users-structures_save`, `crm-customer-index` …).
 *
 * User 1 is the administrator: the PHP treats user id 1 as super administrator everywhere.
 */
import { randomBytes } from 'node:crypto';
import { userMd5 } from '../auth';
import { createCrmFieldGrant } from './fieldGrants';
import type { PhpDb } from './mysql';

type R = [id: number, types: number, title: string, name: string, level: number, pid: number, status?: number];

/** Rule 31 is left out on purpose: Rule.php#getDataList hides id 31 from the tree whatever it is. */
export const SEED_RULES: R[] = [
  // CRM (types 2)
  [1, 2, '客户管理', 'crm', 1, 0],
  [2, 2, '线索', 'leads', 2, 1],
  [3, 2, '新建', 'save', 3, 2],
  [4, 2, '编辑', 'update', 3, 2],
  [5, 2, '列表', 'index', 3, 2],
  [6, 2, '详情', 'read', 3, 2],
  [7, 2, '导入', 'excelImport', 3, 2],
  [8, 2, '导出', 'excelExport', 3, 2],
  [9, 2, '删除', 'delete', 3, 2],
  [10, 2, '转化为客户', 'transform', 3, 2],
  [11, 2, '客户', 'customer', 2, 1],
  [12, 2, '新建', 'save', 3, 11],
  [13, 2, '编辑', 'update', 3, 11],
  [14, 2, '列表', 'index', 3, 11],
  [15, 2, '详情', 'read', 3, 11],
  [16, 2, '导入', 'excelImport', 3, 11],
  [17, 2, '导出', 'excelExport', 3, 11],
  [18, 2, '删除', 'delete', 3, 11],
  [19, 2, '转移', 'transfer', 3, 11],
  [20, 2, '放入公海', 'putInPool', 3, 11],
  [21, 2, '锁定解锁', 'lock', 3, 11],
  [22, 2, '团队成员', 'teamSave', 3, 11],
  [23, 2, '成交状态', 'deal_status', 3, 11],
  [24, 2, '附近客户', 'nearby', 3, 11],
  [25, 2, '联系人', 'contacts', 2, 1],
  [26, 2, '新建', 'save', 3, 25],
  [27, 2, '编辑', 'update', 3, 25],
  [28, 2, '列表', 'index', 3, 25],
  [29, 2, '详情', 'read', 3, 25],
  [30, 2, '删除', 'delete', 3, 25],
  [32, 2, '转移', 'transfer', 3, 25],
  [33, 2, '商机', 'business', 2, 1],
  [34, 2, '新建', 'save', 3, 33],
  [35, 2, '编辑', 'update', 3, 33],
  [36, 2, '列表', 'index', 3, 33],
  [37, 2, '详情', 'read', 3, 33],
  [38, 2, '删除', 'delete', 3, 33],
  [39, 2, '转移', 'transfer', 3, 33],
  [40, 2, '团队成员', 'teamSave', 3, 33],
  [41, 2, '合同', 'contract', 2, 1],
  [42, 2, '新建', 'save', 3, 41],
  [43, 2, '编辑', 'update', 3, 41],
  [44, 2, '列表', 'index', 3, 41],
  [45, 2, '详情', 'read', 3, 41],
  [46, 2, '删除', 'delete', 3, 41],
  [47, 2, '转移', 'transfer', 3, 41],
  [48, 2, '团队成员', 'teamSave', 3, 41],
  [49, 2, '作废', 'discard', 3, 41],
  [50, 2, '回款', 'receivables', 2, 1],
  [51, 2, '新建', 'save', 3, 50],
  [52, 2, '编辑', 'update', 3, 50],
  [53, 2, '列表', 'index', 3, 50],
  [54, 2, '详情', 'read', 3, 50],
  [55, 2, '删除', 'delete', 3, 50],
  [56, 2, '产品', 'product', 2, 1],
  [57, 2, '新建', 'save', 3, 56],
  [58, 2, '编辑', 'update', 3, 56],
  [59, 2, '列表', 'index', 3, 56],
  [60, 2, '详情', 'read', 3, 56],
  [61, 2, '上架下架', 'status', 3, 56],
  [62, 2, '回访', 'visit', 2, 1],
  [63, 2, '新建', 'save', 3, 62],
  [64, 2, '编辑', 'update', 3, 62],
  [65, 2, '列表', 'index', 3, 62],
  [66, 2, '详情', 'read', 3, 62],
  [67, 2, '删除', 'delete', 3, 62],
  [68, 2, '跟进记录', 'activity', 2, 1],
  [69, 2, '列表', 'index', 3, 68],
  [70, 2, '新建', 'save', 3, 68],
  [71, 2, '删除', 'delete', 3, 68],
  // CRM analytics (types 6); one of them disabled
  [80, 6, '商业智能', 'bi', 1, 0],
  [81, 6, '客户分析', 'customer', 2, 80],
  [82, 6, '查看', 'read', 3, 81],
  [83, 6, '商机分析', 'business', 2, 80],
  [84, 6, '查看', 'read', 3, 83],
  [85, 6, '产品分析', 'product', 2, 80, 0],
  [86, 6, '查看', 'read', 3, 85, 0],
  [87, 6, '业绩目标', 'achievement', 2, 80],
  [88, 6, '查看', 'read', 3, 87],
  [89, 6, '排行榜', 'ranking', 2, 80],
  [90, 6, '查看', 'read', 3, 89],
  // office analytics (types 7)
  [95, 7, '商业智能', 'bi', 1, 0],
  [96, 7, '办公分析', 'oa', 2, 95],
  [97, 7, '查看', 'read', 3, 96],
  // office (types 1)
  [100, 1, '办公', 'oa', 1, 0],
  [101, 1, '通讯录', 'addresslist', 2, 100],
  [102, 1, '查看', 'index', 3, 101],
  [103, 1, '公告', 'announcement', 2, 100],
  [104, 1, '新建', 'save', 3, 103],
  [105, 1, '编辑', 'update', 3, 103],
  [106, 1, '删除', 'delete', 3, 103],
  // project (types 3); level-4 rules hang straight under the module and are disabled, like the server's
  [110, 3, '项目管理', 'work', 1, 0],
  [111, 3, '项目', 'work', 2, 110],
  [112, 3, '项目设置', 'update', 3, 111],
  [113, 3, '新建项目', 'save', 3, 111],
  [114, 3, '任务', 'task', 2, 110],
  [115, 3, '新建任务', 'save', 3, 114],
  [116, 3, '任务列表', 'taskclass', 2, 110],
  [117, 3, '新建列表', 'save', 3, 116],
  [118, 3, '编辑列表', 'update', 3, 116],
  [119, 3, '删除列表', 'delete', 3, 116],
  [120, 3, '项目设置', 'setWork', 4, 110, 0],
  [121, 3, '新建任务', 'saveTask', 4, 110, 0],
  [122, 3, '归档任务', 'archiveTask', 4, 110, 0],
  // administration (types 0)
  [130, 0, '系统管理', 'admin', 1, 0],
  [131, 0, '企业首页', 'system', 2, 130],
  [132, 0, '查看', 'index', 3, 131],
  [133, 0, '编辑', 'save', 3, 131],
  [134, 0, '应用管理', 'configset', 2, 130],
  [135, 0, '查看', 'index', 3, 134],
  [136, 0, '停用启用', 'update', 3, 134],
  [137, 0, '员工与部门', 'users', 2, 130],
  [138, 0, '查看', 'index', 3, 137],
  [139, 0, '新建员工', 'save', 3, 137],
  [140, 0, '禁用激活员工', 'enables', 3, 137],
  [141, 0, '编辑员工', 'update', 3, 137],
  [142, 0, '新建部门', 'structures_save', 3, 137],
  [143, 0, '编辑部门', 'structures_update', 3, 137],
  [144, 0, '删除部门', 'structures_delete', 3, 137],
  [145, 0, '角色权限', 'groups', 2, 130],
  [146, 0, '角色权限设置', 'update', 3, 145],
  [147, 0, '工作台设置', 'oa', 2, 130],
  [148, 0, '办公审批', 'examine', 3, 147],
  [149, 0, '审批流程', 'examine_flow', 2, 130],
  [150, 0, '审批流程管理', 'index', 3, 149],
  [151, 0, '客户管理设置', 'crm', 2, 130],
  [152, 0, '自定义字段', 'field', 3, 151],
  [153, 0, '公海规则', 'pool', 3, 151],
  [154, 0, '业务参数', 'setting', 3, 151],
  [155, 0, '业绩目标', 'achievement', 3, 151],
  [156, 0, '打印模板', 'printing', 3, 151],
  [157, 0, '项目管理设置', 'work', 2, 130],
  [158, 0, '项目管理', 'work', 3, 157],
  [159, 0, '初始化', 'initialize', 2, 130],
  [160, 0, '初始化数据', 'update', 3, 159],
  [161, 0, '系统日志', 'adminLog', 2, 130],
  [162, 0, '数据操作日志', 'actionRecord', 3, 161],
  [163, 0, '系统操作日志', 'systemLog', 3, 161],
  [164, 0, '登录日志', 'loginLog', 3, 161],
  [165, 0, '其他设置', 'other_rule', 2, 130, 0],
  [166, 0, '日志欢迎语', 'welcome', 3, 165, 0],
];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const csv = (ids: number[]) => (ids.length ? `,${ids.join(',')},` : '');
const adminRules = SEED_RULES.filter((r) => r[1] === 0 && (r[6] ?? 1) === 1).map((r) => r[0]);

type G = [id: number, pid: number, title: string, rules: number[], remark: string, type: number, types: number, system?: number];

/** Roles. Group 1 is the super administrator role (Users.php, User.php#getAdminId and isSuperAdministrators use id 1). */
export const SEED_GROUPS: G[] = [
  [1, 1, '超级管理员', [], '拥有全部权限', 5, 1],
  [2, 1, '系统设置管理员', adminRules, '系统设置', 5, 2],
  [3, 1, '部门与员工管理员', [130, 137, ...range(138, 144)], '员工与部门', 5, 3],
  [4, 1, '审批流管理员', [130, 149, 150], '审批流', 5, 4],
  [5, 1, '工作台管理员', [130, 147, 148], '工作台', 5, 5],
  [6, 1, '客户管理员', [130, 151, ...range(152, 156)], '客户管理设置', 5, 6],
  [7, 1, '公告管理员', [], '公告', 5, 8],
  [8, 1, '项目管理员', [130, 157, 158], '项目设置', 5, 7],
  [9, 2, '销售经理', [...range(1, 30), ...range(32, 71), 80, 81, 82, 83, 84, 87, 88, 89, 90], '销售团队负责人', 4, 0],
  [10, 2, '销售员', [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 25, 26, 27, 28, 29, 68, 69, 70, 80, 81, 82], '一线销售', 1, 0],
  [11, 2, '客服专员', [1, 11, 14, 15, 62, 63, 64, 65, 66], '售后回访', 3, 0],
  [12, 6, '办公管理员', [100, 101, 102, 103, 104, 105, 106, 95, 96, 97], '', 5, 0],
  [13, 5, '项目编辑', [120, 121, 122], '项目成员默认权限', 0, 0, 1],
  [14, 5, '项目只读', [], '项目只读', 0, 0],
  [15, 9, '项目经理', [110, ...range(111, 119)], '', 5, 0],
];

type S = [id: number, name: string, pid: number, owner: number];
export const SEED_STRUCTURES: S[] = [
  [1, '星河科技', 0, 1],
  [2, '销售部', 1, 2],
  [3, '销售一组', 2, 3],
  [4, '销售二组', 2, 0],
  [5, '客服部', 1, 5],
  [6, '行政部', 1, 0],
];

type U = [id: number, username: string, realname: string, structure: number, parent: number, status: number, groups: number[], post: string];
export const SEED_USERS: U[] = [
  [1, '13800000001', '管理员', 1, 0, 1, [1], '总经理'],
  [2, '13800000002', '张经理', 2, 1, 1, [9, 3], '销售总监'],
  [3, '13800000003', '李销售', 3, 2, 1, [10], '销售'],
  [4, '13800000004', '王新人', 4, 2, 2, [10], '销售'],
  [5, '13800000005', '赵客服', 5, 1, 1, [11], '客服'],
  [6, '13800000006', '钱离职', 3, 3, 0, [10], '销售'],
  [7, '13800000007', '孙系统', 1, 1, 1, [2], '系统管理员'],
];

export interface SeedOptions {
  adminPassword: string;
  userPassword: string;
  adminUsername?: string;
}

export interface SeedResult {
  adminUsername: string;
  adminUserId: number;
}

const salt = () => randomBytes(2).toString('hex');
/** 2021-06-01 08:00 PRC: a fixed create_time so the listings are reproducible. */
const SEED_TIME = 1622505600;

export function seedOrganisation(db: PhpDb, options: SeedOptions): SeedResult {
  const adminUsername = options.adminUsername ?? SEED_USERS[0]![1];
  db.sqlite.transaction(() => {
    for (const [id, types, title, name, level, pid, status = 1] of SEED_RULES) db.insert('admin_rule', { id, types, title, name, level, pid, status });
    for (const [id, pid, title, rules, remark, type, types, system = 0] of SEED_GROUPS) db.insert('admin_group', { id, pid, title, rules: csv(rules), remark, status: 1, type, types, system });
    for (const [id, name, pid, owner] of SEED_STRUCTURES) db.insert('admin_structure', { id, name, pid, owner_user_id: owner });
    for (const [id, username0, realname, structure, parent, status, groups, post] of SEED_USERS) {
      const username = id === 1 ? adminUsername : username0;
      const s = salt();
      const password = userMd5(id === 1 ? options.adminPassword : options.userPassword, s);
      db.insert('admin_user', { id, username, password, salt: s, create_time: SEED_TIME + id * 60, realname, mobile: username, structure_id: structure, post, status, parent_id: parent, type: 1 });
      db.insert('hrm_user_det', { user_id: id, mobile: username, create_time: SEED_TIME });
      for (const g of groups) db.insert('admin_access', { user_id: id, group_id: g });
    }
    const modules: [string, string, number][] = [
      ['任务审批', 'taskExamine', 1],
      ['客户管理', 'crm', 1],
      ['项目管理', 'work', 1],
      ['日志', 'log', 1],
      ['通讯录', 'book', 1],
      ['日历', 'calendar', 1],
      ['邮箱', 'email', 0],
    ];
    for (const [name, module, status] of modules) db.insert('admin_config', { name, status, module, type: 1, pid: 0 });
    db.insert('admin_field', { types: 'crm_customer', field: 'crm_tag', name: '客户标签' });
    db.insert('crm_customer_pool', { pool_name: '销售部公海', admin_user_ids: ',2,', user_ids: ',3,4,', department_ids: ',2,', status: 1, create_time: SEED_TIME });
    for (const [id, pid] of SEED_GROUPS) if (pid === 2) createCrmFieldGrant(db, id, SEED_TIME);
  })();
  db.writes = 0;
  return { adminUsername, adminUserId: 1 };
}

/** Reopening a database file: only the administrator's password (and username, if given) is set again. */
export function resetAdministrator(db: PhpDb, options: SeedOptions): SeedResult {
  const row = db.get<{ username: string; salt: string }>('SELECT username, salt FROM admin_user WHERE id = 1');
  if (!row) throw new Error('the database has no user 1 (administrator)');
  const username = options.adminUsername ?? row.username;
  db.sqlite.prepare('UPDATE admin_user SET username = ?, password = ? WHERE id = 1').run(username, userMd5(options.adminPassword, row.salt));
  return { adminUsername: username, adminUserId: 1 };
}
