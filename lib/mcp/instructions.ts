/** What every Pixola MCP server (hosted /mcp and the desktop bundle) tells the client at initialize. */
export const PIXOLA_INSTRUCTIONS =
  "Pixola generates images from text prompts and keeps them in the user's history. Use list_models, list_styles and " +
  "list_shapes to find valid slugs, check_credits for the balance, generate_image to create images (it waits and returns " +
  "URLs), get_batch to follow a generation that was still running, and list_images / get_image for earlier images.";
