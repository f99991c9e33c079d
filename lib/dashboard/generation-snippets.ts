import { KEY_PLACEHOLDER } from "./connect-snippets";

/** The playground's form as a `generate` request body (the REST body and the MCP tool arguments are the same). */
export interface SnippetInput {
  prompt: string;
  model: string;
  style: string;
  shape: string;
  quality: "standard" | "hd";
  count: number;
}

export type SnippetLanguage = "curl" | "javascript" | "python" | "mcp";

export interface Snippet {
  language: SnippetLanguage;
  label: string;
  code: string;
}

/** A POSIX shell single-quoted word: `'` becomes `'\''`, everything else is literal. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const body = (input: SnippetInput) => ({
  prompt: input.prompt,
  model: input.model,
  style: input.style,
  shape: input.shape,
  quality: input.quality,
  count: input.count,
});

/**
 * The same generation as curl, JavaScript (fetch), Python (requests) and the MCP
 * `generate_image` call, against this server, with a key placeholder. Strings are embedded
 * with JSON.stringify (valid JavaScript and Python string syntax for any text) or shell
 * quoting, so a prompt with quotes, backslashes or newlines stays one intact string.
 */
export function generationSnippets(appUrl: string, input: SnippetInput): Snippet[] {
  const url = `${appUrl.replace(/\/+$/, "")}/api/v1/generate`;
  const json = JSON.stringify(body(input), null, 2);
  const indented = (s: string, pad: string) => s.replace(/\n/g, `\n${pad}`);
  return [
    {
      language: "curl",
      label: "curl",
      code: [
        `curl -sS -X POST ${shellQuote(url)} \\`,
        `  -H ${shellQuote(`Authorization: Bearer ${KEY_PLACEHOLDER}`)} \\`,
        `  -H 'Content-Type: application/json' \\`,
        `  --data-raw ${shellQuote(JSON.stringify(body(input)))}`,
      ].join("\n"),
    },
    {
      language: "javascript",
      label: "JavaScript (fetch)",
      code: [
        `const res = await fetch(${JSON.stringify(url)}, {`,
        `  method: "POST",`,
        `  headers: {`,
        `    Authorization: ${JSON.stringify(`Bearer ${KEY_PLACEHOLDER}`)},`,
        `    "Content-Type": "application/json",`,
        `  },`,
        `  body: JSON.stringify(${indented(json, "  ")}),`,
        `});`,
        `const batch = await res.json(); // 202: poll batch.pollUrl until status is "succeeded"`,
        `console.log(batch);`,
      ].join("\n"),
    },
    {
      language: "python",
      label: "Python (requests)",
      code: [
        `import requests`,
        ``,
        `res = requests.post(`,
        `    ${JSON.stringify(url)},`,
        `    headers={"Authorization": ${JSON.stringify(`Bearer ${KEY_PLACEHOLDER}`)}},`,
        `    json=${pythonLiteral(body(input), "    ")},`,
        `)`,
        `batch = res.json()  # 202: poll batch["pollUrl"] until status is "succeeded"`,
        `print(batch)`,
      ].join("\n"),
    },
    {
      language: "mcp",
      label: "MCP tool call",
      code: JSON.stringify({ name: "generate_image", arguments: body(input) }, null, 2),
    },
  ];
}

/**
 * A Python dict literal. JSON strings are valid Python string literals (same escapes) and
 * numbers read the same; the body holds nothing else (no true/false/null).
 */
function pythonLiteral(obj: Record<string, string | number>, pad: string): string {
  const lines = Object.entries(obj).map(([k, v]) => `${pad}    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return `{\n${lines.join("\n")}\n${pad}}`;
}
