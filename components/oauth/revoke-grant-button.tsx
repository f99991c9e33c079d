"use client";

import { revokeGrantAction } from "@/app/(dashboard)/settings/connected-apps/actions";
import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";

export function RevokeGrantButton({ grantId, clientName }: { grantId: string; clientName: string }) {
  return (
    <ConfirmDialog
      triggerLabel={`Revoke ${clientName}`}
      title={`Disconnect “${clientName}”?`}
      description="It loses access to your Pixola account at once: its next request gets a 401. To use it again, connect it again from the app."
      confirmText="Revoke access"
      onConfirm={() => revokeGrantAction(grantId)}
    />
  );
}
