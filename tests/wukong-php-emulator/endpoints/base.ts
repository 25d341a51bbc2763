/**
 * Login and logout: application/admin/controller/Base.php → application/admin/model/User.php#login,
 * model/LoginRecord.php. No auth checks (Base extends app\common\controller\Common only).
 */
import { randomBytes } from 'node:crypto';
import { userMd5 } from '../auth';
import { headerTrim, type Ctx, type UserRow } from '../context';
import { whereEq } from '../db/where';
import { resultArray, type Answer } from '../envelope';
import { phpEmpty, phpString, phpTruthy, type PhpValue } from '../php';
import type { Controller } from '../route';
import { authListOf } from './authList';
import { fullPath, prcDateTime } from './users';

/**
 * LoginRecord#createRecord($platform = '', $type = 0). User.php#login calls it as
 * `createRecord(LoginRecord::TYPE_PWD_ERROR)` — the type lands in `$platform`, so every record is type 0
 * ("success") and LoginRecord#verify, which counts type-1 records, never locks anyone out.
 */
function createRecord(ctx: Ctx, userId: number, _platform: PhpValue, type = 0): void {
  ctx.db.insert('admin_login_record', { type, create_user_id: userId, create_time: ctx.now(), ip: ctx.req.ip, remark: ctx.req.headers['user-agent'] ?? '' }, 'model');
}

/** LoginRecord#verify(3, 5): three type-1 records within five minutes of the last one lock the account. */
function lockedFor(ctx: Ctx, userId: number): string | null {
  const last = ctx.db.get<{ create_time: number }>('SELECT create_time FROM admin_login_record WHERE create_user_id = ? AND create_time > ? AND type = 1 ORDER BY id DESC LIMIT 1', userId, ctx.now() - 300);
  if (!last) return null;
  const n = ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM admin_login_record WHERE create_user_id = ? AND type = 1 AND create_time BETWEEN ? AND ?', userId, last.create_time - 300, last.create_time)?.n ?? 0;
  if (n < 3) return null;
  const left = 300 - (ctx.now() - last.create_time);
  const minutes = Math.floor(left / 60);
  return `密码错误次数过多，请在${minutes ? `${minutes}分钟` : ''}${left % 60}秒后重试！`;
}

/**
 * User.php#login: `帐号不存在` for an unknown username (compared case-insensitively, type 1 only),
 * `账号或密码错误!` for a wrong password, `帐号已被禁用` for status 0. On success a new PHP session id and
 * `authKey = user_md5(username . password-hash . sessionId, salt)`; the cache entry of the user's
 * *previous* authKey (admin_user.authkey) is deleted, so one login per user and platform is live at a
 * time; status 2 (never logged in) becomes 1. The answer carries the user's row as the model renders it —
 * password hash and salt included, create_time as Y-m-d — and the auth list.
 */
function login(ctx: Ctx): Answer {
  const p = ctx.param;
  const username = p.username;
  const password = p.password;
  if (phpEmpty(password)) return resultArray({ error: '密码不能为空' });
  const u = whereEq('admin_user', 'username', username);
  const user = ctx.db.get<UserRow>(`SELECT * FROM admin_user WHERE ${u.sql} AND type = 1 ORDER BY id LIMIT 1`, ...u.params);
  if (!user) return resultArray({ error: '帐号不存在' });
  const locked = lockedFor(ctx, user.id);
  if (locked) return resultArray({ error: locked });
  if (userMd5(phpString(password ?? null), user.salt) !== user.password) {
    createRecord(ctx, user.id, 1);
    return resultArray({ error: '账号或密码错误!' });
  }
  if (user.status === 0) {
    createRecord(ctx, user.id, 2);
    return resultArray({ error: '帐号已被禁用' });
  }
  createRecord(ctx, user.id, ctx.platform, 0);
  const authList = authListOf(ctx, user.id);
  const data: Record<string, unknown> = {};
  if (phpTruthy(p.isRemember)) data.rememberKey = randomBytes(24).toString('base64');
  const sessionId = ctx.sessionId();
  const authKey = userMd5(user.username + user.password + sessionId, user.salt);
  if (user.authkey && ctx.cache.get('Auth_' + user.authkey + ctx.platform)) ctx.cache.delete('Auth_' + user.authkey + ctx.platform);
  ctx.cache.set('Auth_' + authKey + ctx.platform, { userInfo: { ...user }, sessionId, authKey });
  const userInfo: Record<string, unknown> = { ...user };
  delete userInfo.authkey;
  userInfo.create_time = prcDateTime(Number(user.create_time), false);
  userInfo.thumb_img = fullPath(ctx, user.thumb_img as string);
  data.authKey = authKey;
  data.sessionId = sessionId;
  data.userInfo = userInfo;
  data.authList = authList;
  data.menusList = null;
  data.loginExpire = ctx.loginTtlSeconds;
  const update: Record<string, PhpValue> = { authkey: authKey, authkey_time: ctx.now() + ctx.loginTtlSeconds };
  if (user.status === 2) update.status = 1;
  ctx.db.update('admin_user', { sql: 'id = ?', params: [user.id] }, update, 'query');
  return resultArray({ data: data as PhpValue });
}

/** Base.php#logout: forgets `Auth_<trim(authkey)><platform>`; always 退出成功, logged in or not. */
function logout(ctx: Ctx): Answer {
  ctx.cache.delete('Auth_' + headerTrim(ctx.req.headers.authkey) + ctx.platform);
  return resultArray({ data: '退出成功' });
}

export const baseController: Controller = {
  name: 'base',
  init() {},
  actions: { login, logout },
};
