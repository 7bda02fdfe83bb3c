/** Small HTTP helpers the routes of several features share. */

/** RFC 5987 encoding of a file name for Content-Disposition (Vietnamese names survive). */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=UTF-8''${encoded}`;
}

/**
 * The body limit of a route whose JSON carries a file as base64: `maxFileBytes` of file is about
 * 4/3 as much text, plus room for the rest of the body. Every other route keeps the app's 1 MB.
 */
export const bodyLimitForFile = (maxFileBytes: number): number => Math.ceil((maxFileBytes * 4) / 3) + 1024 * 1024;

/** A stored file sent back as a download: its own type, never sniffed, never cached. */
export function sendFile(reply: { header(name: string, value: string | number): unknown; send(payload: Buffer): unknown }, file: { fileName: string; mimeType: string; content: Buffer }) {
  reply.header('content-type', file.mimeType);
  reply.header('content-length', file.content.length);
  reply.header('content-disposition', contentDisposition(file.fileName));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'private, no-store');
  return reply.send(file.content);
}
