/**
 * `nhsai doctor --online` for Teams: fetches a Bot Framework token from Entra ID with the
 * configured app id, client secret and tenant, through botframework-connector's own MSAL
 * credentials (what the bot does before every reply it sends), so a wrong secret, an expired one,
 * or an app registered in another tenant is found before the first proactive briefing fails.
 *
 * MICROSOFT_LOGIN_URL replaces https://login.microsoftonline.com for tests only: an https address
 * on this machine (MSAL refuses plain http), whose host is then trusted without Microsoft's
 * instance discovery.
 */

import { ConfidentialClientApplication } from "@azure/msal-node";
import { MsalAppCredentials } from "botframework-connector";
import { isLoopbackHost } from "../../src/index.js";

/** The CommonJS typing of msal-node's client, which botframework-connector's declarations name. */
type ClientApplication = import("@azure/msal-node", { with: {
  "resolution-mode": "require",
}}).ConfidentialClientApplication;

export type TeamsTokenCheck = { ok: true; authority: string } | { ok: false; problem: string };

export interface TeamsTokenSettings {
  appId: string;
  password: string;
  type: "MultiTenant" | "SingleTenant";
  tenantId: string | undefined;
  loginUrl: string | undefined;
}

const LOGIN = "https://login.microsoftonline.com";
/** The audience of tokens the Bot Connector service accepts. */
const BOT_FRAMEWORK_SCOPE = "https://api.botframework.com";
/** Multi-tenant bots get their token from the Bot Framework's own tenant. */
const MULTI_TENANT = "botframework.com";
const TOKEN_TIMEOUT_MS = 10_000;

/** What to do about the Entra ID (AADSTS) errors a wrong registration gives. */
const FIXES: [code: string, fix: (s: TeamsTokenSettings) => string][] = [
  [
    "7000215",
    () =>
      "MICROSOFT_APP_PASSWORD is not a client secret of this app: in the app registration's Certificates & secrets, create one and copy its Value (not its Secret ID)",
  ],
  [
    "7000222",
    () => "the client secret has expired: create a new one in the app registration and set MICROSOFT_APP_PASSWORD",
  ],
  [
    "700016",
    (s) =>
      s.type === "SingleTenant"
        ? `no app ${s.appId} in tenant ${s.tenantId}: set MICROSOFT_APP_TENANT_ID to the Directory (tenant) ID shown beside the app registration`
        : `no multi-tenant app ${s.appId}: the Azure Bot is probably SingleTenant, so set MICROSOFT_APP_TYPE=SingleTenant and MICROSOFT_APP_TENANT_ID`,
  ],
  ["90002", (s) => `tenant ${s.tenantId} does not exist: copy the Directory (tenant) ID from the app registration`],
  ["900023", (s) => `${s.tenantId} is not a tenant id: use the Directory (tenant) ID, a GUID`],
  ["700023", () => "the app is single-tenant: set MICROSOFT_APP_TYPE=SingleTenant and MICROSOFT_APP_TENANT_ID"],
];

export async function checkTeamsToken(
  settings: TeamsTokenSettings,
  timeoutMs = TOKEN_TIMEOUT_MS,
): Promise<TeamsTokenCheck> {
  const base = loginBase(settings.loginUrl);
  if (!base.ok) return base;
  const tenant = settings.type === "SingleTenant" ? (settings.tenantId ?? "") : MULTI_TENANT;
  const authority = `${base.url}/${tenant}`;
  const application = new ConfidentialClientApplication({
    auth: {
      clientId: settings.appId,
      clientSecret: settings.password,
      authority,
      ...(base.url === LOGIN ? {} : { knownAuthorities: [new URL(base.url).host] }),
    },
  });
  // msal-node ships separate ESM and CommonJS typings, and botframework-connector names the CommonJS one:
  // one class at run time, two to TypeScript.
  const credentials = new MsalAppCredentials(
    application as unknown as ClientApplication,
    settings.appId,
    authority,
    BOT_FRAMEWORK_SCOPE,
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TokenTimeout()), timeoutMs);
  });
  try {
    await Promise.race([credentials.getToken(true), timeout]);
    return { ok: true, authority };
  } catch (error) {
    return { ok: false, problem: problemOf(error, settings, authority, timeoutMs) };
  } finally {
    clearTimeout(timer);
  }
}

class TokenTimeout extends Error {}

function loginBase(loginUrl: string | undefined): { ok: true; url: string } | { ok: false; problem: string } {
  if (!loginUrl) return { ok: true, url: LOGIN };
  let url: URL;
  try {
    url = new URL(loginUrl);
  } catch {
    return { ok: false, problem: "MICROSOFT_LOGIN_URL is not a URL (it is for tests only: leave it unset)" };
  }
  if (url.protocol !== "https:" || !isLoopbackHost(url.hostname))
    return {
      ok: false,
      problem:
        "MICROSOFT_LOGIN_URL is for tests only: an https address on this machine; leave it unset to use Entra ID",
    };
  return { ok: true, url: url.origin };
}

function problemOf(error: unknown, settings: TeamsTokenSettings, authority: string, timeoutMs: number): string {
  if (error instanceof TokenTimeout)
    return `Entra ID (${authority}) did not answer within ${timeoutMs / 1000} s: check the network and HTTPS_PROXY`;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { errorCode?: string }).errorCode ?? "";
  const fix = FIXES.find(([aadsts]) => new RegExp(`\\b(?:AADSTS)?${aadsts}\\b`).test(message))?.[1];
  if (fix) return `Entra ID refused the Teams credentials (${code || "error"}): ${fix(settings)}`;
  if (code === "invalid_client" || code === "unauthorized_client")
    return `Entra ID refused the Teams credentials (${code}): check MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD, MICROSOFT_APP_TYPE and MICROSOFT_APP_TENANT_ID against the app registration`;
  return `Entra ID (${authority}) could not be reached for a Teams token (${(code || message).slice(0, 120)}): check the network and HTTPS_PROXY`;
}
