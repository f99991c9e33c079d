import { getStyle } from "@/lib/catalog/get-style";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ slug: string }>({ scope: "images:read" }, ({ rt, params }) =>
  getStyle({ db: rt.db, appUrl: rt.config.appUrl, slug: params.slug }),
);
