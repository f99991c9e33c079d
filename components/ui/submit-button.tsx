"use client";

import { LoaderCircle } from "lucide-react";
import { useSyncExternalStore, type ComponentProps, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button } from "./button";

const never = () => () => {};
/** False in the server's HTML and while React hydrates it, true from then on. */
const useHydrated = () => useSyncExternalStore(never, () => true, () => false);

/**
 * A form's submit button that shows a spinner and disables itself while the action runs.
 * `scripted`: the form is sent by its onSubmit handler, so the button stays disabled until the
 * page has hydrated; a click before that would submit the plain form instead, a GET of the page
 * with the fields (a password too) in its address, and the user's request would be lost.
 */
export function SubmitButton({
  children,
  pendingText,
  pending: forced,
  scripted,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { pendingText?: ReactNode; pending?: boolean; scripted?: boolean }) {
  const { pending: formPending } = useFormStatus();
  const hydrated = useHydrated();
  const pending = forced ?? formPending;
  return (
    <Button type="submit" disabled={pending || disabled || (scripted && !hydrated)} aria-busy={pending} {...props}>
      {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : null}
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
