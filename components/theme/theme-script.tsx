import { THEME_SCRIPT } from "@/lib/dashboard/theme";

/**
 * The theme script, for the root layout's <head>. A server-rendered script runs as the HTML
 * parses, before paint; React only hydrates it, never creates it on the client (which it would
 * warn about, and which would not run it).
 */
export function ThemeScript() {
  return <script id="pixola-theme" dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
