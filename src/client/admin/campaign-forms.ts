/** Campaign settings (new and edit) and deleting a campaign. */

import { localToIso as toIso, isValidTimeZone as validZone } from "../../domain/time";
import { onClick, onEachSubmit, type Refusal, refuse } from "./forms";
import { noticeBody, noticeChanged } from "./notice-settings";
import { $, api, apiBase, changed, checked, field, go, markInvalid, missing } from "./shared";

export function setupCampaignForms(): void {
  onEachSubmit('form[data-form="campaign"]', (form) => {
    const mode = form.dataset.mode;
    return {
      body: () => campaignBody(form, mode),
      send: (body) =>
        mode === "edit"
          ? api(
              "PATCH",
              `/api/admin/campaigns/${encodeURIComponent(form.dataset.slug ?? "")}`,
              body,
            )
          : api("POST", "/api/admin/campaigns", body),
      ok: (res) => {
        const newSlug = encodeURIComponent(String(res.body.slug));
        go(
          mode === "edit"
            ? `/admin/c/${newSlug}/settings?done=saved`
            : `/admin/c/${newSlug}/nominees?done=created`,
        );
      },
    };
  });

  const del = $<HTMLButtonElement>("[data-delete-campaign]");
  if (del)
    onClick(del, {
      confirm: "确定删除该活动及其全部候选人？此操作不能撤销。",
      send: () => api("DELETE", apiBase),
      ok: () => go("/admin?done=deleted"),
      error: $("[data-delete-error]"),
    });
}

/** The campaign's settings as the API takes them: everything (new), or only what changed (edit). */
function campaignBody(
  form: HTMLFormElement,
  mode: string | undefined,
): Record<string, unknown> | Refusal {
  const blank = missing(form, ["title", "slug", "organizer", "timeZone", "opensAt", "closesAt"]);
  if (blank) return { refused: blank };
  const timeZone = field(form, "timeZone").value.trim();
  if (!validZone(timeZone))
    return refuse(form, "timeZone", "时区无效：请填写 IANA 时区名，例如 Asia/Shanghai。");
  const opensAt = toIso(field(form, "opensAt").value, timeZone);
  const closesAt = toIso(field(form, "closesAt").value, timeZone);
  if (!opensAt || !closesAt)
    return refuse(form, opensAt ? "closesAt" : "opensAt", "请填写完整的开始和结束时间。");
  const perVoter = field(form, "likesPerVoterPerDay").value.trim();
  const orNull = (name: string) => {
    const raw = field(form, name).value.trim();
    return raw === "" ? null : Number(raw);
  };
  const all: Record<string, unknown> = {
    title: field(form, "title").value.trim(),
    slug: field(form, "slug").value.trim(),
    organizer: field(form, "organizer").value.trim(),
    description: field(form, "description").value,
    timeZone,
    opensAt,
    closesAt,
    rules: {
      likesPerCandidatePerDay: Number(field(form, "likesPerCandidatePerDay").value),
      likesPerVoterPerDay: perVoter === "" ? null : Number(perVoter),
    },
    showCounts: field(form, "showCounts").value,
    nomineeOrder: field(form, "nomineeOrder").value,
    draft: checked(form, "draft"),
    protection: {
      challengePrefixPerMinute: orNull("challengePrefixPerMinute"),
      challengeVoterPerMinute: orNull("challengeVoterPerMinute"),
      challengeDifficulty: Number(field(form, "challengeDifficulty").value),
      holdFlagged: checked(form, "holdFlagged"),
      retentionDays: orNull("retentionDays"),
    },
    identityMode: field(form, "identityMode").value,
    ingest: field(form, "ingest").value,
    // Only the new campaign's form has it: N is fixed once the campaign exists.
    ...(form.elements.namedItem("shards") && { shards: Number(field(form, "shards").value) }),
  };
  const notice = noticeBody(form, timeZone);
  if (notice.error) {
    markInvalid(form, notice.field ?? "");
    return { refused: notice.error };
  }
  if (notice.notice) all.notice = notice.notice;
  let body: Record<string, unknown> = all;
  if (mode === "edit") {
    // Only what changed, so the audit log shows the real change and untouched times keep
    // their seconds.
    body = {};
    for (const key of ["title", "slug", "organizer", "description", "timeZone"]) {
      if (changed(field(form, key))) body[key] = all[key];
    }
    if (
      changed(field(form, "timeZone")) ||
      changed(field(form, "opensAt")) ||
      changed(field(form, "closesAt"))
    ) {
      body.opensAt = opensAt;
      body.closesAt = closesAt;
    }
    if (
      changed(field(form, "likesPerCandidatePerDay")) ||
      changed(field(form, "likesPerVoterPerDay"))
    )
      body.rules = all.rules;
    for (const key of ["showCounts", "nomineeOrder", "draft", "identityMode", "ingest"]) {
      if (changed(field(form, key))) body[key] = all[key];
    }
    const protectionFields = [
      "challengePrefixPerMinute",
      "challengeVoterPerMinute",
      "challengeDifficulty",
      "holdFlagged",
      "retentionDays",
    ];
    if (protectionFields.some((key) => changed(field(form, key)))) {
      body.protection = all.protection;
    }
    if (notice.notice && (noticeChanged(form) || changed(field(form, "timeZone"))))
      body.notice = notice.notice;
    if (Object.keys(body).length === 0) return { refused: "没有修改。" };
  }
  return body;
}
