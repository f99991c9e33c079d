import { Plug } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { RevokeGrantButton } from "@/components/oauth/revoke-grant-button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireSession } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/dashboard/format";
import { listOAuthGrants } from "@/lib/oauth/list-oauth-grants";
import { SCOPE_WORDS } from "@/lib/oauth/scopes";

export const metadata: Metadata = { title: "Connected apps · Settings · Pixola" };

/** The apps (claude.ai, ChatGPT, Claude Desktop…) the user let in through OAuth, each revocable. */
export default async function ConnectedAppsPage() {
  const { ctx } = await requireSession();
  const grants = await listOAuthGrants({ ctx });
  return (
    <>
      <p className="mb-1 text-sm text-muted-foreground">Settings</p>
      <PageHeader
        title="Connected apps"
        description={
          <>
            Apps you signed in to Pixola from, such as claude.ai or ChatGPT. They act as you, with what you allowed. See{" "}
            <Link href="/connect" className="font-medium text-primary hover:underline">
              Connect
            </Link>{" "}
            to add one.
          </>
        }
      />
      <Card>
        {grants.length ? (
          <Table aria-label="Your connected apps">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>App</TableHead>
                <TableHead>Allowed to</TableHead>
                <TableHead className="hidden md:table-cell">Connected</TableHead>
                <TableHead className="hidden md:table-cell">Last used</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {grants.map((g) => (
                <TableRow key={g.id} data-testid="connected-app-row">
                  <TableCell className="max-w-56 align-top">
                    <span className="block truncate font-medium">{g.clientName}</span>
                    {/* On a phone the dates sit under the name, so Revoke stays on screen. */}
                    <span className="mt-1 block text-xs text-muted-foreground md:hidden">
                      Connected {formatDateTime(g.createdAt)}
                      <br />
                      Last used {g.lastUsedAt ? formatDateTime(g.lastUsedAt) : "never"}
                    </span>
                  </TableCell>
                  <TableCell className="align-top text-sm">
                    <ul>
                      {g.scopes.map((s) => (
                        <li key={s}>{SCOPE_WORDS[s]}</li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap align-top text-muted-foreground md:table-cell">{formatDateTime(g.createdAt)}</TableCell>
                  <TableCell className="hidden whitespace-nowrap align-top text-muted-foreground md:table-cell">
                    {g.lastUsedAt ? formatDateTime(g.lastUsedAt) : "Never"}
                  </TableCell>
                  <TableCell className="align-top text-right">
                    <RevokeGrantButton grantId={g.id} clientName={g.clientName} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <EmptyState icon={Plug} title="No connected apps">
              Add Pixola to claude.ai, Claude Desktop or ChatGPT as a connector and sign in: it shows up here.
            </EmptyState>
        )}
      </Card>
    </>
  );
}
