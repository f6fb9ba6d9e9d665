/**
 * Reads a reply's body within `maxResponseBytes`, decoded with the charset it declares.
 *
 * Fast path: a declared Content-Length within the cap (and no Content-Encoding, whose decoded size
 * the length says nothing about) is read whole by fetch itself; fetch fails a body that does not
 * match its length. Otherwise the body is read chunk by chunk and the read stops (and the
 * connection is dropped) as soon as the count passes the cap.
 */
import { ResponseTooLargeError, type CallContext } from "./errors.js";

const utf8Decoder = new TextDecoder();

/** The declared charset, or undefined for UTF-8 (the default, and what `Response.text()` decodes). */
function charsetOf(contentType: string | null): string | undefined {
  const label = contentType && /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  return !label || label === "utf-8" || label === "utf8" ? undefined : label;
}

function decode(bytes: Uint8Array | ArrayBuffer, charset: string | undefined): string {
  if (charset === undefined) return utf8Decoder.decode(bytes);
  let decoder = utf8Decoder; // for a label TextDecoder does not know, as Response.text() would
  try {
    decoder = new TextDecoder(charset);
  } catch {}
  return decoder.decode(bytes);
}

/**
 * The body as text (or a Blob); throws (or rejects with) ResponseTooLargeError past `maxBytes`.
 * Not an async function, so the common case hands back fetch's own promise without another one.
 */
export function readBody(response: Response, asBlob: boolean, maxBytes: number, context: () => CallContext): Promise<string | Blob> {
  const length = response.headers.get("content-length");
  const declared = length !== null && !response.headers.has("content-encoding") ? Number(length) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(context(), response.status, maxBytes);
  }
  const contentType = response.headers.get("content-type");
  const charset = asBlob ? undefined : charsetOf(contentType);
  if (declared !== undefined) {
    if (asBlob) return response.blob();
    return charset === undefined ? response.text() : response.arrayBuffer().then((bytes) => decode(bytes, charset));
  }
  return readCapped(response, maxBytes, context).then((bytes) =>
    asBlob ? new Blob([bytes], contentType ? { type: contentType } : {}) : decode(bytes, charset),
  );
}

async function readCapped(response: Response, maxBytes: number, context: () => CallContext): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      void reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(context(), response.status, maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
