/** Test-only zip building: archives with honest or lying sizes, for the zip-bomb and corrupt-workbook tests. */
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The entry's content, deflated by the builder… */
  data?: Uint8Array;
  /** …or an already deflated stream (see `zerosDeflated`). */
  packed?: Uint8Array;
  /** Declare another unpacked size than the data's (a lying archive). */
  declaredSize?: number;
}

/** A raw deflate stream of `megabytes` MB of zeros, built without holding them: one flushed 1 MB block repeated. */
export function zerosDeflated(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => block), end]));
}

/** A zip archive of deflated entries (no CRC check is made by the reader under test, so CRCs are 0). */
export function buildZip(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const packed = entry.packed === undefined ? deflateRawSync(entry.data ?? new Uint8Array(0)) : Buffer.from(entry.packed);
    const size = entry.declaredSize ?? entry.data?.length ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
