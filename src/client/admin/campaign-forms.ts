/** Campaign settings (new and edit) and deleting a campaign. */

import { localToIso as toIso, isValidTimeZone as validZone } from "../../domain/time";
import { noticeBody, noticeChanged, noticeFieldNames } from "./notice-settings";
import {
  $,
  $$,
  api,
  apiBase,
  busy,
  changed,
  checked,
  explain,
  field,
  go,
  markInvalid,
  missing,
  say,
  submitButton,
} from "./shared";

export function setupCampaignForms(): void {
  for (const form of $$<HTMLFormElement>('form[data-form="campaign"]')) {
    const error = $("[data-form-error]", form);
    const mode = form.dataset.mode;
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      say(error, "");
      for (const el of $$("[aria-invalid]", form)) el.removeAttribute("aria-invalid");
      const blank = missing(form, [
        "title",
        "slug",
        "organizer",
        "timeZone",
        "opensAt",
        "closesAt",
      ]);
      if (blank) {
        say(error, blank);
        return;
      }
      const timeZone = field(form, "timeZone").value.trim();
      if (!validZone(timeZone)) {
        say(error, "时区无效：请填写 IANA 时区名，例如 Asia/Shanghai。");
        markInvalid(form, "timeZone");
        return;
      }
      const opensAt = toIso(field(form, "opensAt").value, timeZone);
      const closesAt = toIso(field(form, "closesAt").value, timeZone);
      if (!opensAt || !closesAt) {
        say(error, "请填写完整的开始和结束时间。");
        markInvalid(form, opensAt ? "closesAt" : "opensAt");
        return;
      }
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
      };
      const notice = noticeBody(form, timeZone);
      if (notice.error) {
        say(error, notice.error);
        markInvalid(form, notice.field ?? "");
        return;
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
        for (const key of ["showCounts", "nomineeOrder", "draft", "identityMode"]) {
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
        if (Object.keys(body).length === 0) {
          say(error, "没有修改。");
          return;
        }
      }
      const res = await busy(submitButton(form), () =>
        mode === "edit"
          ? api(
              "PATCH",
              `/api/admin/campaigns/${encodeURIComponent(form.dataset.slug ?? "")}`,
              body,
            )
          : api("POST", "/api/admin/campaigns", body),
      );
      if (res.ok) {
        const newSlug = encodeURIComponent(String(res.body.slug));
        go(
          mode === "edit"
            ? `/admin/c/${newSlug}/settings?done=saved`
            : `/admin/c/${newSlug}/nominees?done=created`,
        );
        return;
      }
      const failure = res.error ?? { code: "unknown", message: "" };
      const message = explain({ ...failure, message: noticeFieldNames(failure.message) });
      say(error, message);
      markInvalid(form, noticeFieldNames(res.error?.message ?? ""));
    });
  }

  const del = $<HTMLButtonElement>("[data-delete-campaign]");
  del?.addEventListener("click", async () => {
    if (!confirm("确定删除该活动及其全部候选人？此操作不能撤销。")) return;
    const res = await busy(del, () => api("DELETE", apiBase));
    if (res.ok) go("/admin?done=deleted");
    else say($("[data-delete-error]"), explain(res.error ?? { code: "unknown", message: "" }));
  });
}
