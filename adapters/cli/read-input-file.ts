/**
 * A local file for `nhsai ingest`, read safely: only a regular file (a FIFO would block forever,
 * /dev/zero never ends, a socket or device is no article), checked again on the open handle so a
 * swap after the first look changes nothing, and never more than the limit in memory: the size is
 * counted while reading, so a file that grows meanwhile is cut off at the limit and refused.
 */

import type { Stats } from "node:fs";
import { constants, open } from "node:fs/promises";
import { tooLarge } from "../../src/index.js";

export type FileRead = { ok: true; text: string } | { ok: false; reason: string };

const CHUNK_BYTES = 64 * 1024;

export async function readInputFile(path: string, info: Stats, maxBytes: number): Promise<FileRead> {
  if (!info.isFile()) return notRegular(info);
  if (info.size > maxBytes) return { ok: false, reason: tooLarge(maxBytes) };
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Non-blocking, so a path swapped for a FIFO with no writer cannot hang the open itself.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${codeOf(error)})` };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return notRegular(opened);
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > maxBytes) return { ok: false, reason: tooLarge(maxBytes) };
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return textOf(Buffer.concat(chunks));
  } catch (error) {
    return { ok: false, reason: `cannot be read (${codeOf(error)})` };
  } finally {
    await handle.close();
  }
}

/** How much of a file is looked at for a NUL byte, as git does to tell binary from text. */
const SNIFF_BYTES = 8_000;

/**
 * The file's text, or a refusal when it is not text at all: a NUL byte near the start, or more than
 * a tenth of it undecodable. An image or an archive was otherwise stored as an "article" of
 * replacement characters; a text with a few stray bytes (an old Windows file) is still read.
 */
function textOf(bytes: Buffer): FileRead {
  const binary = { ok: false as const, reason: "is not text (it looks like a binary file), so it is not read" };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return binary;
  const text = bytes.toString("utf8");
  let undecodable = 0;
  for (const char of text) if (char === "\uFFFD") undecodable += 1;
  return undecodable > text.length / 10 ? binary : { ok: true, text };
}

function notRegular(info: Stats): FileRead {
  const kind = info.isFIFO()
    ? "a named pipe"
    : info.isSocket()
      ? "a socket"
      : info.isCharacterDevice() || info.isBlockDevice()
        ? "a device"
        : info.isDirectory()
          ? "a folder"
          : "not a file";
  return { ok: false, reason: `is ${kind}, not a regular file, so it is not read` };
}

export function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code !== "string") return error instanceof Error ? error.message : String(error);
  // The common ones in words, the code kept for searching.
  const words = FS_ERRORS[code];
  return words ? `${words}, ${code}` : code;
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "not permitted",
  EISDIR: "a folder, not a file",
  ENOTDIR: "a path through something that is not a folder",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
};
