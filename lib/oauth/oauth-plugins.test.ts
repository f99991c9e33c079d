import { describe, expect, it } from "vitest";
import type { AuthHookContext } from "@/lib/auth/before-hooks";
import { loopbackClientsHook } from "./loopback-clients-hook";
import { mcpResource, oauthEnabled, oauthIssuer } from "./oauth-plugins";

describe("oauthEnabled", () => {
  it("is on for https and for http on loopback hosts only (the MCP spec's rule)", () => {
    for (const url of ["https://pixola.example.com", "http://localhost:3000", "http://127.0.0.1:8080", "http://[::1]:3000"]) {
      expect(oauthEnabled(url), url).toBe(true);
    }
    for (const url of ["http://pixola.lan", "http://192.168.1.20:3000", "http://localhost.example.com"]) {
      expect(oauthEnabled(url), url).toBe(false);
    }
  });

  it("names the resource and issuer under APP_URL", () => {
    expect(mcpResource("https://p.example")).toBe("https://p.example/mcp");
    expect(oauthIssuer("https://p.example")).toBe("https://p.example/api/auth");
  });
});

describe("loopbackClientsHook", () => {
  const run = async (path: string, body: Record<string, unknown>) => {
    await loopbackClientsHook({ path, body } as unknown as AuthHookContext);
    return body.application_type;
  };

  it("registers a client whose redirect URIs are all http loopback as a native app", async () => {
    expect(await run("/oauth2/register", { redirect_uris: ["http://localhost:1234/oauth/callback"] })).toBe("native");
    expect(await run("/oauth2/register", { redirect_uris: ["http://127.0.0.1:9/cb", "http://[::1]:9/cb"] })).toBe("native");
  });

  it("leaves web redirects, mixed lists, a declared type and other endpoints alone", async () => {
    expect(await run("/oauth2/register", { redirect_uris: ["https://claude.ai/api/mcp/auth_callback"] })).toBeUndefined();
    expect(await run("/oauth2/register", { redirect_uris: ["http://localhost:1/cb", "https://app.example/cb"] })).toBeUndefined();
    expect(await run("/oauth2/register", { redirect_uris: ["http://localhost:1/cb"], application_type: "web" })).toBe("web");
    expect(await run("/sign-up/email", { redirect_uris: ["http://localhost:1/cb"] })).toBeUndefined();
  });
});
