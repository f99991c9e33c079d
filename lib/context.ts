import type { Db } from "@/db/client";

export type Scope = "images:generate" | "images:read" | "credits:read";
export const ALL_SCOPES: Scope[] = ["images:generate", "images:read", "credits:read"];

/** Who is calling. The owner of every object always comes from here, never from input. */
export type Actor =
  | { kind: "session" }
  | { kind: "apiKey"; keyId: string; scopes: Scope[] }
  | { kind: "system" };

export interface Ctx {
  db: Db;
  userId: string;
  actor: Actor;
  requestId: string;
}

export const apiKeyId = (ctx: Ctx) => (ctx.actor.kind === "apiKey" ? ctx.actor.keyId : null);
