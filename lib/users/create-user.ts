import { eq } from "drizzle-orm";
import { z } from "zod";
import { user } from "@/db/schema";
import type { AuthDeps } from "@/lib/auth/auth";
import { createAuth, type Auth } from "@/lib/auth/auth";
import { issuePasswordLink } from "@/lib/auth/password-link";
import { DomainError } from "@/lib/errors";
import { text } from "@/lib/text";
import { ensureUser } from "./ensure-user";

export const createUserInput = z.object({
  email: text("email").trim().toLowerCase().max(254).pipe(z.email("email must be a valid email address")),
  name: text("name").trim().min(1).max(80).optional(),
});

/**
 * An operator's verb (`npm run users -- create`, whatever SIGNUP says): a verified account
 * with its credit grant, and a one-time link to set its password. The operator vouches for
 * the address, so no verification email is sent.
 */
export async function createUser(deps: AuthDeps & { auth?: Auth }, rawInput: z.input<typeof createUserInput>) {
  const input = createUserInput.parse(rawInput);
  const [existing] = await deps.db.select({ id: user.id }).from(user).where(eq(user.email, input.email));
  if (existing) throw new DomainError("conflict", `An account with the email ${input.email} already exists.`);
  const created = await ensureUser(deps.db, input.email, { name: input.name, freeCredits: deps.config.freeCredits });
  const link = await issuePasswordLink(deps.auth ?? createAuth(deps), deps.config.appUrl, created.id);
  return { userId: created.id, email: created.email, passwordLink: link.url, linkExpiresAt: link.expiresAt };
}
