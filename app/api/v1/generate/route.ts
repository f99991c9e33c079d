import { submitGenerationIdempotently } from "@/lib/generation/submit-generation";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { parseIdempotencyKey } from "@/lib/idempotency/idempotency-key";

export const POST = apiRoute({ scope: "images:generate" }, async ({ req, ctx, rt }) => {
  const idempotencyKey = parseIdempotencyKey(req.headers.get("idempotency-key"));
  const input = (await readJson(req)) as never;
  const { status, result, replayed } = await submitGenerationIdempotently({ ctx, input, appUrl: rt.config.appUrl, idempotencyKey });
  const headers: Record<string, string> = { location: result.pollUrl };
  if (replayed) headers["Idempotent-Replayed"] = "true";
  return json(result, { status, headers });
});
