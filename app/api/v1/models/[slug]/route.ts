import { getModel } from "@/lib/catalog/get-model";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ slug: string }>({ scope: "images:read" }, ({ rt, params }) =>
  getModel({ db: rt.db, appUrl: rt.config.appUrl, slug: params.slug }),
);
