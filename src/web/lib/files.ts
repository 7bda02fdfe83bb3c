import { formatNumber } from './format.js';

/** A file size as people read it: "850 KB", "2,3 MB" (decimal comma in Vietnamese). */
export function formatBytes(bytes: number, lng: string): string {
  if (bytes < 1024) return `${formatNumber(bytes, lng, 0)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lng, 0)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), lng, 1)} MB`;
}

/** A file's content as base64 (no data: prefix), reporting how much has been read. */
export function readAsBase64(file: File, onProgress: (fraction: number) => void = () => {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}
