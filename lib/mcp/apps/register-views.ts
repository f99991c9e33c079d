import { registerAppResource, RESOURCE_MIME_TYPE } from "@modelcontextprotocol/ext-apps/server";
import type { McpServer } from "@modelcontextprotocol/server";
import type { ToolSettings } from "../port";
import { VIEW_HTML } from "./views.generated";
import { VIEWS, VIEW_NAMES, viewUri } from "./views";

/**
 * The views as `ui://pixola/<view>.html` resources. Their CSP lets images load from exactly the
 * origins the image store serves from (settings.imageOrigins); everything else stays at the
 * host's default: no network from the view, which reaches Pixola only through the host.
 */
export function registerPixolaViews(server: McpServer, settings: ToolSettings): void {
  for (const view of VIEW_NAMES) {
    const uri = viewUri(view);
    registerAppResource(server, VIEWS[view].title, uri, { description: VIEWS[view].description, mimeType: RESOURCE_MIME_TYPE }, async () => {
      const origins = (await settings.imageOrigins?.()) ?? [];
      return {
        contents: [
          {
            uri,
            mimeType: RESOURCE_MIME_TYPE,
            text: VIEW_HTML[view],
            _meta: { ui: { csp: { resourceDomains: origins }, prefersBorder: false } },
          },
        ],
      };
    });
  }
}
