"use client";

import { StatusScreen } from "@/components/status-screen";
import { Button } from "@/components/ui/button";

/** A page that failed to render. The message stays in the server log; only the digest is shown. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <StatusScreen
      code="Error"
      title="Something went wrong"
      actions={
        <Button variant="outline" onClick={() => reset()}>
          Try again
        </Button>
      }
    >
      <p>This page could not be shown. Try again in a moment; if it keeps happening, tell the person who runs this Pixola.</p>
      {error.digest ? <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p> : null}
    </StatusScreen>
  );
}
