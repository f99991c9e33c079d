import { apiRoute } from "@/lib/http/api-route";
import { serveFile } from "@/lib/storage/serve-file";

export const GET = apiRoute<{ key: string[] }>({ public: true }, ({ req, rt, params }) =>
  serveFile(rt.store, rt.config.urlSigningSecret, params.key.join("/"), req),
);
