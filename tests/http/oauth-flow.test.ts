import { Client, StreamableHTTPClientTransport, UnauthorizedError, type CallToolResult } from "@modelcontextprotocol/client";
import { chromium, expect as pw, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath } from "../helpers/chromium";
import { approveInBrowser, MemoryOAuthProvider, startCallbackServer } from "../helpers/oauth-client";
import { saveScreenshot } from "../helpers/screenshots";
import { baseUrl } from "./client";

const ACCEPT = "application/json, text/event-stream";
const rawCall = (token: string, body: unknown) =>
  fetch(`${baseUrl()}/mcp`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: ACCEPT },
    body: JSON.stringify(body),
  });
const structured = (r: CallToolResult) => r.structuredContent as Record<string, any>;

/**
 * The whole OAuth flow as claude.ai or ChatGPT runs it: the MCP SDK client's OAuth support
 * discovers Pixola's metadata from the 401, registers itself (DCR), and hands the authorization
 * URL over; Debian's Chromium signs up, consents and lands on the client's loopback redirect;
 * the client exchanges the code with PKCE and calls the tools with the token.
 */
describe("OAuth sign-in for /mcp with the MCP SDK client and a real browser", () => {
  let browser: Browser;
  let page: Page;
  let callback: Awaited<ReturnType<typeof startCallbackServer>>;
  const provider = () => new MemoryOAuthProvider(callback.url);
  let oauth: MemoryOAuthProvider;
  let client: Client;
  const email = `oauth-${Date.now()}@example.com`;

  beforeAll(async () => {
    callback = await startCallbackServer();
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ["--disable-gpu"] });
    page = await (await browser.newContext({ baseURL: baseUrl() })).newPage();
    oauth = provider();
  });
  afterAll(async () => {
    await client?.close();
    await browser?.close();
    await callback?.close();
  });

  it("discovers, registers, signs up and consents in the browser, and exchanges the code with PKCE", async () => {
    const first = new Client({ name: "oauth-test", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl()}/mcp`), { authProvider: oauth });
    await expect(first.connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);

    // What the client found and asked for: PKCE S256, our canonical resource, the scopes of the 401.
    const url = oauth.authorizationUrl!;
    expect(url.origin + url.pathname).toBe(`${baseUrl()}/api/auth/oauth2/authorize`);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("resource")).toBe(`${baseUrl()}/mcp`);
    expect(url.searchParams.get("scope")!.split(" ").sort()).toEqual(["credits:read", "images:generate", "images:read", "offline_access"]);
    expect(oauth.clientInformation()?.client_id).toBeTruthy();

    await approveInBrowser(page, url.toString(), { email, signUp: true }, {
      callbackUrl: callback.url,
      screenshots: "oauth-flow",
      expectScopes: ["Generate images on your credits", "Read your images", "See your credit balance"],
    });
    const params = callback.received.at(-1)!;
    expect(params.get("code")).toBeTruthy();
    expect(params.get("iss")).toBe(`${baseUrl()}/api/auth`);
    await transport.finishAuth(params);
    const tokens = oauth.tokens()!;
    expect(tokens.token_type.toLowerCase()).toBe("bearer");
    expect(tokens.refresh_token).toBeTruthy();
    expect(tokens.access_token.startsWith("pxk_")).toBe(false);
  });

  it("lists every tool and runs generate_image with the token, on the signed-in user's credits", async () => {
    client = new Client({ name: "oauth-test", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl()}/mcp`), { authProvider: oauth }));
    const tools = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(tools).toEqual(["check_credits", "generate_image", "get_batch", "get_image", "list_images", "list_models", "list_shapes", "list_styles"]);

    const before = structured((await client.callTool({ name: "check_credits", arguments: {} })) as CallToolResult);
    expect(before.balance).toBe(1000);
    const gen = structured(
      (await client.callTool({ name: "generate_image", arguments: { prompt: "a paper boat on a pond", count: 1, seed: 3 } }, { timeout: 120_000 })) as CallToolResult,
    );
    expect(gen).toMatchObject({ status: "succeeded", completed: true, creditsCharged: 1, balance: 999 });
    const after = structured((await client.callTool({ name: "check_credits", arguments: {} })) as CallToolResult);
    expect(after.balance).toBe(999);

    // The same wallet as the dashboard of the person who signed in.
    await page.goto("/credits");
    // The balance itself: any "999" on the page could be the header's e-mail address, which
    // ends in a timestamp (oauth-1796178862999@… once hid in the header and failed this).
    await pw(page.getByTestId("credit-balance")).toContainText("999");
  });

  it("lists the grant under Settings → Connected apps; Revoke makes the token fail on the next call", async () => {
    const token = oauth.tokens()!.access_token;
    const ok = await rawCall(token, { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "check_credits", arguments: {} } });
    expect(ok.status).toBe(200);

    const row = page.getByTestId("connected-app-row");
    // "Last used" is written off the request path, in batches a few seconds apart.
    await pw(async () => {
      await page.goto("/settings/connected-apps");
      await pw(row).toHaveCount(1);
      await pw(row).not.toContainText("Never", { timeout: 500 });
    }).toPass({ timeout: 20_000 });
    await pw(row).toContainText("Pixola OAuth test client");
    await pw(row).toContainText("Generate images on your credits");
    await saveScreenshot(page, "screenshots", "oauth-flow-3-connected-apps");
    await row.getByRole("button", { name: "Revoke Pixola OAuth test client" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke access" }).click();
    await pw(page.getByText("No connected apps")).toBeVisible();

    const refused = await rawCall(token, { jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "check_credits", arguments: {} } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
    // Its refresh token went with the grant.
    const refresh = await fetch(`${baseUrl()}/api/auth/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: oauth.tokens()!.refresh_token!, client_id: oauth.clientInformation()!.client_id }),
    });
    expect(refresh.status).toBe(400);
  });

  it("an existing account signs in (rather than up) to approve a new client, and the client works", async () => {
    const again = provider();
    const transport = new StreamableHTTPClientTransport(new URL(`${baseUrl()}/mcp`), { authProvider: again });
    await expect(new Client({ name: "oauth-test-2", version: "1.0.0" }).connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);
    // A fresh browser profile: no session, so Pixola asks to sign in.
    const fresh = await (await browser.newContext({ baseURL: baseUrl() })).newPage();
    await approveInBrowser(fresh, again.authorizationUrl!.toString(), { email }, { callbackUrl: callback.url });
    await transport.finishAuth(callback.received.at(-1)!);
    const second = new Client({ name: "oauth-test-2", version: "1.0.0" });
    await second.connect(new StreamableHTTPClientTransport(new URL(`${baseUrl()}/mcp`), { authProvider: again }));
    const credits = structured((await second.callTool({ name: "check_credits", arguments: {} })) as CallToolResult);
    expect(credits.balance).toBe(999);
    await second.close();
  });
});
