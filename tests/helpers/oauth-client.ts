import http from "node:http";
import type { OAuthClientMetadata, OAuthClientProvider } from "@modelcontextprotocol/client";
import { expect, type Page } from "@playwright/test";
import { saveScreenshot } from "./screenshots";

type ClientInfo = Awaited<ReturnType<OAuthClientProvider["clientInformation"]>>;
type Tokens = Awaited<ReturnType<OAuthClientProvider["tokens"]>>;
type Discovery = Awaited<ReturnType<NonNullable<OAuthClientProvider["discoveryState"]>>>;

/**
 * A public OAuth client (the MCP SDK's OAuthClientProvider) that keeps everything in memory
 * and, instead of opening a browser, records the authorization URL for the test to drive.
 */
export class MemoryOAuthProvider implements OAuthClientProvider {
  authorizationUrl: URL | undefined;
  private client: ClientInfo;
  private saved: Tokens;
  private verifier = "";
  private discovery: Discovery;

  constructor(
    private readonly redirect: string,
    private readonly metadata: Partial<OAuthClientMetadata> = {},
  ) {}

  get redirectUrl() {
    return this.redirect;
  }
  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: "Pixola OAuth test client",
      redirect_uris: [this.redirect],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      ...this.metadata,
    };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: NonNullable<ClientInfo>) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: NonNullable<Tokens>) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(v: string) {
    this.verifier = v;
  }
  codeVerifier() {
    return this.verifier;
  }
  // Kept with the verifier, so the SDK can check the code comes back from the server it asked.
  saveDiscoveryState(state: NonNullable<Discovery>) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery;
  }
}

/** The client's loopback redirect URI (RFC 8252): a tiny server that records what it receives. */
export async function startCallbackServer(): Promise<{ url: string; received: URLSearchParams[]; close(): Promise<void> }> {
  const received: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Browsers also ask for /favicon.ico.
    if (url.pathname === "/callback") received.push(url.searchParams);
    res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Done</title><h1>Authorized. You can close this window.</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/callback`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const PASSWORD = "correct horse battery staple";

/**
 * Drives Pixola's pages for an authorization URL a client handed over: sign-in (or, with
 * `signUp`, on to sign-up), the consent page, Allow; ends on the client's redirect URI.
 */
export async function approveInBrowser(
  page: Page,
  authorizationUrl: string,
  account: { email: string; name?: string; signUp?: boolean },
  opts: { callbackUrl: string; screenshots?: string; expectScopes?: string[] },
): Promise<void> {
  await page.goto(authorizationUrl);
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByText("Sign in to connect an app")).toBeVisible();
  if (opts.screenshots) await saveScreenshot(page, "screenshots", `${opts.screenshots}-1-sign-in`);
  if (account.signUp) {
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page).toHaveURL(/\/sign-up\?/);
    await page.getByLabel("Name").fill(account.name ?? "Ada Lovelace");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
  } else {
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
  }
  await expect(page).toHaveURL(/\/consent\?/);
  await expect(page.getByRole("heading", { name: /^Connect / })).toBeVisible();
  for (const words of opts.expectScopes ?? []) await expect(page.getByRole("list", { name: "What the app may do" })).toContainText(words);
  if (opts.screenshots) await saveScreenshot(page, "screenshots", `${opts.screenshots}-2-consent`);
  await page.getByRole("button", { name: "Allow" }).click();
  await page.waitForURL((u) => u.toString().startsWith(opts.callbackUrl));
}
