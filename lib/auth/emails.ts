import type { MailMessage } from "@/lib/mail/mailer";

/** The sign-up confirmation: one link, which verifies the address, signs in and grants the credits. */
export function verificationEmail(user: { email: string; name: string }, url: string): MailMessage {
  return {
    to: user.email,
    subject: "Confirm your email address for Pixola",
    text: [
      `Hello ${user.name},`,
      "",
      "Open this link to confirm your email address and start using Pixola:",
      "",
      url,
      "",
      "The link works for 24 hours. If you did not create a Pixola account, ignore this message.",
    ].join("\n"),
  };
}
