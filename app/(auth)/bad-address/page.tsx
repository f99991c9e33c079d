import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Malformed address · Pixola", robots: { index: false } };

/**
 * Shown with status 400 by server.ts when a page address's percent-encoding does not decode
 * (e.g. `/images/%ff`), instead of Next's plain-text 500.
 */
export default function BadAddressPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          This address is malformed
        </CardTitle>
        <CardDescription>
          Part of the link is not valid percent-encoding, so it cannot be read. It may have been cut short or changed
          when it was copied.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button asChild>
          <Link href="/dashboard">Go to the dashboard</Link>
        </Button>
      </CardContent>
    </Card>
  );
}
