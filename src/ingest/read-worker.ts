/** The worker-thread side of the read pool: one task in, its result out (see read-pool.ts). */

import { type ReadTask, runReadTask } from "./read-task.js";

export default function readInWorker(task: ReadTask) {
  return runReadTask(task);
}
