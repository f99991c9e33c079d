"use client";

import { Trash2 } from "lucide-react";
import { deleteImageAction } from "@/app/(dashboard)/images/actions";
import { ConfirmDialog } from "@/components/dashboard/confirm-dialog";

export function DeleteImageButton({ imageId, title }: { imageId: string; title: string }) {
  return (
    <ConfirmDialog
      triggerText={null}
      triggerIcon={<Trash2 aria-hidden />}
      triggerLabel={`Delete image: ${title}`}
      title="Delete this image?"
      description={
        <>
          “{title}” and its file are deleted for good; links to it stop working. Credits already charged for it are not
          refunded.
        </>
      }
      confirmText="Delete image"
      pendingText="Deleting…"
      onConfirm={() => deleteImageAction(imageId)}
    />
  );
}
