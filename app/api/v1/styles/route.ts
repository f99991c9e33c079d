import { listStyles } from "@/lib/catalog/list-styles";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ public: true }, ({ rt }) => listStyles({ db: rt.db, appUrl: rt.config.appUrl }));
