import { assertAdmin } from "@/lib/admin/keys";
import { getAuth } from "@/lib/auth/auth";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { createUser, createUserInput } from "@/lib/users/create-user";

// Used by `npm run users` when the server holds the embedded database (see app/api/admin/keys).
export const POST = apiRoute({ public: true }, async ({ req, rt }) => {
  assertAdmin(req, rt.config.adminToken);
  const input = createUserInput.parse(await readJson(req));
  return json(await createUser({ db: rt.db, config: rt.config, auth: await getAuth() }, input), { status: 201 });
});
