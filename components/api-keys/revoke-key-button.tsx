"use client";

import { useState, useTransition } from "react";
import { revokeKeyAction } from "@/app/(dashboard)/settings/api-keys/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";

export function RevokeKeyButton({ keyId, name, masked }: { keyId: string; name: string; masked: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function revoke() {
    setError(null);
    startTransition(async () => {
      const r = await revokeKeyAction(keyId);
      if (r.ok) setOpen(false);
      else setError(r.error);
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Revoke key ${name}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Revoke “{name}”?</DialogTitle>
          <DialogDescription>
            Key <span className="font-mono">{masked}</span> stops working immediately for REST and MCP. Anything still
            using it will get 401 errors. This cannot be undone.
          </DialogDescription>
        </DialogHeader>
        {error ? (
          <Alert variant="destructive">
            <AlertDescription>{error}</AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
          <form action={revoke}>
            <SubmitButton variant="destructive" pending={pending} pendingText="Revoking…" className="w-full">
              Revoke key
            </SubmitButton>
          </form>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
