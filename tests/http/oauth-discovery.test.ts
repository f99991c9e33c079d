import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../helpers/app-server";
import { baseUrl, newKey } from "./client";

const get = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
};

describe("OAuth discovery documents", () => {
  it("serves protected-resource metadata for /mcp at both paths clients try (RFC 9728)", async () => {
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-protected-resource"]) {
      const r = await get(baseUrl() + path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^application\/json/);
      expect(r.headers.get("access-control-allow-origin")).toBe("*");
      expect(r.body).toMatchObject({
        resource: `${baseUrl()}/mcp`,
        authorization_servers: [`${baseUrl()}/api/auth`],
        bearer_methods_supported: ["header"],
        scopes_supported: ["images:generate", "images:read", "credits:read"],
      });
      // /mcp takes Bearer tokens only: DPoP must not be advertised.
      expect(r.body).not.toHaveProperty("dpop_signing_alg_values_supported");
    }
  });

  it("serves authorization-server metadata at the issuer path (RFC 8414) and the root: code + PKCE S256, DCR, public clients", async () => {
    const issuer = `${baseUrl()}/api/auth`;
    for (const path of ["/.well-known/oauth-authorization-server/api/auth", "/.well-known/oauth-authorization-server"]) {
      const r = await get(baseUrl() + path);
      expect(r.status, path).toBe(200);
      expect(r.body).toMatchObject({
        issuer,
        authorization_endpoint: `${issuer}/oauth2/authorize`,
        token_endpoint: `${issuer}/oauth2/token`,
        registration_endpoint: `${issuer}/oauth2/register`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        grant_types_supported: ["authorization_code", "refresh_token"],
        code_challenge_methods_supported: ["S256"],
        authorization_response_iss_parameter_supported: true,
      });
      expect(r.body.token_endpoint_auth_methods_supported).toContain("none");
      expect(r.body.scopes_supported).toEqual(["images:generate", "images:read", "credits:read", "offline_access"]);
      expect(r.body).not.toHaveProperty("dpop_signing_alg_values_supported");
    }
  });

  it("a 401 from /mcp points at the metadata; pxk_ keys keep working beside it", async () => {
    const res = await fetch(`${baseUrl()}/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe(
      `Bearer realm="pixola", resource_metadata="${baseUrl()}/.well-known/oauth-protected-resource/mcp", scope="images:generate images:read credits:read"`,
    );
    const { key } = await newKey();
    const ok = await fetch(`${baseUrl()}/mcp`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(ok.status).toBe(200);
  });
});

describe("APP_URL that OAuth cannot use (plain http on a LAN name)", () => {
  let app: AppServer;
  beforeAll(async () => {
    app = await startAppServer({ APP_URL: "http://pixola.lan", MCP_ALLOWED_ORIGINS: "" });
  });
  afterAll(() => app?.stop());

  it("serves no OAuth documents and a plain Bearer challenge, and boots (keys keep working)", async () => {
    for (const path of ["/.well-known/oauth-protected-resource/mcp", "/.well-known/oauth-authorization-server"]) {
      const r = await get(app.url + path);
      expect(r.status, path).toBe(404);
      expect(r.body.error.code).toBe("not_found");
    }
    const res = await fetch(`${app.url}/mcp`, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="pixola"');
  });
});
