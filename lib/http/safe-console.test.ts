import { describe, expect, it } from "vitest";
import { createLog } from "@/lib/log";
import { routeConsoleErrorsToLog } from "./safe-console";

describe("routeConsoleErrorsToLog", () => {
  it("logs an Error Next prints as class and code only, never its message (SQL and parameters)", () => {
    const written: string[] = [];
    const log = createLog({ write: (line: string) => void written.push(line) }, "info");
    const passed: unknown[][] = [];
    const target = { error: (...args: unknown[]) => void passed.push(args) };
    routeConsoleErrorsToLog(target, log);

    const dbError = Object.assign(new Error("Failed query: insert into api_keys … params: usr_secret,hash_secret"), { code: "23503", digest: "123" });
    target.error("⨯", dbError);
    target.error("a notice without an error");

    const out = written.join("");
    expect(out).not.toContain("secret");
    expect(out).toContain('"code":"23503"');
    expect(out).toContain('"digest":"123"');
    expect(passed).toEqual([["a notice without an error"]]);
  });
});
