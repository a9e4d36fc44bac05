import { SELECTION_LIMITS } from "../../validators/selection";
import { ReasonForm } from "./components/form";

/**
 * 重新初选: puts a declined nomination back in the review queue (issue 14). The reason is
 * required, recorded in the audit log, and shown to the unit as the review comment.
 */
export function ReopenForm(props: { id: number; prefix: string }) {
  return (
    <ReasonForm
      id={`${props.prefix}-reopen`}
      label="重新初选的理由（必填，单位可见）"
      limit={SELECTION_LIMITS.reopenReason}
      submit="重新进入初选"
      data={{ "data-form": "reopen", "data-id": String(props.id) }}
    />
  );
}
