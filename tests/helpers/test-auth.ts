import type { Db } from "@/db/client";
import { createAuth, type AuthDeps } from "@/lib/auth/auth";

export const TEST_APP_URL = "http://localhost:3000";
export const STRONG_PASSWORD = "correct horse battery staple";

export interface AuthCall {
  status: number;
  body: any;
  headers: Headers;
}

/**
 * The app's better-auth, built on a test database with the given sign-up settings, and
 * driven through its real HTTP handler (so hooks, status codes and JSON are what clients get).
 */
export function createTestAuth(db: Db, settings: Partial<AuthDeps["config"]> = {}) {
  // The per-IP auth limiter would count every test request as one client.
  process.env.AUTH_RATE_LIMIT = "off";
  const config: AuthDeps["config"] = {
    appUrl: TEST_APP_URL,
    authSecret: "test-auth-secret-0123456789abcdefghijklmnop",
    mcpAllowedOrigins: [],
    signup: "open",
    freeCredits: undefined,
    smtpUrl: undefined,
    mailFrom: "Pixola <no-reply@localhost>",
    ...settings,
  };
  const auth = createAuth({ db, config });
  const send = async (url: string, init: RequestInit = {}): Promise<AuthCall> => {
    const res = await auth.handler(new Request(url, { ...init, headers: { origin: TEST_APP_URL, ...init.headers } }));
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const post = (path: string, body: unknown) =>
    send(`${TEST_APP_URL}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return {
    auth,
    config,
    post,
    /** GET any URL better-auth serves, e.g. a verification link from a mail. */
    get: (url: string) => send(url),
    signUp: (email: string, extra: Record<string, unknown> = {}) =>
      post("/sign-up/email", { name: "Ada Lovelace", email, password: STRONG_PASSWORD, ...extra }),
    signIn: (email: string, password = STRONG_PASSWORD) => post("/sign-in/email", { email, password }),
  };
}
