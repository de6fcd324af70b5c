import { createInflateRaw } from 'node:zlib';

/** Limits for an uploaded .xlsx (a zip): a 200 000-row list is ~10 MB packed, ~80 MB unpacked. */
export const ZIP_LIMITS = { maxEntries: 500, maxEntryBytes: 150 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200 };

export class ZipRefused extends Error {}

const CORRUPT = '无法读取该 .xlsx 文件（文件已损坏或不是 Excel 表格），请重新导出后上传';

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

function centralDirectory(bytes: Buffer): Entry[] {
  // End of central directory: 22 bytes + a comment of up to 65 535 bytes at the end of the file.
  const from = Math.max(0, bytes.length - 22 - 65_535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused(CORRUPT);
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ZipRefused('文件过大（ZIP64），请分批上传');
  if (count > ZIP_LIMITS.maxEntries) throw new ZipRefused(`文件结构异常（包含 ${count} 个部件），请用 Excel 另存为后再上传`);
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw new ZipRefused(CORRUPT);
    const nameLength = bytes.readUInt16LE(p + 28);
    entries.push({
      method: bytes.readUInt16LE(p + 10),
      compressed: bytes.readUInt32LE(p + 20),
      uncompressed: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry as a stream, counting bytes, and stops as soon as it passes `limit`. */
function inflatedSize(bytes: Buffer, entry: Entry, limit: number): Promise<number> {
  const local = entry.localOffset;
  if (bytes.readUInt32LE(local) !== 0x04034b50) return Promise.reject(new ZipRefused(CORRUPT));
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (entry.method === 0) return Promise.resolve(data.length);
  if (entry.method !== 8) return Promise.reject(new ZipRefused('文件使用了不支持的压缩方式，请用 Excel 另存为后再上传'));
  return new Promise((resolve, reject) => {
    let total = 0;
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        reject(new ZipRefused('文件解压后过大，请分批上传（每个文件不超过 20 万行）'));
      }
    });
    inflate.on('error', () => reject(new ZipRefused(CORRUPT)));
    inflate.on('end', () => resolve(total));
    inflate.end(data);
  });
}

/**
 * Checks an uploaded zip before any parser sees it: the number of parts, each part's and the
 * total unpacked size (as declared, then as really inflated — a declaration can lie), and the
 * packing ratio. A 414 KB file that unpacks to 400 MB of shared strings is refused without
 * holding more than one chunk of it in memory.
 */
export async function assertSafeZip(bytes: Buffer): Promise<void> {
  const entries = centralDirectory(bytes);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressed;
    if (e.uncompressed > ZIP_LIMITS.maxEntryBytes || declared > ZIP_LIMITS.maxTotalBytes)
      throw new ZipRefused('文件解压后过大，请分批上传（每个文件不超过 20 万行）');
    if (e.compressed > 0 && e.uncompressed / e.compressed > ZIP_LIMITS.maxRatio && e.uncompressed > 1024 * 1024) {
      throw new ZipRefused('文件压缩比异常，疑似恶意文件，已拒绝');
    }
  }
  let real = 0;
  for (const e of entries) {
    real += await inflatedSize(bytes, e, Math.min(ZIP_LIMITS.maxEntryBytes, ZIP_LIMITS.maxTotalBytes - real));
  }
}
