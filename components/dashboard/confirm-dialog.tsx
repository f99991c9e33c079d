"use client";

import { useState, useTransition, type ReactNode } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * A destructive button that asks first, runs a server action and shows its error in the
 * dialog: revoking API keys and connected apps, deleting images.
 */
export function ConfirmDialog({
  triggerText = "Revoke",
  triggerLabel,
  triggerIcon,
  title,
  description,
  confirmText,
  pendingText = "Revoking…",
  onConfirm,
}: {
  /** The trigger's visible content; null for an icon-only trigger (triggerLabel names it). */
  triggerText?: string | null;
  /** The trigger's accessible name, e.g. "Revoke key CI". */
  triggerLabel: string;
  triggerIcon?: ReactNode;
  title: string;
  description: ReactNode;
  confirmText: string;
  pendingText?: string;
  onConfirm: () => Promise<{ ok: true } | { ok: false; error: string }>;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    setError(null);
    startTransition(async () => {
      const r = await onConfirm();
      if (r.ok) setOpen(false);
      else setError(r.error);
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={triggerLabel} title={triggerText ? undefined : triggerLabel}>
          {triggerIcon}
          {triggerText}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
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
          <form action={confirm}>
            <SubmitButton variant="destructive" pending={pending} pendingText={pendingText} className="w-full">
              {confirmText}
            </SubmitButton>
          </form>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
