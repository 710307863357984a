/**
 * The fetch ingestion really uses: undici's, with a connection-time DNS check. The URL policy
 * checks a host before the request, but the connection resolves the name again; a DNS answer that
 * changed in between (DNS rebinding) would otherwise reach a private or metadata address. Here the
 * very addresses the socket will use are checked, with the same rules.
 */

import { type LookupAddress, lookup } from "node:dns";
import { Agent, fetch as undiciFetch } from "undici";
import { refuseAddress } from "../../src/index.js";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export function guardedFetch(allowPrivate: boolean): typeof fetch {
  const checkedLookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = refuseAddress(address, allowPrivate);
        if (refusal) return callback(new Error(`${hostname} resolves to ${address}, ${refusal}`), []);
      }
      const [first] = addresses;
      if (options.all) return callback(null, addresses);
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      return callback(null, first.address, first.family);
    });
  };
  const agent = new Agent({ connect: { lookup: checkedLookup as never } });
  return ((input: string | URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch;
}
