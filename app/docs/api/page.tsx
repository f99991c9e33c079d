import type { Metadata } from "next";
import Link from "next/link";
import { SiteHeader } from "@/components/site-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { getSessionUser } from "@/lib/auth/session";
import { countModels } from "@/lib/catalog/count-models";
import { curlExample, operationsOf, type ResponseView, type SchemaProperty } from "@/lib/dashboard/openapi-view";
import { buildOpenApi } from "@/lib/http/openapi";
import { getRuntime } from "@/lib/runtime";

export const metadata: Metadata = { title: "REST API reference · Pixola" };
// The server URL in the document comes from this server's configuration, read at request time.
export const dynamic = "force-dynamic";

export default async function ApiDocsPage() {
  const rt = await getRuntime();
  const doc = buildOpenApi(rt.config.appUrl);
  const ops = operationsOf(doc);
  const signedIn = Boolean(await getSessionUser());
  const models = await countModels({ db: rt.db });
  const base = doc.servers[0].url;

  return (
    <div className="min-h-dvh">
      <SiteHeader signedIn={signedIn} />
      <main id="main" className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:px-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <aside className="hidden lg:block">
          <nav aria-label="Operations" className="sticky top-6 grid gap-1 text-sm">
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-muted-foreground">Operations</p>
            {ops.map((op) => (
              <a key={op.id} href={`#${op.id}`} className="flex items-center gap-2 rounded px-2 py-1 hover:bg-accent">
                <span className="w-9 font-mono text-[11px] font-semibold text-primary">{op.method}</span>
                <span className="truncate font-mono text-xs">{op.path}</span>
              </a>
            ))}
          </nav>
        </aside>
        <div className="min-w-0">
          <h1 className="text-3xl font-semibold tracking-tight">{doc.info.title}</h1>
          <p className="mt-2 text-muted-foreground">{inlineCode(doc.info.description)}</p>
          <p className="mt-2 text-sm text-muted-foreground" data-testid="models-available">
            This server&apos;s catalog lists {models.total} models; {models.available} of them can run here now.
          </p>
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <CodeBlock label="Base URL" code={base} />
            <CodeBlock label="Example" code={`curl -s ${base}/credits \\\n  -H "Authorization: Bearer pxk_your_api_key"`} />
          </div>
          <p className="mt-3 text-sm text-muted-foreground">
            Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-primary hover:underline">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI {doc.openapi}). Keys come from{" "}
            <Link href="/settings/api-keys" className="font-medium text-primary hover:underline">
              Settings → API Keys
            </Link>
            .
          </p>

          <div className="mt-8 grid grid-cols-[minmax(0,1fr)] gap-5">
            {ops.map((op) => (
              <Card key={op.id} id={op.id} className="min-w-0 scroll-mt-6" data-testid="api-operation">
                <CardHeader>
                  <h2 className="flex flex-wrap items-center gap-2">
                    <Badge variant={op.method === "GET" ? "secondary" : "default"} className="font-mono">
                      {op.method}
                    </Badge>
                    <code className="break-all font-mono text-base font-semibold">{op.path}</code>
                    {op.auth ? <Badge variant="outline">API key</Badge> : <Badge variant="success">public</Badge>}
                  </h2>
                  <p className="text-sm text-muted-foreground">{op.summary}</p>
                  {op.description ? <p className="text-sm text-muted-foreground">{inlineCode(op.description)}</p> : null}
                </CardHeader>
                <CardContent className="grid grid-cols-[minmax(0,1fr)] gap-4">
                  {op.parameters.length ? (
                    <section>
                      <h3 className="mb-2 text-sm font-medium">Parameters</h3>
                      <Table stack>
                        <TableHeader>
                          <TableRow className="hover:bg-transparent">
                            <TableHead>Name</TableHead>
                            <TableHead>In</TableHead>
                            <TableHead>Type</TableHead>
                            <TableHead>Description</TableHead>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {op.parameters.map((p) => (
                            <TableRow key={p.name}>
                              <TableCell label="Name" className="font-mono text-xs">
                                {p.name}
                                {p.required ? <span className="text-destructive"> *</span> : null}
                              </TableCell>
                              <TableCell label="In" className="text-xs">{p.in}</TableCell>
                              <TableCell label="Type" className="font-mono text-xs">{p.type}</TableCell>
                              <TableCell label="Description" className="text-xs text-muted-foreground">{p.description ?? "—"}</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    </section>
                  ) : null}
                  {op.body ? (
                    <section>
                      <h3 className="mb-2 text-sm font-medium">Request body (JSON)</h3>
                      <PropsTable props={op.body.properties} />
                    </section>
                  ) : null}
                  <section>
                    <h3 className="mb-2 text-sm font-medium">Example request</h3>
                    <CodeBlock label={`${op.method} ${op.path} with curl`} code={curlExample(base, op)} />
                  </section>
                  <section>
                    <h3 className="mb-2 text-sm font-medium">Responses</h3>
                    <ul className="grid min-w-0 gap-2">
                      {op.responses.map((r) => (
                        <ResponseItem key={r.status} response={r} />
                      ))}
                    </ul>
                  </section>
                </CardContent>
              </Card>
            ))}
          </div>
        </div>
      </main>
    </div>
  );
}

/** One response: status, name and meaning; opened, its fields (2xx) and example bodies. */
function ResponseItem({ response: r }: { response: ResponseView }) {
  const ok = r.status.startsWith("2");
  return (
    <li className="min-w-0 rounded-md border" data-testid="api-response" data-status={r.status}>
      <details>
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <Badge variant={ok ? "success" : "destructive"} className="font-mono">
            {r.status}
          </Badge>
          {r.name ? <span className="font-mono text-xs font-semibold">{r.name}</span> : null}
          <span className="min-w-0 text-muted-foreground">{r.description}</span>
        </summary>
        <div className="grid min-w-0 gap-3 border-t p-3">
          {r.mediaType && r.mediaType !== "application/json" ? (
            <p className="text-sm text-muted-foreground">
              Body: the image itself, <code className="font-mono text-xs">{r.mediaType}</code>.
            </p>
          ) : r.mediaType === null ? (
            <p className="text-sm text-muted-foreground">No body.</p>
          ) : null}
          {r.properties.length ? <PropsTable props={r.properties} /> : null}
          {r.examples.map((e) => (
            <CodeBlock
              key={e.name}
              label={r.examples.length > 1 ? `Example: ${e.name}` : "Example body"}
              code={JSON.stringify(e.value, null, 2)}
              className="[&_pre]:max-h-96"
            />
          ))}
        </div>
      </details>
    </li>
  );
}

function PropsTable({ props }: { props: SchemaProperty[] }) {
  return (
    <Table stack>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Field</TableHead>
          <TableHead>Type</TableHead>
          <TableHead>Description</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.map((p) => (
          <TableRow key={p.name}>
            <TableCell label="Field" className="font-mono text-xs">
              {p.name}
              {p.required ? <span className="text-destructive"> *</span> : null}
            </TableCell>
            <TableCell label="Type" className="font-mono text-xs md:max-w-48">{p.type}</TableCell>
            <TableCell label="Description" className="text-xs text-muted-foreground">{p.description ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Renders the `backticked` spans of the OpenAPI description as code. */
function inlineCode(text: string) {
  return text.split("`").map((part, i) =>
    i % 2 ? (
      <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em] text-foreground">
        {part}
      </code>
    ) : (
      part
    ),
  );
}
