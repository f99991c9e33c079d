import { apiRoute } from "@/lib/http/api-route";
import { buildOpenApi } from "@/lib/http/openapi";

export const GET = apiRoute({ public: true }, async ({ rt }) => buildOpenApi(rt.config.appUrl));
