import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CreateKeyDialog } from "@/components/api-keys/create-key-dialog";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { EmptyState } from "@/components/dashboard/empty-state";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireSession } from "@/lib/auth/session";
import { formatDateTime, formatNumber, maskedKey } from "@/lib/dashboard/format";
import { getUsage } from "@/lib/usage/get-usage";

export const metadata: Metadata = { title: "API Keys · Settings · Pixola" };

export default async function ApiKeysPage() {
  const { ctx } = await requireSession();
  const [keys, usage] = await Promise.all([listApiKeys({ ctx }), getUsage({ ctx })]);
  const usageOf = new Map(usage.sources.map((s) => [s.id, s]));
  const active = keys.filter((k) => k.status === "active").length;

  return (
    <>
      <p className="mb-1 text-sm text-muted-foreground">Settings</p>
      <PageHeader
        title="API Keys"
        description={
          <>
            Keys authenticate your assistants (MCP) and programs (REST). Send one as{" "}
            <code className="rounded bg-muted px-1 py-0.5 text-xs">Authorization: Bearer pxk_…</code>. See{" "}
            <Link href="/connect" className="font-medium text-primary hover:underline">
              Connect
            </Link>{" "}
            for setup.
          </>
        }
        actions={<CreateKeyDialog />}
      />
      <Card>
        {keys.length ? (
          <Table aria-label="Your API keys" stack>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Name</TableHead>
                <TableHead>Key</TableHead>
                <TableHead>Created</TableHead>
                <TableHead>Last used</TableHead>
                <TableHead>Last 30 days</TableHead>
                <TableHead>Status</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {keys.map((k) => {
                const masked = maskedKey(k.start, k.last4);
                const used = usageOf.get(k.id);
                return (
                  <TableRow key={k.id} data-testid="api-key-row">
                    <TableCell label="Name" className="font-medium md:max-w-56">
                      <span className="min-w-0 truncate md:block">{k.name}</span>
                    </TableCell>
                    <TableCell label="Key">
                      <code className="whitespace-nowrap rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{masked}</code>
                    </TableCell>
                    <TableCell label="Created" className="whitespace-nowrap text-muted-foreground">
                      {formatDateTime(k.createdAt)}
                    </TableCell>
                    <TableCell label="Last used" className="whitespace-nowrap text-muted-foreground">
                      {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}
                    </TableCell>
                    <TableCell label="Last 30 days" className="whitespace-nowrap text-muted-foreground tabular-nums" data-testid="key-usage">
                      {formatNumber(used?.images ?? 0)} images · {formatNumber(used?.credits ?? 0)} credits
                    </TableCell>
                    <TableCell label="Status">
                      {k.status === "active" ? (
                        <Badge variant="success">Active</Badge>
                      ) : (
                        <Badge variant="secondary" title={`Revoked ${formatDateTime(k.revokedAt)}`}>
                          Revoked
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className="text-right">
                      {k.status === "active" ? <RevokeKeyButton keyId={k.id} name={k.name} masked={masked} /> : null}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        ) : (
          <EmptyState icon={KeyRound} title="No API keys yet">
              Create a key to connect Claude, Cursor, VS Code or your own code. It is shown once, when you create it.
            </EmptyState>
        )}
      </Card>
      <p className="mt-3 text-xs text-muted-foreground">
        {active} active {active === 1 ? "key" : "keys"}. Revoked keys stop working at once and stay listed for your records.
      </p>
    </>
  );
}
