/**
 * Calls of the anonymous pages: like the app's client, but never with cookies (`credentials: 'omit'`),
 * so a signed-in person's session is not touched by a report they send or check, and nothing links
 * the two. The receipt goes in the body, never in an address.
 */
import i18n from '../../../../web/src/i18n/index.js';
import { ApiError } from '../../../../web/src/api.js';

export async function anonymousPost<T>(path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'Accept-Language': i18n.language || 'en' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', i18n.t('errors.network'));
  }
  const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string; fields?: { path: string; code: string; message?: string }[] } } | undefined;
  if (!response.ok) {
    const error = payload?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? i18n.t('errors.http', { status: response.status }),
      (error?.fields ?? []).map((f) => ({ path: f.path, code: f.code, message: f.message ?? f.code })),
    );
  }
  return payload as T;
}

/** A file as the anonymous API takes it (base64 in JSON). */
export async function encodeFile(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}
