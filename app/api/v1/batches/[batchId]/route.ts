import { getBatch } from "@/lib/generation/get-batch";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ batchId: string }>({ scope: "images:read" }, ({ ctx, rt, params }) =>
  getBatch({ ctx, input: { batchId: params.batchId }, store: rt.store }),
);
