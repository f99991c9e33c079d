import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { oauthClient } from "@/db/schema";
import type { Scope } from "@/lib/context";
import { isScope, OFFLINE_ACCESS } from "./scopes";

export type PageSearchParams = Record<string, string | string[] | undefined>;

/**
 * The query string of a pending OAuth authorization, as better-auth put it on the sign-in,
 * sign-up or consent URL (signed, with `sig`), or undefined when the page was opened on its own.
 * Pages carry it on their links so the flow survives going from sign-in to sign-up.
 */
export function pendingOAuthSearch(sp: PageSearchParams): string | undefined {
  if (typeof sp.sig !== "string" || typeof sp.client_id !== "string") return undefined;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(sp)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(name, v);
  }
  return params.toString();
}

export interface PendingAuthorization {
  clientName: string;
  /** Where the browser goes back with the code: the one thing about a self-registered client that is checked. */
  redirectHost: string;
  scopes: Scope[];
  /** offline_access: the client gets a refresh token and stays connected until revoked. */
  staysConnected: boolean;
}

/**
 * What the consent page shows: the client's name (self-declared at registration), the host
 * of its redirect URI (only when that URI is one it registered), and the scopes it asks for.
 * Null for an unknown client or an unregistered redirect URI: better-auth refuses those too.
 */
export async function describePendingAuthorization(db: Db, sp: PageSearchParams): Promise<PendingAuthorization | null> {
  const clientId = typeof sp.client_id === "string" ? sp.client_id : null;
  const redirectUri = typeof sp.redirect_uri === "string" ? sp.redirect_uri : null;
  if (!clientId || !redirectUri) return null;
  const [client] = await db
    .select({ name: oauthClient.name, redirectUris: oauthClient.redirectUris, disabled: oauthClient.disabled })
    .from(oauthClient)
    .where(eq(oauthClient.clientId, clientId));
  if (!client || client.disabled || !client.redirectUris.includes(redirectUri)) return null;
  const requested = typeof sp.scope === "string" ? sp.scope.split(" ") : [];
  return {
    clientName: client.name?.trim() || "An unnamed application",
    redirectHost: new URL(redirectUri).host,
    scopes: requested.filter(isScope),
    staysConnected: requested.includes(OFFLINE_ACCESS),
  };
}
