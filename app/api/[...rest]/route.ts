import { DomainError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

// Unknown /api paths answer in the API's own error format, not with an HTML page.
const unknown = apiRoute<{ rest: string[] }>({ public: true }, async ({ params }) => {
  throw new DomainError("not_found", `There is no endpoint /api/${params.rest.join("/")}. See /api/v1/openapi.json.`);
});
export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
