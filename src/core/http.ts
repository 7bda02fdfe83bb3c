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
