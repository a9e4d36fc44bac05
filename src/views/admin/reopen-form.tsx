import { SELECTION_LIMITS } from "../../validators/selection";
import { TextArea } from "./components/field";
import { FormEnd } from "./components/form";

/**
 * 重新初选: puts a declined nomination back in the review queue (issue 14). The reason is
 * required, recorded in the audit log, and shown to the unit as the review comment.
 */
export function ReopenForm(props: { id: number; prefix: string }) {
  return (
    <form class="stack" data-form="reopen" data-id={String(props.id)} novalidate>
      <TextArea
        id={`${props.prefix}-reopen`}
        name="reason"
        label="重新初选的理由（必填，单位可见）"
        rows={2}
        limit={SELECTION_LIMITS.reopenReason}
        required
      />
      <FormEnd submit="重新进入初选" kind="secondary" />
    </form>
  );
}
