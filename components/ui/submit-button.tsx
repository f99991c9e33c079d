"use client";

import { LoaderCircle } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

/** A form's submit button that shows a spinner and disables itself while the action runs. */
export function SubmitButton({
  children,
  pendingText,
  pending: forced,
  ...props
}: ComponentProps<typeof Button> & { pendingText?: ReactNode; pending?: boolean }) {
  const { pending: formPending } = useFormStatus();
  const pending = forced ?? formPending;
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-busy={pending} {...props}>
      {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
