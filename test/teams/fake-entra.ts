/**
 * A fake Entra ID on 127.0.0.1 for Teams credentials: the OpenID discovery document MSAL reads and
 * the token endpoint it posts the client secret to. Over https with the test certificate in
 * test/fixtures/loopback-tls (MSAL refuses plain http); a child process trusts it through
 * NODE_EXTRA_CA_CERTS=<TLS>/cert.pem, and nhsai is pointed at it with MICROSOFT_LOGIN_URL.
 */

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { ROOT } from "../helpers/factories.js";

export const TLS = join(ROOT, "test", "fixtures", "loopback-tls");

export interface FakeEntra {
  url: string;
  /** Token requests: the tenant in the path and the form fields sent. */
  requests: { tenant: string; form: URLSearchParams }[];
  close(): Promise<void>;
}

/** Entra ID's discovery document and token endpoint; `answer` decides each token request. */
export async function startFakeEntra(
  answer: (form: URLSearchParams) => { status: number; body: object } | "hang",
): Promise<FakeEntra> {
  const requests: FakeEntra["requests"] = [];
  let base = "";
  const server: Server = createServer(
    { key: readFileSync(join(TLS, "key.pem")), cert: readFileSync(join(TLS, "cert.pem")) },
    (req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const tenant = (req.url ?? "").split("/")[1] ?? "";
        res.setHeader("content-type", "application/json");
        if (req.url?.includes("/.well-known/openid-configuration")) {
          const at = `${base}/${tenant}`;
          res.end(
            JSON.stringify({
              token_endpoint: `${at}/oauth2/v2.0/token`,
              authorization_endpoint: `${at}/oauth2/v2.0/authorize`,
              end_session_endpoint: `${at}/oauth2/v2.0/logout`,
              issuer: `${at}/v2.0`,
              jwks_uri: `${at}/discovery/v2.0/keys`,
            }),
          );
          return;
        }
        const form = new URLSearchParams(body);
        requests.push({ tenant, form });
        const reply = answer(form);
        if (reply === "hang") return;
        res.statusCode = reply.status;
        res.end(JSON.stringify(reply.body));
      });
    },
  );
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const token = () => ({
  status: 200,
  body: { token_type: "Bearer", expires_in: 3599, access_token: "eyJ.fake.token" },
});
export const aadError = (code: number, error = "invalid_client") => ({
  status: 401,
  body: { error, error_description: `AADSTS${code}: refused by the fake.`, error_codes: [code] },
});
