import { apiRoute } from "@/lib/http/api-route";
import { listImages } from "@/lib/images/list-images";

export const GET = apiRoute({ scope: "images:read" }, ({ req, ctx, rt }) => {
  const q = new URL(req.url).searchParams;
  return listImages({ ctx, input: { limit: q.get("limit") ?? undefined, cursor: q.get("cursor") ?? undefined }, store: rt.store });
});
