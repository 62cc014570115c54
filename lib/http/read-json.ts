// Request bodies within a size limit, from either server that carries a request (web Request or node:http),
// and the JSON parse of the endpoints that take JSON.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../errors';
import { refuseUnstorableText } from '../schemas/storable-text';

/** MAX_BODY_BYTES is the largest body the API accepts (512 KB). */
export const MAX_BODY_BYTES = 512 * 1024;

const tooLarge = () => new AppError('payload_too_large', `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);

/** parseJson parses a JSON body, answering 400 for an empty or malformed one, or one with text that cannot be stored. */
export function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) throw new AppError('invalid_request', 'The body is empty: send a JSON object.');
  return parseJsonText(new TextDecoder().decode(bytes), 'The body');
}

/** parseJsonText parses JSON text (`what` names it in errors), refusing text that cannot be stored. */
export function parseJsonText(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_request', `${what} is not valid JSON.`);
  }
  refuseUnstorableText(value, what);
  return value;
}

/** readWebBody reads a web Request's body, answering 413 past MAX_BODY_BYTES. */
export async function readWebBody(request: Request): Promise<Uint8Array> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw tooLarge();
  return bytes;
}

/** readNodeBody is readWebBody for a node:http request; it stops reading at the limit. */
export async function readNodeBody(request: IncomingMessage): Promise<Uint8Array> {
  if (Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}
