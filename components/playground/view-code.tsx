"use client";

import { Code } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { cn } from "@/lib/dashboard/cn";
import { generationSnippets, type SnippetInput, type SnippetLanguage } from "@/lib/dashboard/generation-snippets";

/** "View code": the form's current values as curl, fetch, requests and the MCP tool call. */
export function ViewCode({ appUrl, input }: { appUrl: string; input: SnippetInput }) {
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<SnippetLanguage>("curl");
  const panelId = useId();
  const snippets = generationSnippets(appUrl, { ...input, prompt: input.prompt.trim() || "A red fox in a snowy forest at sunrise" });
  const current = snippets.find((s) => s.language === language)!;
  return (
    <Card>
      <CardHeader className={cn("flex-row flex-wrap items-center justify-between gap-3", !open && "pb-5 sm:pb-6")}>
        <div className="grid gap-1.5">
          <CardTitle>From your code</CardTitle>
          <CardDescription>This form as a REST request or an MCP tool call.</CardDescription>
        </div>
        <Button type="button" variant="outline" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          <Code aria-hidden />
          {open ? "Hide code" : "View code"}
        </Button>
      </CardHeader>
      {open ? (
        <CardContent id={panelId} className="grid min-w-0 gap-2" data-testid="view-code">
          <div className="flex flex-wrap gap-1" role="group" aria-label="Language">
            {snippets.map((s) => (
              <Button key={s.language} type="button" size="sm" variant={s.language === language ? "secondary" : "ghost"} aria-pressed={s.language === language} onClick={() => setLanguage(s.language)}>
                {s.label}
              </Button>
            ))}
          </div>
          <CodeBlock code={current.code} label={current.label} />
          <p className="text-xs text-muted-foreground">
            Replace <code className="font-mono">pxk_your_api_key</code> with a key from Settings → API Keys. MCP clients send the
            same arguments to the <code className="font-mono">generate_image</code> tool.
          </p>
        </CardContent>
      ) : null}
    </Card>
  );
}
