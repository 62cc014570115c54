// Reads a JSON request body with a size limit, for endpoints that take JSON.
import { AppError } from '../errors';

/** MAX_BODY_BYTES is the largest JSON body the API accepts (512 KB). */
export const MAX_BODY_BYTES = 512 * 1024;

/** readJson parses a JSON body, answering 413 past the limit and 400 for malformed JSON. */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new AppError('payload_too_large', `The body is larger than ${maxBytes / 1024} KB.`);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new AppError('payload_too_large', `The body is larger than ${maxBytes / 1024} KB.`);
  if (bytes.byteLength === 0) throw new AppError('invalid_request', 'The body is empty: send a JSON object.');
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError('invalid_request', 'The body is not valid JSON.');
  }
}
