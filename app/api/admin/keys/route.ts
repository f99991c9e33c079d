import { z } from "zod";
import { assertAdmin, issueKeyForEmail } from "@/lib/admin/keys";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { text } from "@/lib/text";

const body = z.object({ email: z.email("email must be a valid email address"), name: text("name").trim().min(1).max(64).optional() });

// Used by `npm run keys` when the server holds the embedded database. The admin token lives
// in DATA_DIR/secrets.json, so only someone who can read the data directory can call this.
export const POST = apiRoute({ public: true }, async ({ req, rt }) => {
  assertAdmin(req, rt.config.adminToken);
  const input = body.parse(await readJson(req));
  const issued = await issueKeyForEmail(rt.db, input.email, { name: input.name, freeCredits: rt.config.freeCredits });
  return json(issued, { status: 201 });
});
