/**
 * Pixola's MCP Apps views (the `io.modelcontextprotocol/ui` extension): one HTML page per view,
 * built from mcp-apps/ by scripts/build-views.ts into views.generated.ts, which this module
 * imports so neither `npm start` nor the desktop bundle reads files at run time.
 */
export const VIEWS = {
  generate: { title: "Generate images", description: "A form to write a prompt and pick a model, style, shape, quality and count, with the cost and balance, live progress and the results" },
  models: { title: "Model catalog", description: "Every image model with its prices and availability, searchable and filterable by provider, tags and price" },
  credits: { title: "Credits", description: "The credit balance, plan and recent credit history" },
  gallery: { title: "My images", description: "A gallery of the account's images, page by page" },
  viewer: { title: "Image", description: "One image with its parameters, download and make-variations" },
} as const;

export type ViewName = keyof typeof VIEWS;

export const VIEW_NAMES = Object.keys(VIEWS) as ViewName[];

export const viewUri = (view: ViewName) => `ui://pixola/${view}.html`;

/** The `_meta` a tool registered with ext-apps' registerAppTool carries to name its view. */
export const viewMeta = (view: ViewName) => ({ ui: { resourceUri: viewUri(view) } });

/**
 * Request `_meta` key a view sets on its generate_image call: answer as soon as the batch is
 * submitted, so the view can follow it with get_batch (claude.ai shows no MCP progress).
 * A host that drops request `_meta` gets today's waiting call, which the view handles too.
 */
export const SUBMIT_ONLY_META = "io.pixola/submitOnly";
