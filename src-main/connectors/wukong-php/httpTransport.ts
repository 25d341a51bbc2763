import { ConnectorError } from '../connectorError';

/**
 * One HTTP round trip to a WukongCRM 11.0 PHP server (ThinkPHP 5.0). Every API route is POST only
 * (`config/route_admin.php`, `['method' => 'POST']`); a GET or an unknown path falls through to `__miss__` →
 * `Base::miss()` and answers HTTP 200 `text/html` with the body `悟空软件` (application/admin/controller/Base.php).
 * Bodies are always JSON here: ThinkPHP decodes a JSON body when `$_POST` is empty
 * (thinkphp/library/think/Request.php), and JSON keeps numbers numbers (form encoding turns them into strings that
 * some endpoints store verbatim, e.g. field-grant content).
 */
export interface HttpRequest {
  path: string;
  /** Sent as JSON (`{}` when absent: ThinkPHP reads missing keys as null either way). */
  body?: unknown;
  /**
   * `authKey` + `sessionId` headers from the login answer (application/admin/controller/ApiCommon.php reads
   * `authkey`/`sessionid`; only authKey is looked up, sessionId must be non-empty). Never logged.
   */
  auth?: { authKey: string; sessionId: string };
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  /** Parsed JSON body. */
  json: unknown;
}

export type FetchLike = typeof fetch;

/** The body Base::miss() prints for a route that does not exist (application/admin/controller/Base.php). */
const MISS_PAGE = '悟空软件';

export async function sendHttp(baseUrl: string, request: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpAnswer> {
  const endpoint = `POST ${request.path}`;
  if (request.signal?.aborted) throw new ConnectorError('CANCELLED', `${endpoint} was cancelled`, { endpoint });
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json;charset=UTF-8' };
  if (request.auth) {
    headers.authKey = request.auth.authKey;
    headers.sessionId = request.auth.sessionId;
  }
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(new URL(request.path.replace(/^\/+/, ''), baseUrl), { method: 'POST', headers, body: JSON.stringify(request.body ?? {}), signal });
    text = await response.text();
  } catch (error) {
    if (request.signal?.aborted) throw new ConnectorError('CANCELLED', `${endpoint} was cancelled`, { endpoint }, { cause: error });
    if (timeout.aborted) throw new ConnectorError('TIMEOUT', `${endpoint} did not answer within ${request.timeoutMs} ms`, { endpoint }, { cause: error });
    const reason = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new ConnectorError('NETWORK', `${endpoint} failed: ${reason}`, { endpoint }, { cause: error });
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    if (response.status >= 500) {
      // app_debug => true (config/config.php): an uncaught exception is ThinkPHP's HTML "System Error" page with
      // the message in <h1>. The server's handler ran and threw — possibly after writing part of its work
      // (groups/save without a title inserts the row, then SystemActionLog fails: OBSERVED §10).
      const headline = exceptionHeadline(text);
      throw new ConnectorError('SERVER_ERROR', `${endpoint} answered HTTP ${response.status}${headline ? `: ${headline}` : ''}`, {
        endpoint,
        httpStatus: response.status,
        ...(headline ? { serverMessage: headline } : {}),
      });
    }
    if (text.trim() === MISS_PAGE) {
      throw new ConnectorError('HTTP_ERROR', `${endpoint}: the server has no such route (it answered its catch-all page)`, { endpoint, httpStatus: response.status });
    }
    throw new ConnectorError('MALFORMED_RESPONSE', `${endpoint} answered HTTP ${response.status} with a body that is not JSON`, {
      endpoint,
      field: '(body)',
      httpStatus: response.status,
    });
  }
  return { status: response.status, json };
}

/** The exception message of ThinkPHP's error page (`<h1>数据表字段不存在:[foo]</h1>`), at most 200 characters. */
export function exceptionHeadline(html: string): string | null {
  const match = /<h1>([\s\S]*?)<\/h1>/i.exec(html) ?? /<title>([\s\S]*?)<\/title>/i.exec(html);
  if (!match?.[1]) return null;
  const text = match[1]
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, 200);
}
