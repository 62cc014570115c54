// Reads a JSON request body with a size limit, for endpoints that take JSON.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';

/** MAX_BODY_BYTES is the largest JSON body the API accepts (512 KB). */
export const MAX_BODY_BYTES = 512 * 1024;

const tooLarge = () => new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) throw new AppError('invalid_request', 'The body is empty: send a JSON object.');
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError('invalid_request', 'The body is not valid JSON.');
  }
}

/** readJson parses a web Request's JSON body, answering 413 past the limit and 400 for malformed JSON. */
export async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return parseJson(bytes);
}

/** readNodeJson is readJson for a node:http request; it stops reading at the limit. */
export async function readNodeJson(request: IncomingMessage): Promise<unknown> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return parseJson(Buffer.concat(chunks));
}
