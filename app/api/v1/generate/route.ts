import { submitGeneration } from "@/lib/generation/submit-generation";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";

export const POST = apiRoute({ scope: "images:generate" }, async ({ req, ctx, rt }) => {
  const input = (await readJson(req)) as never;
  const result = await submitGeneration({ ctx, input, appUrl: rt.config.appUrl });
  return json(result, { status: 202, headers: { location: result.pollUrl } });
});
