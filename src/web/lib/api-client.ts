import {
  defaultErrorMessages,
  type ErrorCode,
  type ErrorDetail,
  errorStatus,
} from '../../contracts/common/errors';

/** An API failure as the UI needs it: the code to branch on, the zh-CN message to show, the fields at fault. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, status: number, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/** The server writes messages in zh-CN; in English we fall back to the code's generic English message. */
export const errorText = (error: unknown, isEn: boolean): string => {
  if (!isApiError(error)) return isEn ? defaultErrorMessages.INTERNAL.en : defaultErrorMessages.INTERNAL.zh;
  return isEn ? defaultErrorMessages[error.code].en : error.message;
};

type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

type RequestOptions = {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Login and "who am I" answer 401 as a normal outcome; do not bounce to the login page for them. */
  isAuthProbe?: boolean;
};

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** The CSRF token arrives with the login response and with GET /auth/me; every write sends it back. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** The app replaces the default hard redirect with a router navigation once it is mounted. */
export const setUnauthorizedHandler = (handler: () => void) => {
  onUnauthorized = handler;
};

/** Builds `?a=1&b=2`, leaving out empty values so filters that are not set are not sent. */
export const toQueryString = (query: QueryParams = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
};

const knownCode = (code: unknown): code is ErrorCode => typeof code === 'string' && code in errorStatus;

const codeForStatus = (status: number): ErrorCode => {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503 || status === 502 || status === 504) return 'UNAVAILABLE';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
};

type ErrorPayload = { error?: { code?: unknown; message?: unknown; details?: unknown } };

const toApiError = async (res: Response): Promise<ApiError> => {
  let payload: ErrorPayload | null = null;
  try {
    payload = (await res.json()) as ErrorPayload;
  } catch {
    payload = null;
  }
  const err = payload?.error;
  const code = knownCode(err?.code) ? err.code : codeForStatus(res.status);
  const message =
    typeof err?.message === 'string' && err.message ? err.message : defaultErrorMessages[code].zh;
  const details = Array.isArray(err?.details) ? (err.details as ErrorDetail[]) : [];
  return new ApiError(code, message, res.status, details);
};

export const apiRequest = async <T>(
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<T> => {
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError('UNAVAILABLE', '网络连接失败，请检查网络后重试', 0);
  }

  if (!res.ok) {
    const error = await toApiError(res);
    if (res.status === 401 && !options.isAuthProbe) {
      csrfToken = null;
      onUnauthorized();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
};

export const api = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string, query?: QueryParams) => apiRequest<T>('DELETE', path, { query }),
};
