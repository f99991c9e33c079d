import { ArrowRight, Coins, KeyRound, Layers, Plug, Server, WandSparkles } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { getSessionUser } from "@/lib/auth/session";
import { countModels } from "@/lib/catalog/count-models";
import { signupGrant } from "@/lib/credits/signup-grant";
import { getRuntime } from "@/lib/runtime";

export const dynamic = "force-dynamic";

const CLIENTS = ["Claude Code", "Claude Desktop", "Cursor", "VS Code", "Windsurf", "ChatGPT"];

export default async function Home() {
  const signedIn = Boolean(await getSessionUser());
  const { db, config } = await getRuntime();
  const [credits, models] = await Promise.all([
    config.signup === "closed" ? 0 : signupGrant(db, config.freeCredits),
    countModels({ db }),
  ]);
  return (
    <div className="min-h-dvh">
      <SiteHeader signedIn={signedIn} />
      <main id="main">
        <section className="border-b bg-gradient-to-b from-accent/70 to-background">
          <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
            <p className="mb-4 inline-flex items-center gap-2 rounded-full border bg-card px-3 py-1 text-xs font-medium text-muted-foreground">
              <Server className="size-3.5" aria-hidden /> Self-hostable · MCP + REST
            </p>
            <h1 className="max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
              Image generation for your AI assistant and your code.
            </h1>
            <p className="mt-5 max-w-2xl text-lg text-muted-foreground">
              Pixola is one server that gives Claude, ChatGPT, Cursor and VS Code an image tool over MCP, and your programs a
              REST API: {models.total} catalogued models, style presets and shapes, API keys, credits and an image history, on
              your own machine.
            </p>
            <p className="mt-3 text-sm text-muted-foreground" data-testid="models-available">
              {availabilityLine(models)}
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Button asChild size="lg">
                <Link href={signedIn ? "/dashboard" : "/sign-up"}>
                  {signedIn ? "Open your dashboard" : "Create a free account"} <ArrowRight aria-hidden />
                </Link>
              </Button>
              <Button asChild size="lg" variant="outline">
                <Link href="/docs/api">Read the API docs</Link>
              </Button>
            </div>
            {credits > 0 ? (
              <p className="mt-4 text-sm text-muted-foreground">New accounts start with {credits.toLocaleString("en-US")} free credits.</p>
            ) : null}
          </div>
        </section>

        <section className="mx-auto max-w-6xl px-4 py-14 sm:px-6" aria-labelledby="how">
          <h2 id="how" className="text-2xl font-semibold tracking-tight">
            From sign-up to first image in three steps
          </h2>
          <ol className="mt-6 grid gap-4 md:grid-cols-3">
            <Step n={1} icon={<KeyRound aria-hidden />} title="Create an API key">
              Under Settings → API Keys. It is shown once; Pixola keeps only a hash.
            </Step>
            <Step n={2} icon={<Plug aria-hidden />} title="Connect your assistant">
              Paste a ready-made config for {CLIENTS.slice(0, -1).join(", ")} or {CLIENTS.at(-1)}.
            </Step>
            <Step n={3} icon={<WandSparkles aria-hidden />} title="Ask for images">
              “Draw a lighthouse at dusk in watercolor.” Results land in your gallery too.
            </Step>
          </ol>
        </section>

        <section className="border-t bg-card/50" aria-labelledby="features">
          <div className="mx-auto grid max-w-6xl gap-4 px-4 py-14 sm:px-6 md:grid-cols-3">
            <h2 id="features" className="sr-only">
              Features
            </h2>
            <Feature icon={<Layers aria-hidden />} title="Models, styles, shapes">
              Pick a model per request, apply a style preset and an aspect ratio. Prices are shown before you generate.
            </Feature>
            <Feature icon={<Coins aria-hidden />} title="Fair credits">
              Credits are reserved on submit and refunded for any image that fails. A readable ledger shows every move.
            </Feature>
            <Feature icon={<Server aria-hidden />} title="Yours to run">
              One Next.js app with an embedded database by default; PostgreSQL, Redis and S3 when you scale out.
            </Feature>
          </div>
        </section>
      </main>
      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-sm text-muted-foreground sm:px-6">
          <span>Pixola</span>
          <nav aria-label="Footer" className="flex gap-4">
            <Link href="/docs/api" className="hover:text-foreground">
              API docs
            </Link>
            <a href="/api/v1/openapi.json" className="hover:text-foreground">
              OpenAPI
            </a>
            <Link href="/sign-in" className="hover:text-foreground">
              Sign in
            </Link>
          </nav>
        </div>
      </footer>
    </div>
  );
}

function availabilityLine({ total, available }: { total: number; available: number }): string {
  const lead = `${available} of the ${total} models ${available === 1 ? "is" : "are"} available on this instance`;
  return available < total ? `${lead}; the others need a provider key set by whoever runs it.` : `${lead}.`;
}

function Step({ n, icon, title, children }: { n: number; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <li>
      <Card className="h-full">
        <CardContent className="grid gap-2">
          <div className="flex items-center gap-3">
            <span className="grid size-8 place-items-center rounded-full bg-primary text-sm font-semibold text-primary-foreground">{n}</span>
            <span className="text-primary [&_svg]:size-5">{icon}</span>
          </div>
          <h3 className="font-semibold">{title}</h3>
          <p className="text-sm text-muted-foreground">{children}</p>
        </CardContent>
      </Card>
    </li>
  );
}

function Feature({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="grid content-start gap-2">
      <span className="grid size-9 place-items-center rounded-lg bg-accent text-accent-foreground [&_svg]:size-5">{icon}</span>
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm text-muted-foreground">{children}</p>
    </div>
  );
}
