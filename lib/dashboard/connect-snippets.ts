/** Copy-paste configuration for each MCP client, built around the server's public URL. */
export const KEY_PLACEHOLDER = "pxk_your_api_key";

export interface ClientGuide {
  id: string;
  name: string;
  where: string;
  steps?: string[];
  snippets: { label: string; code: string }[];
  note?: string;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);

export function clientGuides(appUrl: string): ClientGuide[] {
  const mcpUrl = `${appUrl}/mcp`;
  const bearer = `Bearer ${KEY_PLACEHOLDER}`;
  return [
    {
      id: "claude-ai",
      name: "claude.ai",
      where: "Sign in with OAuth: no key needed. Needs a Pixola server reachable over public HTTPS.",
      steps: [
        "Settings → Connectors → Add custom connector.",
        `Name it “Pixola” and set the URL to ${mcpUrl}, then Add.`,
        "Choose Connect: Pixola asks you to sign in and shows what Claude may do. Choose Allow.",
        "Revoke it any time under Settings → Connected apps.",
      ],
      snippets: [],
    },
    {
      id: "claude-code",
      name: "Claude Code",
      where: "Run once in a terminal. Add --scope user to use Pixola in every project.",
      snippets: [
        { label: "Terminal", code: `claude mcp add --transport http pixola \\\n  ${mcpUrl} \\\n  --header "Authorization: ${bearer}"` },
      ],
    },
    {
      id: "cursor",
      name: "Cursor",
      where: "Add to ~/.cursor/mcp.json (all projects) or .cursor/mcp.json (one project).",
      snippets: [{ label: "mcp.json", code: json({ mcpServers: { pixola: { url: mcpUrl, headers: { Authorization: bearer } } } }) }],
    },
    {
      id: "vscode",
      name: "VS Code",
      where: "Add to .vscode/mcp.json in your workspace. VS Code asks for the key once and keeps it in its secret storage.",
      snippets: [
        {
          label: ".vscode/mcp.json",
          code: json({
            inputs: [{ type: "promptString", id: "pixola-key", description: "Pixola API key", password: true }],
            servers: { pixola: { type: "http", url: mcpUrl, headers: { Authorization: "Bearer ${input:pixola-key}" } } },
          }),
        },
      ],
    },
    {
      id: "windsurf",
      name: "Windsurf",
      where: "Add to ~/.codeium/windsurf/mcp_config.json (MCP toolbar → Configure), then refresh. Windsurf uses serverUrl, not url.",
      snippets: [
        { label: "mcp_config.json", code: json({ mcpServers: { pixola: { serverUrl: mcpUrl, headers: { Authorization: bearer } } } }) },
      ],
    },
    {
      id: "claude-desktop",
      name: "Claude Desktop",
      where: "Install the desktop extension (above), sign in with OAuth through the connector dialog, or use a key through the mcp-remote bridge.",
      steps: [
        `Settings → Connectors → Add custom connector, with the URL ${mcpUrl}; sign in to Pixola and choose Allow.`,
        "Prefer a key? Settings → Developer → Edit Config opens claude_desktop_config.json: add the entry below and restart Claude Desktop. The mcp-remote bridge (needs Node.js) sends your key as a header.",
      ],
      snippets: [
        {
          label: "claude_desktop_config.json",
          code: json({
            mcpServers: {
              pixola: {
                command: "npx",
                args: ["-y", "mcp-remote@0.15.1", mcpUrl, "--header", "Authorization:${AUTH_HEADER}"],
                env: { AUTH_HEADER: bearer },
              },
            },
          }),
        },
      ],
    },
    {
      id: "chatgpt",
      name: "ChatGPT",
      where: "Needs a Pro, Team, Enterprise or Edu plan with Developer Mode, and a Pixola server reachable over public HTTPS.",
      steps: [
        "Settings → Apps & Connectors → Advanced settings: turn on Developer mode.",
        "Back in Apps & Connectors, choose Create connector and name it “Pixola”.",
        `Set the MCP server URL to ${mcpUrl} and the authentication to OAuth.`,
        "ChatGPT opens Pixola: sign in and choose Allow.",
      ],
      snippets: [],
    },
  ];
}

export function curlTests(appUrl: string): { label: string; code: string }[] {
  const auth = `-H "Authorization: Bearer ${KEY_PLACEHOLDER}"`;
  return [
    { label: "REST: your credits", code: `curl -s ${appUrl}/api/v1/credits \\\n  ${auth}` },
    {
      label: "MCP: list the tools",
      code:
        `curl -s ${appUrl}/mcp \\\n  ${auth} \\\n  -H "Content-Type: application/json" \\\n` +
        `  -H "Accept: application/json, text/event-stream" \\\n  -d '{"jsonrpc":"2.0","method":"tools/list","id":1}'`,
    },
  ];
}
