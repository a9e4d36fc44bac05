/**
 * Prints a PBKDF2 hash of an organizer password, to store with `wrangler secret put ADMIN_PASSWORD`
 * (or OBSERVER_PASSWORD) instead of the password itself:
 *
 *   npm run hash-password            # asks on stdin (not echoed to your shell history)
 *   echo -n 'secret' | npm run hash-password
 */
import { hashPassword } from "../src/domain/passwords";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

if (process.stdin.isTTY) process.stderr.write("Password (then Enter, Ctrl-D): ");
const password = await readStdin();
if (password.length < 12) {
  process.stderr.write("Use at least 12 characters for an organizer password.\n");
  process.exit(1);
}
console.log(await hashPassword(password));
