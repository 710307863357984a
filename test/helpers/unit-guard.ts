/**
 * Set up before every file of the `unit` project (`npm run test:unit`): a unit test starts no
 * process, server or browser, so starting one fails at once, naming where the file belongs.
 */

import childProcess from "node:child_process";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";

function refuse(what: string): never {
  throw new Error(
    `a unit test must not ${what}: list this file under INTEGRATION in vitest.config.ts (it then runs in \`npm test\` only)`,
  );
}

for (const name of ["spawn", "spawnSync", "exec", "execSync", "execFile", "execFileSync", "fork"] as const)
  Object.assign(childProcess, { [name]: () => refuse(`start a process (child_process.${name})`) });
net.Server.prototype.listen = () => refuse("start a server (listen)");
// Named imports of node:child_process and node:net see the replacements too.
syncBuiltinESMExports();
