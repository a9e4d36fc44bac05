/** The printable notice. */
import { $ } from "./shared";

export function setupPrint(): void {
  const button = $<HTMLButtonElement>("[data-print]");
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
