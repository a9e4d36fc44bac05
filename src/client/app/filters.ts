/** The grid's search and filters, applied in place (the form still works without this). */
import { $ } from "../dom";

export function setupFilters(): void {
  const form = $<HTMLFormElement>("[data-filters]");
  if (!form) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  const update = async () => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form))
      if (typeof v === "string" && v !== "") params.set(k, v);
    if (params.get("sort") === "number") params.delete("sort");
    const query = params.toString();
    history.replaceState(null, "", `${form.action}${query ? `?${query}` : ""}`);
    params.set("fragment", "grid");
    const mine = ++seq;
    try {
      const res = await fetch(`${form.action}?${params}`, { credentials: "same-origin" });
      const html = res.ok ? await res.text() : "";
      const grid = $<HTMLElement>("#grid");
      if (!html || !grid || mine !== seq) return;
      const holder = document.createElement("div");
      holder.innerHTML = html; // our own server-rendered fragment
      const fresh = $<HTMLElement>("#grid", holder);
      const status = $<HTMLElement>(".grid-count", grid);
      const freshStatus = fresh && $<HTMLElement>(".grid-count", fresh);
      if (!fresh) return;
      if (status && freshStatus) {
        // The status line stays the same element, so a screen reader announces its new text;
        // the cards around it are swapped silently.
        freshStatus.remove();
        grid.replaceChildren(status, ...Array.from(fresh.childNodes));
        status.textContent = freshStatus.textContent;
      } else grid.replaceWith(fresh);
    } catch {
      /* offline: the form still submits normally */
    }
  };
  form.addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(update, (e.target as HTMLElement).tagName === "SELECT" ? 0 : 300);
  });
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    clearTimeout(timer);
    void update();
  });
}
