import { DomainError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";

// Clients probe /.well-known/* (OAuth metadata, security.txt…): an unknown document is a JSON 404.
const unknown = apiRoute<{ rest: string[] }>({ public: true }, async ({ params }) => {
  throw new DomainError("not_found", `There is no document /.well-known/${params.rest.join("/")} on this server.`);
});
export { unknown as GET, unknown as POST };
