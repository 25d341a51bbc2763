import { ConnectorError } from '../connectorError';

/**
 * One HTTP round trip to the WukongCRM gateway. Almost every endpoint is POST (reference §0); the body is JSON
 * for `@RequestBody` controllers and form-urlencoded for `@RequestParam` ones, and the server refuses the other
 * kind with code 400, so each endpoint says which it takes (§1.3, §4.2, §6).
 */
export type RequestBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; value: Readonly<Record<string, string | number>> };

export interface HttpRequest {
  path: string;
  body: RequestBody;
  /** `Admin-Token` (reference §0). Never logged. */
  token?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  /** Parsed JSON; MALFORMED_RESPONSE when the body is not JSON. */
  json: unknown;
}

export type FetchLike = typeof fetch;

export async function sendHttp(baseUrl: string, request: HttpRequest, fetchImpl: FetchLike = fetch): Promise<HttpAnswer> {
  const endpoint = `POST ${request.path}`;
  if (request.signal?.aborted) throw new ConnectorError('CANCELLED', `${endpoint} was cancelled`, { endpoint });
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.token) headers['Admin-Token'] = request.token;
  let body: string | undefined;
  if (request.body.kind === 'json') {
    headers['content-type'] = 'application/json;charset=UTF-8';
    body = JSON.stringify(request.body.value);
  } else if (request.body.kind === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    body = new URLSearchParams(Object.entries(request.body.value).map(([k, v]): [string, string] => [k, String(v)])).toString();
  }
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(new URL(request.path, baseUrl), { method: 'POST', headers, body, signal });
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
    if (response.status >= 500) throw new ConnectorError('SERVER_ERROR', `${endpoint} answered HTTP ${response.status}`, { endpoint, httpStatus: response.status });
    throw new ConnectorError('MALFORMED_RESPONSE', `${endpoint} answered HTTP ${response.status} with a body that is not JSON`, {
      endpoint,
      field: '(body)',
      httpStatus: response.status,
    });
  }
  return { status: response.status, json };
}
