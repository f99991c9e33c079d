import type { Db } from "@/db/client";

export type Scope = "images:generate" | "images:read" | "credits:read";
export const ALL_SCOPES: Scope[] = ["images:generate", "images:read", "credits:read"];

/** Who is calling. The owner of every object always comes from here, never from input. */
export type Actor =
  | { kind: "session" }
  | { kind: "apiKey"; keyId: string; scopes: Scope[] }
  /** An OAuth access token on /mcp: the user's grant (consent) to a client, with its scopes. */
  | { kind: "oauth"; grantId: string; clientId: string; scopes: Scope[] }
  | { kind: "system" };

export interface Ctx {
  db: Db;
  userId: string;
  actor: Actor;
  requestId: string;
}

export const apiKeyId = (ctx: Ctx) => (ctx.actor.kind === "apiKey" ? ctx.actor.keyId : null);
export const oauthClientId = (ctx: Ctx) => (ctx.actor.kind === "oauth" ? ctx.actor.clientId : null);

/** The scopes of a key or grant; sessions and the system are not limited by scope. */
export const actorScopes = (ctx: Ctx): Scope[] | null =>
  ctx.actor.kind === "apiKey" || ctx.actor.kind === "oauth" ? ctx.actor.scopes : null;

/**
 * What rate limits count against: the key, or the OAuth grant (so every token a client gets
 * from one consent shares the counters, as a key's requests do). Null for sessions.
 */
export const limitedCredential = (ctx: Ctx): string | null =>
  ctx.actor.kind === "apiKey" ? ctx.actor.keyId : ctx.actor.kind === "oauth" ? `grant:${ctx.actor.grantId}` : null;
