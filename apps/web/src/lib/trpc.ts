import type { AppRouter } from '@portal/server/router';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** A session that expired mid-work sends the user to the login page, then back. */
function redirectOnUnauthorized(error: unknown) {
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED' && !window.location.pathname.startsWith('/login')) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    window.location.assign(`/login?expired=1&next=${next}`);
  }
}

export function makeQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectOnUnauthorized }),
    mutationCache: new MutationCache({ onError: redirectOnUnauthorized }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => {
          const code = (error as TRPCClientError<AppRouter>).data?.code;
          if (code && ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST'].includes(code)) return false;
          return count < 2;
        },
      },
    },
  });
}

/**
 * Headers every API request carries: the server refuses mutations and uploads without it (a
 * cross-site page cannot send a custom header), see apps/server/src/http/security.ts.
 */
export const API_HEADERS = { 'x-portal-request': '1' } as const;

/** fetch for the plain HTTP routes (uploads), with the session cookie and the API header. */
export function apiFetch(url: string, init: RequestInit = {}) {
  return fetch(url, { ...init, credentials: 'same-origin', headers: { ...API_HEADERS, ...init.headers } });
}

/** The answer of a file upload route: its JSON body, or the sentence to show when there is none. */
export type UploadAnswer<T> = { ok: true; body: T } | { ok: false; status: number; message: string; field: string | null };

/**
 * Sends a file as the body of a plain upload route (the list comparison, the holiday schedule) and
 * reads its JSON answer; a lost connection or an unreadable answer comes back as a Chinese
 * sentence, a lapsed session sends the user to sign in again and back to `returnTo`.
 */
export async function uploadFile<T>(url: string, file: File, returnTo: string): Promise<UploadAnswer<T>> {
  let res: Response;
  try {
    res = await apiFetch(url, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream' } });
  } catch {
    return { ok: false, status: 0, message: '无法连接服务器，请检查网络后重试', field: null };
  }
  const body = (await res.json().catch(() => ({ message: '服务器返回了无法识别的结果' }))) as T & {
    message?: string;
    field?: string | null;
  };
  if (res.ok) return { ok: true, body };
  if (res.status === 401) window.location.assign(`/login?expired=1&next=${encodeURIComponent(returnTo)}`);
  return { ok: false, status: res.status, message: body.message ?? '上传失败', field: body.field ?? null };
}

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        // Queries go by POST too, so that search terms (names, ID numbers) never appear in a URL or a log.
        methodOverride: 'POST',
        headers: () => API_HEADERS,
        fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }),
      }),
    ],
  });
}

export type ApiError = TRPCClientError<AppRouter>;

export function isApiError(error: unknown): error is ApiError {
  return error instanceof TRPCClientError;
}
