import type { IncomingMessage } from 'node:http';
import { ValidationError } from '../metrics/validation-error.js';

const maxBodyBytes = 1_000_000;

/** The request's JSON object body; anything else is a ValidationError on field "body". */
export async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new ValidationError('body', 'maxSize', `the body is larger than ${maxBodyBytes} bytes`);
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new ValidationError('body', 'json', 'the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ValidationError('body', 'object', 'the body must be a JSON object');
  }
  return body as Record<string, unknown>;
}
