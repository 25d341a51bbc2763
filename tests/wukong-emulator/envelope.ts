/**
 * The WukongCRM response envelope and error codes (reference §1.3, §9).
 *
 * Every answer is `{code, msg, data}` with HTTP 200, success is `code 0` / `msg "success"`; business
 * errors are thrown as `WukongError` and rendered with HTTP 200 too. Only the gateway's permission denial
 * (HTTP 401) and unknown routes answer with another HTTP status.
 */

export interface Envelope {
  code: number;
  msg: string;
  data: unknown;
}

/** Codes the emulator can answer with, named after `SystemCodeEnum`, `AuthorizationCodeEnum`, `AdminCodeEnum`. */
export const Code = {
  ok: 0,
  notLoggedIn: 302, // 请先登录！ (missing, expired or evicted token) §1.1
  validation: 400, // 参数验证错误 §1.3
  noPermission: 401, // 无权操作 (also wrong HTTP method) §1.3
  notFound: 404,
  serverError: 500, // 网络错误，请稍候再试
  usernameRequired: 1002,
  passwordRequired: 1003,
  wrongPassword: 1004, // 账号或密码错误 §1.1
  userDisabled: 1007, // 账户被禁用! §1.1
  tooManyPasswordErrors: 1010, // §1.1
  dataMissing: 1102,
  passwordIntensity: 1106,
  userExists: 1107,
  subordinateAsSuperior: 1109,
  childDeptAsParent: 1110,
  deptHasUsers: 1111,
  deptHasChildren: 1112,
  userNeedsRole: 1113,
  userNeedsDept: 1114,
  superAdminCannotBeDisabled: 1116,
  roleNameExists: 1117,
  userMissing: 1125,
  superiorIsSelf: 1130,
  lastRole: 1133,
  roleRequired: 1136,
  realnameExists: 1141,
  deptGone: 1142,
} as const;

const MESSAGES: Record<number, string> = {
  [Code.notLoggedIn]: '请先登录！',
  [Code.validation]: '参数验证错误',
  [Code.noPermission]: '无权操作',
  [Code.notFound]: '资源不存在',
  [Code.serverError]: '网络错误，请稍候再试',
  [Code.usernameRequired]: '用户名不能为空',
  [Code.passwordRequired]: '密码不能为空',
  [Code.wrongPassword]: '账号或密码错误',
  [Code.userDisabled]: '账户被禁用!',
  [Code.tooManyPasswordErrors]: '密码错误次数过多',
  [Code.dataMissing]: '数据不存在',
  [Code.passwordIntensity]: '密码必须由 6-20 位字母、数字组成',
  [Code.userExists]: '用户已存在',
  [Code.subordinateAsSuperior]: '该员工的下级员工不能设置为直属上级',
  [Code.childDeptAsParent]: '该部门的下级部门不能设置为上级部门',
  [Code.deptHasUsers]: '该部门下有员工，不能删除',
  [Code.deptHasChildren]: '该部门下有下级部门，不能删除',
  [Code.userNeedsRole]: '请先为员工设置角色',
  [Code.userNeedsDept]: '请先为员工设置部门',
  [Code.superAdminCannotBeDisabled]: '超级管理员不能禁用',
  [Code.roleNameExists]: '角色名已存在',
  [Code.userMissing]: '用户不存在',
  [Code.superiorIsSelf]: '直属上级不能为自己',
  [Code.lastRole]: '员工至少需要一个角色',
  [Code.roleRequired]: '请先关联角色',
  [Code.realnameExists]: '员工姓名已存在',
  [Code.deptGone]: '部门已不存在',
};

export function messageFor(code: number): string {
  return MESSAGES[code] ?? 'error';
}

/** A business or validation error; the server renders it as HTTP 200 `{code, msg, data}` (§9). */
export class WukongError extends Error {
  constructor(
    readonly code: number,
    msg?: string,
    readonly data: unknown = null,
    /** 200 except for the gateway's permission denial (401) and unknown routes (404). */
    readonly httpStatus = 200,
  ) {
    super(msg ?? messageFor(code));
  }
}

export function success(data: unknown = null): Envelope {
  return { code: Code.ok, msg: 'success', data };
}

export function failure(code: number, msg?: string, data: unknown = null): Envelope {
  return { code, msg: msg ?? messageFor(code), data };
}
