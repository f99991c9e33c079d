"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/dashboard/action-result";
import { revokeOAuthGrant } from "@/lib/oauth/revoke-oauth-grant";

export async function revokeGrantAction(grantId: string): Promise<ActionResult<null>> {
  const { ctx } = await requireSession();
  const result = await runAction("revoke-oauth-grant", async () => {
    await revokeOAuthGrant({ ctx, input: { grantId } });
    return null;
  });
  revalidatePath("/settings/connected-apps");
  return result;
}
