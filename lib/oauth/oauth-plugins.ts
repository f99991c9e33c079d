import { mcp } from "@better-auth/mcp";
import { jwt } from "better-auth/plugins";
import type { Config } from "@/lib/config";
import { log } from "@/lib/log";
import { ALL_SCOPES } from "@/lib/context";
import { OFFLINE_ACCESS } from "./scopes";
import { signingKeyCheck } from "./signing-key";

export type OAuthConfig = Pick<Config, "appUrl"> & { oauth?: Config["oauth"] };

/** Registrations per client address per hour (better-auth's address limiter, see lib/auth/auth.ts). */
export const REGISTRATIONS_PER_HOUR = 20;

/** The canonical URL of /mcp: every token's audience, and `resource` in its metadata. */
export const mcpResource = (appUrl: string) => `${appUrl}/mcp`;

/** The authorization server's issuer: better-auth's base URL, where its handler is mounted. */
export const oauthIssuer = (appUrl: string) => `${appUrl}/api/auth`;

/**
 * OAuth 2.1 clients' sign-in only works where the MCP spec allows it: HTTPS, or http on a
 * loopback host for local use. Elsewhere (APP_URL=http://pixola.lan) @better-auth/mcp would
 * refuse to start, so the plugins are left out and /mcp keeps serving keys alone.
 */
export function oauthEnabled(appUrl: string): boolean {
  const url = new URL(appUrl);
  const loopback = url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return url.protocol === "https:" || (url.protocol === "http:" && loopback);
}

/**
 * The jwt plugin (signing keys, JWKS) and @better-auth/mcp (authorization server + protected
 * resource metadata) on Pixola's better-auth. Authorization code + PKCE only (public clients
 * always need PKCE; S256 is the only method the provider accepts), open dynamic registration,
 * tokens bound to ${APP_URL}/mcp, refresh tokens rotated with no reuse window.
 */
export function oauthPlugins(config: OAuthConfig) {
  if (!oauthEnabled(config.appUrl)) {
    log.warn("OAuth sign-in for /mcp is off: APP_URL must be https (or http on a loopback host)", { appUrl: config.appUrl });
    return [];
  }
  const ttl = config.oauth ?? { accessTokenTtlSeconds: 3600, refreshTokenTtlSeconds: 30 * 24 * 3600 };
  const jwtOptions = { jwt: { issuer: oauthIssuer(config.appUrl) }, disableSettingJwtHeader: true };
  return [
    jwt(jwtOptions),
    // A signing key sealed with another secret would fail every token exchange: replaced on start.
    signingKeyCheck(jwtOptions),
    mcp({
      resource: mcpResource(config.appUrl),
      loginPage: "/sign-in",
      consentPage: "/consent",
      signup: { page: "/sign-up" },
      scopes: [...ALL_SCOPES, OFFLINE_ACCESS],
      grantTypes: ["authorization_code", "refresh_token"],
      allowDynamicClientRegistration: true,
      allowUnauthenticatedClientRegistration: true,
      accessTokenExpiresIn: ttl.accessTokenTtlSeconds,
      refreshTokenExpiresIn: ttl.refreshTokenTtlSeconds,
      // A rotated refresh token presented again is a replay, never a retry to be answered.
      refreshTokenReuseInterval: 0,
      rateLimit: { register: { window: 3600, max: REGISTRATIONS_PER_HOUR } },
    }),
  ];
}
