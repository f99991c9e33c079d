import type { JSONWebKeySet } from "jose";
import type { Db } from "@/db/client";
import { getAuth } from "@/lib/auth/auth";
import { oauthEnabled } from "./oauth-plugins";
import type { OAuthVerifier } from "./verify-oauth-token";

/** The jwt plugin's endpoint, read in-process: `/api/auth/jwks` without the HTTP round trip. */
type WithJwks = { api: { getJwks?: () => Promise<JSONWebKeySet> } };

/** What /mcp needs to accept OAuth tokens, or null when OAuth is off for this APP_URL. */
export function mcpOAuthVerifier(db: Db, appUrl: string): OAuthVerifier | null {
  if (!oauthEnabled(appUrl)) return null;
  return {
    db,
    appUrl,
    jwks: async () => {
      const auth = (await getAuth()) as unknown as WithJwks;
      return auth.api.getJwks?.();
    },
  };
}
