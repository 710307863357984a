import { describe, expect, it } from "vitest";
import { isAllowedServiceUrl } from "../../adapters/teams/service-url.js";

const teams = { allowTeams: true, allowLoopback: false };
const local = { allowTeams: false, allowLoopback: true };

describe("serviceUrl allow-list", () => {
  it.each([
    "https://smba.trafficmanager.net/teams/",
    "https://smba.trafficmanager.net/emea/",
    "https://smba.trafficmanager.net/uk/",
    "https://SMBA.trafficmanager.net/amer",
    "https://smba.infra.gcc.teams.microsoft.com/teams",
    "https://smba.infra.gov.teams.microsoft.us/teams",
  ])("allows Teams' own origin %s", (url) => {
    expect(isAllowedServiceUrl(url, teams)).toBe(true);
  });

  it.each([
    "http://smba.trafficmanager.net/teams/",
    "https://smba.trafficmanager.net.evil.com/",
    "https://smba.trafficmanager.net:8443/",
    "https://user:pass@smba.trafficmanager.net/",
    "https://evil.com@smba.trafficmanager.net/",
    "https://smba.trafficmanager.net./teams/",
    "https://xn--smba-trafficmanager-net.evil/",
    "https://evil.smba.trafficmanager.net/",
    "http://169.254.169.254/",
    "http://127.0.0.1:22/",
    "http://localhost:3978/",
    "file:///etc/passwd",
    "not a url",
    "",
    42,
    undefined,
  ])("refuses %s without TEAMS_LOCAL", (url) => {
    expect(isAllowedServiceUrl(url, teams)).toBe(false);
  });

  it("allows loopback only with TEAMS_LOCAL, and still nothing else", () => {
    expect(isAllowedServiceUrl("http://127.0.0.1:56150/_connector", local)).toBe(true);
    expect(isAllowedServiceUrl("http://localhost:56150/_connector", local)).toBe(true);
    expect(isAllowedServiceUrl("http://[::1]:56150/", local)).toBe(true);
    expect(isAllowedServiceUrl("http://169.254.169.254/", local)).toBe(false);
    expect(isAllowedServiceUrl("http://127.0.0.2/", local)).toBe(false);
    expect(isAllowedServiceUrl("http://localhost.evil.com/", local)).toBe(false);
    expect(isAllowedServiceUrl("ftp://127.0.0.1/", local)).toBe(false);
    // No app id: nothing is authenticated, so nothing goes to Microsoft either.
    expect(isAllowedServiceUrl("https://smba.trafficmanager.net/teams/", local)).toBe(false);
  });
});
