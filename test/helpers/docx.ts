import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

/**
 * Reading a .docx in tests without another dependency: one entry of the zip archive (stored
 * or deflated) found through the central directory, and the text of word/document.xml.
 */
export function unzipEntry(zip: Buffer, name: string): string {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return data.toString('utf8');
      if (method === 8) return inflateRawSync(data).toString('utf8');
      throw new Error(`unsupported compression method ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not found in archive`);
}

const decodeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** Text of a Word document: the runs of each paragraph joined, paragraphs joined with "\n". */
export function docxText(docx: Buffer): string {
  const xml = unzipEntry(docx, 'word/document.xml');
  const paragraphs = xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? [];
  return paragraphs
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1] ?? '')).join(''))
    .join('\n');
}

/**
 * Opens Word files in the real office suite (Debian libreoffice-writer-nogui) and converts them to
 * PDF in one run: each PDF's "Page size" line (pdfinfo) and its text (pdftotext, poppler-utils) in
 * NFC. fonts-liberation2 gives Times New Roman's metric twin full Vietnamese coverage; without it
 * letters like "ạ" fall back to another font and split words.
 */
export function convertDocxToPdf(files: Record<string, Buffer>): Record<string, { pageSize: string; text: string }> {
  return convertToPdf(files, 'docx', 'libreoffice-writer-nogui');
}

/** The same for Excel workbooks, opened in LibreOffice Calc (Debian libreoffice-calc-nogui). */
export function convertXlsxToPdf(files: Record<string, Buffer>): Record<string, { pageSize: string; text: string }> {
  return convertToPdf(files, 'xlsx', 'libreoffice-calc-nogui');
}

function convertToPdf(files: Record<string, Buffer>, ext: 'docx' | 'xlsx', suite: string): Record<string, { pageSize: string; text: string }> {
  for (const [tool, pkg] of [['soffice', suite], ['pdftotext', 'poppler-utils']] as const) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
      throw new Error(`${tool} not found — install the Debian package: apt-get install ${pkg}`);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tusoi-office-'));
  try {
    const names = Object.keys(files);
    for (const name of names) fs.writeFileSync(path.join(dir, `${name}.${ext}`), files[name]!);
    const convert = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => path.join(dir, `${n}.${ext}`))],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (convert.status !== 0) throw new Error(`soffice failed (${convert.status}): ${convert.stderr}`);
    return Object.fromEntries(
      names.map((name) => {
        const pdf = path.join(dir, `${name}.pdf`);
        // soffice exits 0 even when it cannot load a file (e.g. a workbook without the Calc module).
        if (!fs.existsSync(pdf)) throw new Error(`soffice did not open ${name}.${ext} (is ${suite} installed?): ${convert.stderr}${convert.stdout}`);
        const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
        const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.normalize('NFC');
        return [name, { pageSize: /^Page size:.*$/m.exec(info)?.[0] ?? '', text }];
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
