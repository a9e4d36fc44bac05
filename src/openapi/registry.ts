import { AUDIT_OPERATIONS } from "./audit";
import type { OperationDocs } from "./operation";
import { ORGANIZER_OPERATIONS } from "./organizer";
import { PUBLIC_OPERATIONS } from "./public";
import { SELECTION_OPERATIONS } from "./selection";

/** Every operation's description, by `METHOD path` as the app registers it. */
export const OPERATIONS: OperationDocs = {
  ...PUBLIC_OPERATIONS,
  ...ORGANIZER_OPERATIONS,
  ...SELECTION_OPERATIONS,
  ...AUDIT_OPERATIONS,
};
