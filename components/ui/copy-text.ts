/**
 * Puts `text` on the clipboard. The Clipboard API exists only in secure contexts (https or
 * localhost), and a self-hosted Pixola is often opened over plain http on a LAN address; there
 * the old way still works: select the text in a hidden field and run the copy command.
 * `near` is where the field goes: beside the button, inside any dialog's focus trap (a
 * field appended to <body> would be pulled out of focus, and nothing would be selected).
 */
export async function copyText(text: string, near: HTMLElement): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      /* refused (permissions, focus): try the selection below */
    }
  }
  return copyBySelection(text, near);
}

function copyBySelection(text: string, near: HTMLElement): boolean {
  const field = document.createElement("textarea");
  field.value = text;
  field.readOnly = true;
  field.setAttribute("aria-hidden", "true");
  field.tabIndex = -1;
  // On screen (off-screen fields scroll the page on iOS) but invisible and out of the layout.
  Object.assign(field.style, { position: "fixed", top: "0", left: "0", width: "1px", height: "1px", opacity: "0", pointerEvents: "none" });
  const parent = near.parentElement ?? document.body;
  parent.appendChild(field);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  field.focus();
  field.select();
  field.setSelectionRange(0, text.length);
  let ok = false;
  try {
    // Deprecated, but the only copy there is outside a secure context.
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  field.remove();
  previous?.focus();
  return ok;
}
