import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute({ public: true }, async ({ rt }) => ({ ok: true, database: rt.dbKind }));
