"use client";

import { Plus, TriangleExclamationPoint } from "lucide-react";
import { useState, useTransition, type FormEvent } from "react";
import { createKeyAction, type CreatedKey } from "@/app/(dashboard)/settings/api-keys/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * Create → show once. The plaintext lives only in this component's state while the dialog
 * is open, and is dropped when it closes.
 */
export function CreateKeyDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(null);
      setError(null);
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("key-name") ?? "");
    setError(null);
    startTransition(async () => {
      const r = await createKeyAction(name);
      if (r.ok) setCreated(r.data);
      else setError(r.error);
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          Create API key
        </Button>
      </DialogTrigger>
      <DialogContent
        showClose={!created}
        // Once the key is shown, closing needs the explicit button: an outside click must not lose it.
        onInteractOutside={(e) => created && e.preventDefault()}
        onEscapeKeyDown={(e) => created && e.preventDefault()}
      >
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>Your new API key</DialogTitle>
              <DialogDescription>
                Key “{created.name}” was created. Copy it now and store it somewhere safe, such as your assistant’s
                configuration or a password manager.
              </DialogDescription>
            </DialogHeader>
            <Alert variant="warning">
              <TriangleExclamationPoint aria-hidden />
              <AlertTitle>You will not see this key again</AlertTitle>
              <AlertDescription>Pixola stores only a hash of it. If you lose it, revoke it and create a new one.</AlertDescription>
            </Alert>
            <div className="grid gap-2">
              <p id="new-key-label" className="text-sm font-medium">
                API key
              </p>
              <code
                aria-labelledby="new-key-label"
                data-testid="new-api-key"
                className="block select-all break-all rounded-md border bg-muted px-3 py-2.5 font-mono text-sm leading-relaxed"
              >
                {created.key}
              </code>
              <CopyButton value={created.key} label="Copy key" variant="default" size="default" className="justify-self-start" />
            </div>
            <DialogFooter>
              <Button variant="outline" onClick={() => onOpenChange(false)}>
                I have saved my key
              </Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Create an API key</DialogTitle>
              <DialogDescription>
                Keys let assistants and programs generate images on your credits. Name each key after where you use it.
              </DialogDescription>
            </DialogHeader>
            {error ? (
              <Alert variant="destructive">
                <AlertDescription>{error}</AlertDescription>
              </Alert>
            ) : null}
            <FormField
              id="key-name"
              label="Name"
              placeholder="e.g. Claude Desktop"
              maxLength={64}
              autoComplete="off"
              hint="Up to 64 characters."
              autoFocus
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
                Cancel
              </Button>
              <SubmitButton pending={pending} pendingText="Creating…">
                Create key
              </SubmitButton>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
