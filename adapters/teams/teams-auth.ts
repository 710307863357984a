/**
 * Bot Framework authentication from the configuration, failing closed: an app id without the
 * credentials it needs stops start-up with one line naming the variable.
 * Tests replace Microsoft's OpenID metadata, token issuer and outbound credentials with loopback
 * ones; production passes no overrides.
 */

import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from "botbuilder";
import type { ServiceClientCredentialsFactory } from "botframework-connector";
import { type Config, ConfigError } from "../../src/index.js";

export interface TeamsAuthOverrides {
  /** OpenID metadata of the tokens' issuer (default: Bot Framework's). */
  openIdMetadataUrl?: string;
  /** The `iss` tokens must carry (default: https://api.botframework.com). */
  tokenIssuer?: string;
  /** Outbound credentials (default: a client secret or managed identity token from Entra ID). */
  credentialsFactory?: ServiceClientCredentialsFactory;
}

/** Refuses an app id that lacks what its MICROSOFT_APP_TYPE needs. */
function checkTeamsCredentials(config: Config): void {
  if (!config.MICROSOFT_APP_ID) {
    for (const name of ["MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE"] as const)
      if (config[name]) throw new ConfigError(`MICROSOFT_APP_ID is required when ${name} is set`);
    return;
  }
  const type = config.MICROSOFT_APP_TYPE ?? "MultiTenant";
  if (type !== "UserAssignedMSI" && !config.MICROSOFT_APP_PASSWORD)
    throw new ConfigError(
      "MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set (the client secret of the bot's app registration)",
    );
  if (type !== "MultiTenant" && !config.MICROSOFT_APP_TENANT_ID)
    throw new ConfigError(`MICROSOFT_APP_TENANT_ID is required when MICROSOFT_APP_TYPE is ${type}`);
}

/**
 * Without an app id this is botbuilder's "authentication disabled" mode: the route refuses every
 * request unless TEAMS_LOCAL=1, and then replies only to loopback (see messages-route.ts).
 */
export function teamsAuthentication(
  config: Config,
  overrides: TeamsAuthOverrides = {},
): { auth: ConfigurationBotFrameworkAuthentication; credentials: ServiceClientCredentialsFactory } {
  checkTeamsCredentials(config);
  const settings = {
    MicrosoftAppId: config.MICROSOFT_APP_ID ?? "",
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? "",
    MicrosoftAppType: config.MICROSOFT_APP_TYPE ?? "MultiTenant",
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID ?? "",
  };
  const credentials =
    overrides.credentialsFactory ??
    (config.MICROSOFT_APP_ID
      ? new ConfigurationServiceClientCredentialFactory(settings)
      : new ConfigurationServiceClientCredentialFactory({}));
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      ...settings,
      ...(overrides.openIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: overrides.openIdMetadataUrl } : {}),
      ...(overrides.tokenIssuer ? { ToBotFromChannelTokenIssuer: overrides.tokenIssuer } : {}),
    },
    credentials,
  );
  return { auth, credentials };
}
