import { ArrowRight, Images, KeyRound, Plug, WandSparkles } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { ImageTile } from "@/components/images/image-tile";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireSession } from "@/lib/auth/session";
import { getCredits } from "@/lib/credits/get-credits";
import { formatNumber } from "@/lib/dashboard/format";
import { listImages } from "@/lib/images/list-images";

export const metadata: Metadata = { title: "Dashboard · Pixola" };

export default async function DashboardPage() {
  const { user, ctx, rt } = await requireSession();
  const [credits, keys, recent] = await Promise.all([
    getCredits({ ctx }),
    listApiKeys({ ctx }),
    listImages({ ctx, input: { limit: 4 }, store: rt.store }),
  ]);
  const activeKeys = keys.filter((k) => k.status === "active").length;
  // The three steps are for newcomers: gone once there is a working key and an image.
  const onboarded = activeKeys > 0 && recent.images.length > 0;

  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description="Your credits, keys and latest images at a glance." />
      <div className={onboarded ? "grid gap-4 md:grid-cols-2" : "grid gap-4 md:grid-cols-3"}>
        <Card>
          <CardHeader>
            <CardDescription>Credit balance</CardDescription>
            <CardTitle as="div" className="text-3xl" data-testid="credit-balance">
              {formatNumber(credits.balance)} <span className="text-base font-normal text-muted-foreground">credits</span>
            </CardTitle>
          </CardHeader>
          <CardContent className="flex items-center justify-between text-sm text-muted-foreground">
            <span>
              {credits.plan.name} plan · {formatNumber(credits.plan.monthlyCredits)} credits
            </span>
            <Link href="/credits" className="font-medium text-primary hover:underline">
              History
            </Link>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Active API keys</CardDescription>
            <CardTitle as="div" className="text-3xl">
              {activeKeys}
            </CardTitle>
          </CardHeader>
          <CardContent className="flex items-center justify-between text-sm text-muted-foreground">
            <span>For assistants and programs</span>
            <Link href="/settings/api-keys" className="font-medium text-primary hover:underline">
              Manage
            </Link>
          </CardContent>
        </Card>
        {onboarded ? null : (
          <Card data-testid="onboarding">
            <CardHeader>
              <CardDescription>Get started</CardDescription>
              <CardTitle as="div" className="text-base">
                Three steps to your first image
              </CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2">
              <QuickLink href="/settings/api-keys" icon={<KeyRound aria-hidden />} label="Create an API key" />
              <QuickLink href="/connect" icon={<Plug aria-hidden />} label="Connect your assistant" />
              <QuickLink href="/playground" icon={<WandSparkles aria-hidden />} label="Try the playground" />
            </CardContent>
          </Card>
        )}
      </div>

      <section className="mt-8" aria-labelledby="recent-images">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="recent-images" className="text-lg font-semibold">
            Recent images
          </h2>
          <Button asChild variant="ghost" size="sm">
            <Link href="/images">
              All images <ArrowRight aria-hidden />
            </Link>
          </Button>
        </div>
        {recent.images.length ? (
          <ul className="grid grid-cols-2 items-start gap-4 md:grid-cols-4">
            {recent.images.map((img) => (
              <ImageTile key={img.imageId} image={img} actions={false} />
            ))}
          </ul>
        ) : (
          <Card>
            <CardContent className="flex flex-col items-center gap-3 py-10 text-center">
              <Images className="size-8 text-muted-foreground" aria-hidden />
              <p className="text-sm text-muted-foreground">No images yet. Generate your first one in the playground.</p>
              <Button asChild>
                <Link href="/playground">Open the playground</Link>
              </Button>
            </CardContent>
          </Card>
        )}
      </section>
    </>
  );
}

function QuickLink({ href, icon, label }: { href: string; icon: ReactNode; label: string }) {
  return (
    <Link
      href={href}
      className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium outline-none hover:bg-accent focus-visible:ring-[3px] focus-visible:ring-ring/50 [&_svg]:size-4 [&_svg]:text-primary"
    >
      {icon}
      {label}
      <ArrowRight className="ml-auto text-muted-foreground" aria-hidden />
    </Link>
  );
}
