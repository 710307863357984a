/**
 * `nhsai doctor --online` with Teams credentials: a real token request to a fake Entra ID on
 * 127.0.0.1 (over https with a test certificate: MSAL refuses plain http), through the same MSAL
 * credentials the bot uses. A refused secret or an unknown app is a PROBLEM with its fix; settings
 * whose app type and tenant disagree are caught before any request.
 */

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { globalAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rootCertificates } from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkTeamsToken } from "../../adapters/teams/check-token.js";
import { ROOT } from "../helpers/factories.js";
import { outputOf } from "../helpers/processes.js";
import { aadError, type FakeEntra, startFakeEntra, TLS, token } from "../teams/fake-entra.js";

const APP_ID = "0b5e7a1c-2d3e-4f50-8a6b-7c8d9e0f1a2b";
const TENANT = "7d1f3a5b-9c2e-4d6f-8a0b-1c3e5f7a9b2d";
const cli = join(ROOT, "dist", "adapters", "cli", "nhsai.js");

let entra: FakeEntra | undefined;
const dataDir = join(mkdtempSync(join(tmpdir(), "nhsai-doctor-teams-")), "data");
afterEach(async () => {
  await entra?.close();
  entra = undefined;
});

// In this process (child processes get NODE_EXTRA_CA_CERTS), MSAL's https requests trust the test certificate.
const defaultCa = globalAgent.options.ca;
beforeAll(() => {
  globalAgent.options.ca = [readFileSync(join(TLS, "cert.pem"), "utf8"), ...rootCertificates];
});
afterAll(() => {
  globalAgent.options.ca = defaultCa;
  rmSync(join(dataDir, ".."), { recursive: true, force: true });
});

function doctor(env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(SLACK_|MICROSOFT_|TEAMS_|DATABASE_URL$)/.test(name)),
  );
  return outputOf(
    spawn(process.execPath, [cli, "doctor", "--online"], {
      env: { ...clean, NHSAI_DOTENV: "off", NODE_EXTRA_CA_CERTS: join(TLS, "cert.pem"), ...env },
    }),
  );
}

describe("nhsai doctor --online with Teams credentials", () => {
  it("fetches a Bot Framework token from the app's own tenant for a SingleTenant bot", async () => {
    entra = await startFakeEntra(token);
    const { code, stdout } = await doctor({
      DATA_DIR: dataDir,
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "the-client-secret",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: TENANT,
      MICROSOFT_LOGIN_URL: entra.url,
    });
    expect(stdout).toContain(`ok       online: Entra ID issued a Bot Framework token for app ${APP_ID}`);
    expect(code).toBe(0);
    expect(entra.requests).toHaveLength(1);
    const [request] = entra.requests;
    expect(request?.tenant).toBe(TENANT);
    expect(request?.form.get("client_id")).toBe(APP_ID);
    expect(request?.form.get("client_secret")).toBe("the-client-secret");
    expect(request?.form.get("scope")).toBe("https://api.botframework.com/.default");
  });

  it("says a refused client secret is a PROBLEM and how to make a new one", async () => {
    entra = await startFakeEntra(() => aadError(7000215));
    const { code, stdout } = await doctor({
      DATA_DIR: dataDir,
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "a-secret-id-not-its-value",
      MICROSOFT_APP_TYPE: "MultiTenant",
      MICROSOFT_LOGIN_URL: entra.url,
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /PROBLEM {2}online: Entra ID refused the Teams credentials \(invalid_client\): MICROSOFT_APP_PASSWORD is not a client secret of this app: .*copy its Value/,
    );
    // A MultiTenant bot's token comes from the Bot Framework tenant.
    expect(entra.requests[0]?.tenant).toBe("botframework.com");
  });

  it("reads an unknown multi-tenant app as a SingleTenant bot configured as MultiTenant", async () => {
    entra = await startFakeEntra(() => aadError(700016, "unauthorized_client"));
    const result = await checkTeamsToken({
      appId: APP_ID,
      password: "secret",
      type: "MultiTenant",
      tenantId: undefined,
      loginUrl: entra.url,
    });
    expect(result).toEqual({
      ok: false,
      problem: expect.stringContaining("set MICROSOFT_APP_TYPE=SingleTenant and MICROSOFT_APP_TENANT_ID"),
    });
  });

  it("gives up on a token endpoint that does not answer, naming the network and proxy", async () => {
    entra = await startFakeEntra(() => "hang");
    const started = Date.now();
    const result = await checkTeamsToken(
      { appId: APP_ID, password: "secret", type: "SingleTenant", tenantId: TENANT, loginUrl: entra.url },
      300,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result).toEqual({ ok: false, problem: expect.stringMatching(/did not answer within 0.3 s: .*HTTPS_PROXY/) });
  });

  it("never sends the secret anywhere but Entra ID or an https address on this machine", async () => {
    for (const loginUrl of ["http://127.0.0.1:9/", "https://login.example.org/", "not a url"]) {
      const result = await checkTeamsToken({
        appId: APP_ID,
        password: "s",
        type: "MultiTenant",
        tenantId: undefined,
        loginUrl,
      });
      expect(result).toEqual({ ok: false, problem: expect.stringContaining("MICROSOFT_LOGIN_URL is ") });
    }
  });

  it("catches an app type and tenant that disagree before asking for a token", async () => {
    entra = await startFakeEntra(token);
    const base = {
      DATA_DIR: dataDir,
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: "secret",
      MICROSOFT_LOGIN_URL: entra.url,
    };
    const tenantWithoutType = await doctor({ ...base, MICROSOFT_APP_TENANT_ID: TENANT });
    expect(tenantWithoutType.code).toBe(1);
    expect(tenantWithoutType.stdout).toContain(
      "PROBLEM  configuration: MICROSOFT_APP_TENANT_ID is set but MICROSOFT_APP_TYPE is not, so the tenant is ignored",
    );
    const notGuids = await doctor({
      ...base,
      MICROSOFT_APP_ID: "my-bot",
      MICROSOFT_APP_TYPE: "SingleTenant",
      MICROSOFT_APP_TENANT_ID: "NHS tenant",
    });
    expect(notGuids.stdout).toContain(
      "PROBLEM  configuration: MICROSOFT_APP_ID should be the app registration's Application (client) ID, a GUID",
    );
    expect(notGuids.stdout).toContain(
      "PROBLEM  configuration: MICROSOFT_APP_TENANT_ID should be the Directory (tenant) ID, a GUID",
    );
    const multiWithTenant = await doctor({
      ...base,
      MICROSOFT_APP_TYPE: "MultiTenant",
      MICROSOFT_APP_TENANT_ID: TENANT,
    });
    expect(multiWithTenant.stdout).toContain(
      "WARNING  configuration: MICROSOFT_APP_TENANT_ID is ignored for a MultiTenant bot",
    );
    expect(multiWithTenant.code).toBe(0);
    // Only the consistent settings reached Entra ID.
    expect(entra.requests).toHaveLength(1);
  });
});
