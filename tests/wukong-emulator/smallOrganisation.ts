/**
 * A small, hand-made WukongCRM organisation on the real default catalogue and roles: the fixture the
 * emulator's own tests use (every user, department and role is known by id), and the CLI's `--small`.
 *
 *   14852 全公司 (head 14773)          14773 admin   超级管理员
 *   ├─ 2 销售部 (head 101)              101 张三 销售经理角色 (dataType 5)
 *   │  └─ 3 华东销售组                   102 李四 → 101, 销售员角色 (dataType 1)
 *   │                                   103 王五 → 102, 销售员角色 + 公告管理员
 *   ├─ 4 技术部                         104 赵六 部门与员工管理员 (no menu 175: may assign only its auth roles)
 *   │                                   105 孙七 → 104, disabled;  106 周八, inactive
 *   └─ 5 空部门 (no users, no children)
 */
import type { Department, Snapshot, User } from '../../src-main/common/domain';
import { loadBundledCatalogue } from '../../src-main/services/resources';

const dept = (id: string, parentId: string | null, name: string, headUserId: string | null): Department => ({ id, parentId, name, headUserId, sort: 0 });
const user = (id: string, login: string, name: string, departmentId: string, managerId: string | null, roleIds: string[], status: User['status'] = 'active'): User => ({
  id,
  login,
  name,
  departmentId,
  managerId,
  status,
  title: '',
  roleIds,
});

export function smallOrganisation(): Snapshot {
  const catalogue = loadBundledCatalogue();
  return {
    schemaVersion: 1,
    source: { kind: 'generated', takenAt: '2026-01-01T00:00:00.000Z' },
    departments: [dept('14852', null, '全公司', '14773'), dept('2', '14852', '销售部', '101'), dept('3', '2', '华东销售组', null), dept('4', '14852', '技术部', null), dept('5', '14852', '空部门', null)],
    users: [
      user('14773', 'admin', '管理员', '14852', null, ['180162']),
      user('101', '13800000101', '张三', '2', null, ['180169']),
      user('102', '13800000102', '李四', '3', '101', ['180170']),
      user('103', '13800000103', '王五', '3', '102', ['180170', '180168']),
      user('104', '13800000104', '赵六', '4', null, ['180164']),
      user('105', '13800000105', '孙七', '4', '104', ['180170'], 'disabled'),
      user('106', '13800000106', '周八', '4', null, ['180170'], 'inactive'),
    ],
    permissions: catalogue.permissions,
    roleGroups: catalogue.roleGroups,
    roles: catalogue.defaultRoles,
    fields: catalogue.fields,
    fieldRules: [
      { roleId: '180170', module: 'customer', field: 'mobile', access: 'read', mask: 'list' },
      { roleId: '180170', module: 'customer', field: 'remark', access: 'hidden', mask: 'none' },
    ],
    superUserIds: ['14773'],
  };
}
