import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Ctx } from "@/lib/context";
import { newRequestId } from "@/lib/ids";
import { getRuntime, type Runtime } from "@/lib/runtime";
import { getAuth } from "./auth";
import { REQUEST_PATH_HEADER } from "./request-path";
import { signInPathFor } from "./safe-next-path";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

/** The signed-in user of this request, or null. Cached so a layout and its page share one lookup. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // headers() first: it marks the page dynamic, so `next build` never opens the runtime
  // (and with it the embedded database) while trying to prerender.
  const requestHeaders = await headers();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name };
});

/** Builds the domain context for a signed-in person; the owner always comes from the session. */
export function sessionCtx(rt: Runtime, userId: string): Ctx {
  return { db: rt.db, userId, actor: { kind: "session" }, requestId: newRequestId() };
}

/**
 * For dashboard pages and server actions: the session's user and a domain ctx, or a redirect
 * to /sign-in. Every page calls this itself, because Next renders layouts and pages in
 * parallel and a layout's check does not guard a page's data. A signed-out visitor is sent to
 * sign in with the page they asked for as `next`, to return there afterwards.
 */
export async function requireSession(): Promise<{ user: SessionUser; ctx: Ctx; rt: Runtime }> {
  const user = await getSessionUser();
  if (!user) redirect(signInPathFor((await headers()).get(REQUEST_PATH_HEADER)));
  const rt = await getRuntime();
  return { user, ctx: sessionCtx(rt, user.id), rt };
}

/** For session-authenticated route handlers: the ctx, or null when the cookie is missing or stale. */
export async function sessionCtxFromRequest(req: Request): Promise<{ ctx: Ctx; rt: Runtime } | null> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: req.headers });
  if (!session) return null;
  const rt = await getRuntime();
  return { ctx: sessionCtx(rt, session.user.id), rt };
}
