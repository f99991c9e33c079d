import { parseWaitSeconds, waitForBatch } from "@/lib/generation/wait-for-batch";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ batchId: string }>({ scope: "images:read" }, ({ ctx, rt, params, req }) =>
  waitForBatch({
    ctx,
    batchId: params.batchId,
    store: rt.store,
    waitSeconds: parseWaitSeconds(new URL(req.url).searchParams.get("wait")),
    signal: req.signal,
  }),
);
