/**
 * The three ways the PHP server answers, byte for byte where it matters:
 *
 * - `resultArray([...])` (application/common.php): HTTP 200, `{"code":…,"data":…,"error":…}` through
 *   ThinkPHP's Json response (think/response/Json.php: `JSON_UNESCAPED_UNICODE`, so Chinese stays raw;
 *   `/` is still escaped as `\/`). `data` set (not null) → code 200 and `error: ""`; `error` an array → 402;
 *   `error` set → 400 and `data: ""`; neither → code, data and error all null.
 * - `exit(json_encode([...]))` in the auth checks (AuthenticateBehavior.php, ApiCommon.php, the
 *   controllers' `_initialize`): HTTP 200, plain `json_encode`, so non-ASCII is `\uXXXX`-escaped; their keys
 *   differ per site (`error` for 101/102, `msg` for 302/103).
 * - An uncaught PHP exception: with `app_debug => true` (config/config.php) ThinkPHP renders its exception
 *   page (thinkphp/tpl/think_exception.tpl): HTTP 500, text/html, the message in an `<h1>`.
 */
import { isPhpArray, type PhpValue } from './php';

/** `json_encode` with PHP's escaping: `\/` always, `\uXXXX` for non-ASCII unless unescaped. */
export function phpJsonEncode(value: unknown, unescapedUnicode: boolean): string {
  const text = JSON.stringify(toPhpJson(value)) ?? 'null';
  const slashes = text.replace(/\//g, '\\/');
  if (unescapedUnicode) return slashes;
  return slashes.replace(/[\u0080-\uffff]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** PHP's `(object)[]`: encodes as `{}` where an empty PHP array encodes as `[]`. */
export class PhpObject {
  constructor(readonly fields: Record<string, unknown> = {}) {}
}

function toPhpJson(value: unknown): unknown {
  if (value instanceof PhpObject) return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, toPhpJson(v)]));
  if (Array.isArray(value)) return value.map(toPhpJson);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    // A PHP array with keys 0..n-1 in order (or no keys at all) is a JSON list.
    if (keys.every((k, i) => k === String(i))) return keys.map((k) => toPhpJson((value as Record<string, unknown>)[k]));
    return Object.fromEntries(keys.map((k) => [k, toPhpJson((value as Record<string, unknown>)[k])]));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 0;
  return value === undefined ? null : value;
}

export interface Answer {
  httpStatus: number;
  contentType: string;
  body: string;
  /** The envelope code, when the body is one (null for HTML/text answers). */
  code: number | null;
  /** For a 500: the PHP error the emulator raised (never sent to the client). */
  error?: string;
}

export function resultArray(array: { data?: PhpValue | PhpObject; error?: PhpValue }): Answer {
  let code: number | null;
  let data: unknown = array.data;
  let error: unknown = array.error;
  if (data !== undefined && data !== null) {
    code = 200;
    error = '';
  } else if (isPhpArray(error ?? null)) {
    code = 402;
    data = '';
  } else if (error !== undefined && error !== null) {
    code = 400;
    data = '';
  } else {
    code = null;
  }
  return {
    httpStatus: 200,
    contentType: 'application/json; charset=utf-8',
    body: phpJsonEncode({ code, data: data ?? null, error: error ?? null }, true),
    code,
  };
}

/** Thrown by handlers: the PHP `exit(json_encode($payload))` after `header('Content-Type:application/json; charset=utf-8')`. */
export class PhpExit extends Error {
  constructor(readonly payload: Record<string, unknown>) {
    super('exit');
  }

  answer(): Answer {
    return {
      httpStatus: 200,
      contentType: 'application/json; charset=utf-8',
      body: phpJsonEncode(this.payload, false),
      code: typeof this.payload.code === 'number' ? this.payload.code : null,
    };
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * ThinkPHP's debug exception page (thinkphp/tpl/think_exception.tpl), shortened: the same `<title>`, the
 * `[code]&nbsp;<abbr title="class">Short</abbr>` heading and the message in the `<h1>`.
 */
export function exceptionPage(className: string, message: string, code = 0): Answer {
  const short = className.split('\\').at(-1) ?? className;
  const body = `<!DOCTYPE html>\n<html>\n<head>\n    <meta charset="UTF-8">\n    <title>System Error</title>\n    <meta name="robots" content="noindex,nofollow" />\n</head>\n<body>\n    <div class="echo">\n            </div>\n        <div class="exception">\n    <div class="message">\n            <div class="info">\n                <div>\n                    <h2>[${code}]&nbsp;<abbr title="${escapeHtml(className)}">${escapeHtml(short)}</abbr> in <a class="toggle" title="emulator">emulator</a></h2>\n                </div>\n                <div><h1>${escapeHtml(message)}</h1></div>\n            </div>\n    </div>\n    </div>\n</body>\n</html>\n`;
  return { httpStatus: 500, contentType: 'text/html; charset=utf-8', body, code: null, error: `${short}: ${message}` };
}

/** `admin/base/miss` (application/admin/controller/Base.php): every unrouted request, including a GET to a POST route. */
export function missAnswer(isOptions: boolean): Answer {
  return { httpStatus: 200, contentType: 'text/html; charset=utf-8', body: isOptions ? '' : '悟空软件', code: null };
}
