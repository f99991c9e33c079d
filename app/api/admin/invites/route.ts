import { assertAdmin } from "@/lib/admin/keys";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { createInvite, createInviteInput } from "@/lib/invites/create-invite";

// Used by `npm run invites` when the server holds the embedded database (see app/api/admin/keys).
export const POST = apiRoute({ public: true }, async ({ req, rt }) => {
  assertAdmin(req, rt.config.adminToken);
  return json(await createInvite(rt.db, createInviteInput.parse(await readJson(req))), { status: 201 });
});
