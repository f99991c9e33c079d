import { listShapes } from "@/lib/catalog/list-shapes";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ public: true }, ({ rt }) => listShapes({ db: rt.db }));
