/** Memory figures after a full garbage collection (the bench runs under `node --expose-gc`). */

export interface MemoryFigures {
  rssMb: number;
  /** V8 heap in use plus ArrayBuffer backing stores (typed arrays live there). */
  heapMb: number;
}

const MB = 1024 * 1024;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc (npm run bench does)");
  // Twice: the first pass may only free what finalisers release for the second.
  gc();
  gc();
}

export function memoryAfterGc(): MemoryFigures {
  collectGarbage();
  const m = process.memoryUsage();
  return { rssMb: m.rss / MB, heapMb: (m.heapUsed + m.arrayBuffers) / MB };
}
