import { getShape } from "@/lib/catalog/get-shape";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ slug: string }>({ scope: "images:read" }, ({ rt, params }) =>
  getShape({ db: rt.db, slug: params.slug }),
);
