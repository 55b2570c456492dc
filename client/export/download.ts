/**
 * Downloads a file from the API with progress: the response body is read chunk by chunk against
 * its Content-Length, then handed to the browser as a download (a blob link). Errors carry the
 * server's error code, like every other API call.
 */
import { ApiError } from '../net/api.js';
import type { ErrorBody } from '../../shared/errors.js';

export type Progress = (received: number, total: number | null) => void;

export async function downloadFile(path: string, onProgress: Progress, signal?: AbortSignal): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', (err as Error).message);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
    const e = body?.error;
    throw e && typeof e.code === 'string' ? new ApiError(res.status, e.code, e.message) : new ApiError(res.status, 'bad_response', `HTTP ${res.status}`);
  }
  const total = Number(res.headers.get('content-length')) || null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress(received, total);
    }
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'samskap-export';
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
