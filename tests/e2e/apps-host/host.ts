/**
 * A minimal MCP Apps host for the browser tests: mounts a view in a sandboxed iframe and
 * connects it through ext-apps' AppBridge. Tool calls go to the test (page.exposeFunction),
 * which forwards them to the running app's /mcp with its key, as a real host would.
 */
import { AppBridge, PostMessageTransport, type McpUiHostContext } from "@modelcontextprotocol/ext-apps/app-bridge";
import type { CallToolRequest, CallToolResult } from "@modelcontextprotocol/client";

declare global {
  interface Window {
    pixolaCallTool(params: CallToolRequest["params"]): Promise<CallToolResult>;
    mountView(src: string, theme: "light" | "dark", call?: { name: string; arguments: Record<string, unknown> }): Promise<void>;
    hostEvents: { openLinks: string[]; downloads: unknown[]; toolCalls: string[] };
  }
}

window.hostEvents = { openLinks: [], downloads: [], toolCalls: [] };

window.mountView = async (src, theme, call) => {
  document.documentElement.dataset.theme = theme;
  const iframe = document.createElement("iframe");
  iframe.title = "view";
  iframe.setAttribute("sandbox", "allow-scripts allow-same-origin allow-forms");
  document.body.append(iframe);
  const hostContext: McpUiHostContext = { theme, displayMode: "inline", platform: "web", containerDimensions: { maxHeight: 4000 } };
  const bridge = new AppBridge(null, { name: "pixola-test-host", version: "1.0.0" }, { serverTools: {}, openLinks: {}, downloadFile: {} }, { hostContext });
  bridge.oncalltool = async (params) => {
    window.hostEvents.toolCalls.push(params.name);
    return window.pixolaCallTool(params);
  };
  bridge.onopenlink = async ({ url }) => {
    window.hostEvents.openLinks.push(url);
    return {};
  };
  bridge.ondownloadfile = async (params) => {
    window.hostEvents.downloads.push(params);
    return {};
  };
  bridge.onsizechange = ({ height }) => {
    if (height) iframe.style.height = `${height}px`;
  };
  const initialized = new Promise<void>((resolve) => (bridge.oninitialized = () => resolve()));
  // Listen before the view loads, so its ui/initialize is not missed.
  await bridge.connect(new PostMessageTransport(iframe.contentWindow!, iframe.contentWindow!));
  iframe.src = src;
  await initialized;
  if (call) {
    await bridge.sendToolInput({ arguments: call.arguments });
    await bridge.sendToolResult(await window.pixolaCallTool(call));
  }
  document.body.dataset.ready = "true";
};
