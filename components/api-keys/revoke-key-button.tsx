"use client";

import { revokeKeyAction } from "@/app/(dashboard)/settings/api-keys/actions";
import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";

export function RevokeKeyButton({ keyId, name, masked }: { keyId: string; name: string; masked: string }) {
  return (
    <ConfirmDialog
      triggerLabel={`Revoke key ${name}`}
      title={`Revoke “${name}”?`}
      description={
        <>
          Key <span className="font-mono">{masked}</span> stops working immediately for REST and MCP. Anything still using
          it will get 401 errors. This cannot be undone.
        </>
      }
      confirmText="Revoke key"
      onConfirm={() => revokeKeyAction(keyId)}
    />
  );
}
