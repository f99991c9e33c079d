"use server";

import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/session";
import { runAction, type ActionResult } from "@/lib/dashboard/action-result";
import type { GenerateInput } from "@/lib/generation/schemas";
import { submitGeneration } from "@/lib/generation/submit-generation";

export interface Submitted {
  batchId: string;
  count: number;
  creditsReserved: number;
  balance: number;
}

/** Reserves the credits and queues the images; the browser then polls the batch. */
export async function submitGenerationAction(input: GenerateInput): Promise<ActionResult<Submitted>> {
  const { ctx, rt } = await requireSession();
  const result = await runAction("submit-generation", async () => {
    const r = await submitGeneration({ ctx, input, appUrl: rt.config.appUrl });
    return { batchId: r.batchId, count: r.count, creditsReserved: r.creditsReserved, balance: r.balance };
  });
  if (result.ok) {
    revalidatePath("/credits");
    revalidatePath("/images");
  }
  return result;
}
