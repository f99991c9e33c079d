import { z } from "zod";
import type { Db } from "@/db/client";
import { invites } from "@/db/schema";
import { newId } from "@/lib/ids";
import { text } from "@/lib/text";
import { generateInviteCode, hashInviteCode } from "./codec";

export const createInviteInput = z.object({
  note: text("note").trim().min(1).max(200).optional(),
  /** Unset: the code never expires (it still works only once). */
  expiresInDays: z.number().int("expiresInDays must be a whole number").min(1).max(3650).optional(),
});

/**
 * An operator's verb (CLI or admin API, never a session): makes a one-use invite code for
 * SIGNUP=invite. The plaintext is returned once; only its hash is stored.
 */
export async function createInvite(db: Db, rawInput: z.input<typeof createInviteInput>) {
  const input = createInviteInput.parse(rawInput);
  const code = generateInviteCode();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const [row] = await db
    .insert(invites)
    .values({ id: newId("inv"), codeHash: hashInviteCode(code), note: input.note ?? null, expiresAt })
    .returning({ id: invites.id, note: invites.note, expiresAt: invites.expiresAt });
  return { code, invite: row };
}
