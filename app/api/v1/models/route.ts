import { listModels } from "@/lib/catalog/list-models";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ public: true }, ({ rt }) => listModels({ db: rt.db }));
