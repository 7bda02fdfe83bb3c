// A file picked on the phone, as the API takes it: base64 in the JSON body (as a task's progress report).
import { readAsBase64 } from '../../lib/files.js';

/** The chosen file could not be read on this device (moved, permission withdrawn). */
export class UnreadableFile extends Error {}

export async function attachmentOf(file: File | null): Promise<{ fileName: string; contentBase64: string; mimeType?: string } | null> {
  if (!file) return null;
  let contentBase64: string;
  try {
    contentBase64 = await readAsBase64(file);
  } catch {
    throw new UnreadableFile();
  }
  return { fileName: file.name, contentBase64, ...(file.type ? { mimeType: file.type.slice(0, 100) } : {}) };
}
