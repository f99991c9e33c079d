import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Ctx, Scope } from "@/lib/context";
import { DomainError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";
import { TOOL_SCOPES } from "@/lib/oauth/scopes";
import { ctxFromAuthInfo } from "./auth";
import { jsonRpcMessages } from "./messages";
import type { Db } from "@/db/client";

/**
 * An OAuth token calling a tool its grant does not cover is refused at the HTTP level, 403
 * with `WWW-Authenticate: Bearer error="insufficient_scope"`, so the client can ask the user
 * for more (MCP authorization, step-up). The challenge's scope is what the token has plus what
 * is missing, so the new grant does not lose access the old one had. tools/list and the
 * handshake need no scope: every tool is listed to every caller. API keys keep their
 * tool-level refusal (a tool error), as before.
 */
export function insufficientScope(db: Db, body: string, auth: AuthInfo, appUrl: string, requestId: string): Response | null {
  const ctx: Ctx = ctxFromAuthInfo(db, auth);
  if (ctx.actor.kind !== "oauth") return null;
  const granted = new Set<Scope>(ctx.actor.scopes);
  const missing = new Set<Scope>();
  for (const m of jsonRpcMessages(body)) {
    if (m.method !== "tools/call") continue;
    const name = (m.params as { name?: unknown } | undefined)?.name;
    const needed = typeof name === "string" ? TOOL_SCOPES[name] : undefined;
    if (needed && !granted.has(needed)) missing.add(needed);
  }
  if (missing.size === 0) return null;
  const wanted = [...missing, ...granted].join(" ");
  const err = new DomainError("forbidden", `This connection lacks the ${[...missing].map((s) => `'${s}'`).join(", ")} scope needed here. Sign in again and allow it.`);
  const challenge =
    `Bearer realm="pixola", error="insufficient_scope", scope="${wanted}", ` +
    `resource_metadata="${appUrl}/.well-known/oauth-protected-resource/mcp", error_description="missing ${[...missing].join(" ")}"`;
  return errorResponse(err, requestId, { "www-authenticate": challenge });
}
