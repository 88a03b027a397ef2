import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
/** Bilingual message text, structurally the same as i18n's Text (util sits below i18n). */
type Text = { zh: string; en: string };

/** Why a file was not read: not a regular file (FIFO, device, folder), larger than allowed, or an I/O error. */
export class BoundedReadError extends Error {
  constructor(readonly text: Text, readonly reason: 'not-regular' | 'too-large' | 'io') {
    super(text.en);
  }
}

/**
 * Open `file` for reading only if it is a regular file. stat() first (it does not block on a
 * FIFO, open() would wait for a writer), then open with O_NONBLOCK and check the descriptor
 * again, so a file swapped for a FIFO in between is still refused.
 */
function openRegular(file: string): { fd: number; size: number } {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new BoundedReadError({ zh: `无法读取 ${file}（${code}）`, en: `cannot read ${file} (${code})` }, 'io');
  }
  const notRegular = () => new BoundedReadError({
    zh: `${file} 不是普通文件（管道、设备或目录），不读取`,
    en: `${file} is not a regular file (a FIFO, device or folder); not reading it`,
  }, 'not-regular');
  if (!st.isFile()) throw notRegular();
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const fst = fstatSync(fd);
  if (!fst.isFile()) {
    closeSync(fd);
    throw notRegular();
  }
  return { fd, size: fst.size };
}

/** The whole of a regular file of at most `maxBytes`; FIFOs, devices and larger files are refused. */
export function readRegularFile(file: string, maxBytes: number): Buffer {
  const { fd, size } = openRegular(file);
  try {
    if (size > maxBytes) {
      throw new BoundedReadError({
        zh: `${file} 过大（${size} 字节，上限 ${maxBytes} 字节）`,
        en: `${file} is too large (${size} bytes, the limit is ${maxBytes})`,
      }, 'too-large');
    }
    // read at most maxBytes + 1 even if the file grew after fstat
    const buf = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0;) n += r;
    if (n > maxBytes) throw new BoundedReadError({ zh: `${file} 读取时变大，超过上限 ${maxBytes} 字节`, en: `${file} grew past the limit of ${maxBytes} bytes while read` }, 'too-large');
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The first `bytes` bytes of a regular file (fewer if it is shorter); FIFOs and devices are refused. */
export function readRegularFileHead(file: string, bytes: number): Buffer {
  const { fd } = openRegular(file);
  try {
    const buf = Buffer.alloc(bytes);
    let n = 0;
    for (let r; n < bytes && (r = readSync(fd, buf, n, bytes - n, null)) > 0;) n += r;
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}
