"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState, type ComponentProps } from "react";
import { Button } from "./button";
import { copyText } from "./copy-text";

/**
 * Copies `value` to the clipboard (by selection where the Clipboard API is missing) and confirms
 * for two seconds. `what` completes the name for screen readers ("Copy" + " MCP server URL"):
 * the visible words stay part of the accessible name, as voice control users say what they see.
 */
export function CopyButton({
  value,
  label = "Copy",
  what,
  ...props
}: { value: string; label?: string; what?: string } & Omit<ComponentProps<typeof Button>, "onClick" | "value" | "aria-label">) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const t = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <Button
      type="button"
      variant="outline"
      size="sm"
      {...props}
      onClick={async (e) => setState((await copyText(value, e.currentTarget)) ? "copied" : "failed")}
    >
      {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed — select and copy" : label}</span>
      {what ? <span className="sr-only"> {what}</span> : null}
    </Button>
  );
}
