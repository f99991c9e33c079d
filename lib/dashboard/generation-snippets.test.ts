import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { KEY_PLACEHOLDER } from "./connect-snippets";
import { generationSnippets, shellQuote, type SnippetInput } from "./generation-snippets";

const input: SnippetInput = {
  // Quotes of both kinds, a backslash, shell expansions and a newline: each must reach the server as typed.
  prompt: `It's a "quoted" fox \\ at $HOME, \`date\` and $(id)\nsecond line ✨`,
  model: "procedural",
  style: "watercolor",
  shape: "landscape-wide",
  quality: "hd",
  count: 2,
};
const APP = "https://pixola.example.com";
const URL = `${APP}/api/v1/generate`;
const snippet = (language: string) => generationSnippets(APP, input).find((s) => s.language === language)!.code;

describe("generationSnippets", () => {
  it("curl: the shell hands curl the URL, the key header and the exact JSON body", () => {
    // A shell function stands in for curl and prints each argument it receives, NUL-separated.
    const out = execFileSync("sh", ["-c", `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${snippet("curl")}`], {
      encoding: "utf8",
      env: { ...process.env, HOME: "/home/should-not-expand" },
    });
    const args = out.split("\0").slice(0, -1);
    expect(args).toContain(URL);
    expect(args[args.indexOf("-H") + 1]).toBe(`Authorization: Bearer ${KEY_PLACEHOLDER}`);
    expect(JSON.parse(args[args.indexOf("--data-raw") + 1])).toEqual(input);
  });

  it("JavaScript: runs, and fetch gets the URL, the bearer placeholder and the exact JSON body", async () => {
    const calls: [string, RequestInit][] = [];
    const fetch = async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      return { json: async () => ({ batchId: "bat_x" }) };
    };
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    await new AsyncFunction("fetch", "console", snippet("javascript"))(fetch, { log() {} });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0];
    expect(url).toBe(URL);
    expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${KEY_PLACEHOLDER}`);
    expect(JSON.parse(init.body as string)).toEqual(input);
  });

  it("Python: runs, and requests.post gets the URL, the bearer placeholder and the exact JSON body", () => {
    // A stand-in `requests` module that prints what the snippet passed to post().
    const fake = [
      "import sys, types, json",
      "m = types.ModuleType('requests')",
      "class R:\n    def json(self): return {}",
      "def post(url, headers=None, json=None):\n    import json as j\n    sys.stdout.write(j.dumps({'url': url, 'headers': headers, 'json': json}))\n    return R()",
      "m.post = post",
      "sys.modules['requests'] = m",
      "print = lambda *a, **k: None",
    ].join("\n");
    const out = execFileSync("python3", ["-c", `${fake}\n${snippet("python")}`], { encoding: "utf8" });
    const got = JSON.parse(out);
    expect(got.url).toBe(URL);
    expect(got.headers).toEqual({ Authorization: `Bearer ${KEY_PLACEHOLDER}` });
    expect(got.json).toEqual(input);
  });

  it("MCP: the generate_image call's JSON parses to the form's values", () => {
    expect(JSON.parse(snippet("mcp"))).toEqual({ name: "generate_image", arguments: input });
  });

  it("uses the instance's own URL, without a doubled slash", () => {
    for (const s of generationSnippets("http://localhost:3000/", input)) {
      if (s.language !== "mcp") expect(s.code).toContain("http://localhost:3000/api/v1/generate");
    }
  });

  it("shellQuote survives single quotes", () => {
    expect(execFileSync("sh", ["-c", `printf '%s' ${shellQuote("a'b'' c")}`], { encoding: "utf8" })).toBe("a'b'' c");
  });
});
