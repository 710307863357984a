/** Disk faults for tests: damaged pages in a store file, and a small tmpfs filled to the last byte. */

import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statfsSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "libsql";

/**
 * Overwrites every other page of the second half of a SQLite file with junk, leaving page 1 (the
 * header and schema) intact, after moving everything out of the WAL. Returns the page count.
 */
export function corruptPages(file: string): number {
  const checkpoint = new Database(file);
  checkpoint.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  checkpoint.close();
  const pageSize = readFileSync(file).readUInt16BE(16);
  const pages = statSync(file).size / pageSize;
  const fd = openSync(file, "r+");
  for (let page = Math.floor(pages / 2); page < pages - 1; page += 2)
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, page * pageSize);
  closeSync(fd);
  return pages;
}

/** Whether this process may mount a tmpfs (root in a container usually may); checked with a 1 MB one. */
export const canMountTmpfs = (() => {
  const dir = mkdtempSync(join(tmpdir(), "nhsai-mount-check-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();

/** A tmpfs of `megabytes`, and how to remove it (lazily: a store may still be closing). */
export function mountTmpfs(megabytes: number): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "nhsai-full-"));
  execFileSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m`, "tmpfs", dir], { stdio: "ignore" });
  return {
    dir,
    remove: () => {
      execFileSync("umount", ["-l", dir], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Fills the disk holding `dir` to the last byte with one file (returned). Refuses unless that disk
 * is at most `megabytes` in all, so a mistake can never fill the machine's own disk.
 */
export function fillDisk(dir: string, megabytes: number): string {
  const limit = megabytes * 1024 * 1024;
  const disk = statfsSync(dir);
  if (disk.blocks * disk.bsize > limit) throw new Error(`${dir} is not a disk of at most ${megabytes} MB`);
  const filler = join(dir, "filler");
  const fd = openSync(filler, "w");
  const block = Buffer.alloc(1024 * 1024);
  let written = 0;
  try {
    for (let size = block.length; size >= 1; size = Math.floor(size / 2)) {
      try {
        while (written <= limit) written += writeSync(fd, block, 0, size);
      } catch {}
    }
  } finally {
    closeSync(fd);
  }
  return filler;
}
