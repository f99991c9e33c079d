"use client";

import { StatusScreen } from "@/components/status-screen";
import "./globals.css";

/**
 * When the root layout itself fails: it replaces that layout, so it brings its own <html>. It
 * may render in the browser, where an inline theme script would not run: it keeps the light theme.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <head>
        <title>Something went wrong · Pixola</title>
      </head>
      <body className="min-h-dvh font-sans">
        <StatusScreen code="Error" title="Something went wrong">
          <p>Pixola could not show this page. Reload in a moment; if it keeps happening, tell the person who runs this Pixola.</p>
          {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
        </StatusScreen>
      </body>
    </html>
  );
}
