import { BookOpen, Download, KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import { requireSession } from "@/lib/auth/session";
import { clientGuides, curlTests, KEY_PLACEHOLDER } from "@/lib/dashboard/connect-snippets";

export const metadata: Metadata = { title: "Connect · Pixola" };

export default async function ConnectPage() {
  const { rt } = await requireSession();
  const appUrl = rt.config.appUrl;
  const mcpUrl = `${appUrl}/mcp`;
  const guides = clientGuides(appUrl);

  return (
    <>
      <PageHeader
        title="Connect your assistant"
        description="Pixola is an MCP server: add it to your assistant by signing in or with an API key, and ask for images in plain words."
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/docs/api">
                <BookOpen aria-hidden /> REST reference
              </Link>
            </Button>
            <Button asChild>
              <Link href="/settings/api-keys">
                <KeyRound aria-hidden /> Get an API key
              </Link>
            </Button>
          </>
        }
      />

      <Card className="mb-6">
        <CardHeader>
          <CardTitle>MCP server URL</CardTitle>
          <CardDescription>
            Streamable HTTP. claude.ai, Claude Desktop’s connector dialog and ChatGPT need only this URL: they sign in with
            OAuth. Other clients send a key as <code className="text-xs">Authorization: Bearer pxk_…</code>; in the snippets
            below, replace <code className="text-xs">{KEY_PLACEHOLDER}</code> with a key from Settings → API Keys.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-2 sm:flex-row sm:items-center">
          <code className="flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-sm" data-testid="mcp-url">
            {mcpUrl}
          </code>
          <CopyButton value={mcpUrl} label="Copy" what="MCP server URL" size="default" />
        </CardContent>
      </Card>

      <Card id="desktop-extension" className="mb-6 scroll-mt-8">
        <CardHeader>
          <CardTitle>Claude Desktop extension</CardTitle>
          <CardDescription>
            One file that installs a small Pixola server on your computer. It calls this Pixola with your API key, waits
            for slow models with progress, and can save every image into a folder you choose.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            <li>Download pixola.mcpb and open it: Claude Desktop shows an install dialog (or Settings → Extensions → Install Extension…).</li>
            <li className="break-words">
              Paste an API key; the Pixola URL is already set to <code className="text-xs">{appUrl}</code>.
            </li>
            <li>Optionally choose a download folder, then enable the extension and ask Claude for an image.</li>
          </ol>
          <Button asChild>
            <a href="/downloads/pixola.mcpb" download>
              <Download aria-hidden /> Download pixola.mcpb
            </a>
          </Button>
        </CardContent>
      </Card>

      <nav aria-label="Clients" className="mb-4 flex flex-wrap gap-2">
        {guides.map((g) => (
          <a key={g.id} href={`#${g.id}`} className="rounded-full border bg-card px-3 py-1 text-sm font-medium hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            {g.name}
          </a>
        ))}
        <a href="#test" className="rounded-full border bg-card px-3 py-1 text-sm font-medium hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          Test with curl
        </a>
      </nav>

      <div className="grid gap-4 lg:grid-cols-[repeat(2,minmax(0,1fr))]">
        {guides.map((g) => (
          <Card key={g.id} id={g.id} className="min-w-0 scroll-mt-8">
            <CardHeader>
              <CardTitle>{g.name}</CardTitle>
              <CardDescription>{g.where}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-3">
              {g.steps ? (
                <ol className="list-decimal space-y-1 pl-5 text-sm">
                  {g.steps.map((s) => (
                    <li key={s} className="break-words">
                      {s}
                    </li>
                  ))}
                </ol>
              ) : null}
              {g.snippets.map((s) => (
                <CodeBlock key={s.label} label={`${g.name}: ${s.label}`} code={s.code} />
              ))}
              {g.note ? <p className="text-xs text-muted-foreground">{g.note}</p> : null}
            </CardContent>
          </Card>
        ))}
      </div>

      <Card id="test" className="mt-6 scroll-mt-8">
        <CardHeader>
          <CardTitle>Test your key with curl</CardTitle>
          <CardDescription>
            Both should answer 200. A 401 means the key is wrong or revoked. The full REST reference is at{" "}
            <Link href="/docs/api" className="font-medium text-primary hover:underline">
              /docs/api
            </Link>{" "}
            (OpenAPI document:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-primary hover:underline">
              /api/v1/openapi.json
            </a>
            ).
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          {curlTests(appUrl).map((t) => (
            <CodeBlock key={t.label} label={t.label} code={t.code} />
          ))}
        </CardContent>
      </Card>
    </>
  );
}
