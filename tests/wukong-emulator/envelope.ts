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

/**
 * Texts from `SystemCodeEnum` (core/common), `AuthorizationCodeEnum` (authorization/common) and
 * `AdminCodeEnum` (admin/common) at commit 1fa4ec2f; `CrmException(code)` renders the enum's text.
 */
const MESSAGES: Record<number, string> = {
  [Code.notLoggedIn]: '请先登录！',
  [Code.validation]: '参数验证错误',
  [Code.noPermission]: '无权操作',
  [Code.notFound]: '资源未找到',
  [Code.serverError]: '网络错误，请稍候再试',
  [Code.usernameRequired]: '请输入用户名',
  [Code.passwordRequired]: '请输入密码或短信验证码',
  [Code.wrongPassword]: '账号或密码错误',
  [Code.userDisabled]: '账户被禁用!',
  [Code.tooManyPasswordErrors]: '密码错误次数过多',
  [Code.dataMissing]: '数据不存在',
  [Code.passwordIntensity]: '密码必须由 6-20位字母、数字组成',
  [Code.userExists]: '用户已存在！',
  [Code.subordinateAsSuperior]: '这个用户的下属不能设置为直属上级！',
  [Code.childDeptAsParent]: '这个部门的下属不能设置为直属部门！',
  [Code.deptHasUsers]: '这个部门下有员工，不能删除！',
  [Code.deptHasChildren]: '这个部门下有下级部门，不能删除！',
  [Code.userNeedsRole]: '请先给用户设置角色',
  [Code.userNeedsDept]: '请先给用户设置部门',
  [Code.superAdminCannotBeDisabled]: '超级管理员用户不可禁用',
  [Code.roleNameExists]: '角色名称已存在',
  [Code.userMissing]: '用户不存在！',
  [Code.superiorIsSelf]: '直属上级不能为自己！',
  [Code.lastRole]: '用户至少需要一个角色！',
  [Code.roleRequired]: '请先关联角色！',
  [Code.realnameExists]: '用户姓名重复!',
  [Code.deptGone]: '部门已不存在！',
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

/**
 * What the real server answers for any exception its `ExceptionHandlerAdvice#defaultException` or
 * `#servletException` catches (core/exception/ExceptionHandlerAdvice.java): HTTP 200, `code 500`, the fixed
 * text 网络错误，请稍候再试 — the cause is only logged there. `reason` names the Java/MySQL error the real
 * server would have hit; the emulator keeps it in the call log (`CallRecord.reason`), never in the envelope.
 */
export class ServerFault extends WukongError {
  constructor(readonly reason: string) {
    super(Code.serverError);
  }
}

/** Shorthand for `throw new ServerFault(reason)` in expressions. */
export function fault(reason: string): never {
  throw new ServerFault(reason);
}

export function success(data: unknown = null): Envelope {
  return { code: Code.ok, msg: 'success', data };
}

export function failure(code: number, msg?: string, data: unknown = null): Envelope {
  return { code, msg: msg ?? messageFor(code), data };
}
