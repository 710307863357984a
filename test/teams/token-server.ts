/**
 * A loopback OpenID/JWKS key server standing in for Bot Framework's, and RS256 tokens signed with
 * node:crypto, for the token matrix. Each server has its own URL, so
 * botbuilder's process-wide OpenID metadata cache never carries keys from one test to another.
 */

import { createHmac, createPublicKey, createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import type { ServiceClientCredentialsFactory } from "botframework-connector";

export const APP_ID = "00000000-0000-4000-8000-00000000b07a";
export const ISSUER = "https://api.botframework.test";
export const OUTBOUND_TOKEN = "outbound-test-token";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function signingKey(kid: string, endorsements = ["msteams"]): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, use: "sig", kty: "RSA", endorsements };
  return { kid, privateKey, jwk };
}

export async function startKeyServer(
  keys: SigningKey[],
): Promise<{ metadataUrl: string; keyFetches: () => number; close(): Promise<void> }> {
  let keyFetches = 0;
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    res.writeHead(200, { "content-type": "application/json" });
    if (req.url === "/openid")
      res.end(
        JSON.stringify({ issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] }),
      );
    else {
      keyFetches += 1;
      res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    metadataUrl: `http://127.0.0.1:${port}/openid`,
    keyFetches: () => keyFetches,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * A signed JWT; `claims` override the valid defaults for `serviceUrl`. `HS256` is the algorithm
 * confusion attack: an HMAC keyed with the (public) key's PEM, which a lax verifier would accept.
 */
export function signToken(
  key: SigningKey,
  serviceUrl: string,
  claims: Record<string, unknown> = {},
  alg = "RS256",
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg, typ: "JWT", kid: key.kid, x5t: key.kid });
  const payload = b64({ iss: ISSUER, aud: APP_ID, nbf: now - 60, exp: now + 3600, serviceurl: serviceUrl, ...claims });
  if (alg === "none") return `${header}.${payload}.`;
  if (alg === "HS256") {
    const publicPem = createPublicKey(key.privateKey).export({ type: "spki", format: "pem" });
    return `${header}.${payload}.${createHmac("sha256", publicPem).update(`${header}.${payload}`).digest("base64url")}`;
  }
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key.privateKey).toString("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Outbound credentials that need no Entra ID: a fixed bearer token, for this app id only. */
export const testCredentials: ServiceClientCredentialsFactory = {
  isValidAppId: async (appId: string) => appId === APP_ID,
  isAuthenticationDisabled: async () => false,
  createCredentials: async () =>
    ({
      appId: APP_ID,
      getToken: async () => OUTBOUND_TOKEN,
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set("authorization", `Bearer ${OUTBOUND_TOKEN}`);
        return request;
      },
    }) as never,
};
