/**
 * 重新初选: puts a declined nomination back in the review queue (issue 14). The reason is
 * required, recorded in the audit log, and shown to the unit as the review comment.
 */
export function ReopenForm(props: { id: number; prefix: string }) {
  const field = `${props.prefix}-reopen`;
  return (
    <form class="stack" data-form="reopen" data-id={String(props.id)} novalidate>
      <div class="field">
        <label for={field}>重新初选的理由（必填，单位可见）</label>
        <textarea id={field} name="reason" rows={2} maxlength={1000} required />
      </div>
      <p class="form-error" role="alert" data-form-error />
      <p>
        <button type="submit" class="button secondary">
          重新进入初选
        </button>
      </p>
    </form>
  );
}
