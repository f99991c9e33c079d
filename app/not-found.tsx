import type { Metadata } from "next";
import Link from "next/link";
import { StatusScreen } from "@/components/status-screen";

export const metadata: Metadata = { title: "Page not found · Pixola" };

export default function NotFound() {
  return (
    <StatusScreen
      code="404"
      title="This page does not exist"
      actions={
        <Link href="/dashboard" className="inline-flex h-9 items-center rounded-md border bg-card px-4 text-sm font-medium hover:bg-accent">
          Open your dashboard
        </Link>
      }
    >
      The address may be mistyped, or the image or page was removed. Images you own are listed in your gallery.
    </StatusScreen>
  );
}
