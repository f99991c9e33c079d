import { assertAdmin, revokeKeyById } from "@/lib/admin/keys";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute<{ keyId: string }>({ public: true }, async ({ req, rt, params }) => {
  assertAdmin(req, rt.config.adminToken);
  return revokeKeyById(rt.db, params.keyId);
});
