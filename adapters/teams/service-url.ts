/**
 * Where the bot may send: the Bot Framework `serviceUrl` of an activity or a stored conversation
 * reference is caller-supplied data, so it is checked against an allow-list of exact origins
 * before any outbound request ( no SSRF to 169.254.169.254, no
 * "smba.trafficmanager.net.evil.com").
 */

/**
 * Teams' connector origins: the public cloud's, and the US government clouds' (GCC, GCC High, DoD)
 * as the Microsoft 365 Agents SDK lists them in `TeamsServiceEndpoints`. Regional paths
 * (`/emea/`, `/uk/`, `/teams/`) share the origin.
 */
const TEAMS_SERVICE_ORIGINS: ReadonlySet<string> = new Set([
  "https://smba.trafficmanager.net",
  "https://smba.infra.gcc.teams.microsoft.com",
  "https://smba.infra.gov.teams.microsoft.us",
  "https://smba.infra.dod.teams.microsoft.us",
]);

export interface ServiceUrlPolicy {
  /**
   * Teams' own connectors: only with an app id, since without one nothing is authenticated and
   * the bot would send to Microsoft as whoever asked.
   */
  allowTeams: boolean;
  /** TEAMS_LOCAL=1: a local client (Agents Playground, the tests' connector) on this machine. */
  allowLoopback: boolean;
}

/**
 * True when `serviceUrl` is, with `allowTeams`, one of Teams' origins (https, default port, no user
 * info) or, with `allowLoopback`, http(s) to 127.0.0.1, ::1 or localhost on any port.
 */
export function isAllowedServiceUrl(serviceUrl: unknown, policy: ServiceUrlPolicy): boolean {
  if (typeof serviceUrl !== "string") return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (policy.allowTeams && TEAMS_SERVICE_ORIGINS.has(url.origin)) return true;
  return policy.allowLoopback && isLoopback(url);
}

function isLoopback(url: URL): boolean {
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.hostname === "127.0.0.1" || url.hostname === "[::1]" || url.hostname === "localhost";
}
