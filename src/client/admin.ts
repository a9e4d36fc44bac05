/**
 * The organizer console's browser script (bundled to public/admin.js). Pages are rendered on the
 * server and readable without it; this script signs in and out, sends every change to the JSON API
 * under /api/admin, shows the API's answers next to the form that caused them, and keeps the
 * dashboard up to date. All text from the server is inserted with textContent, never as HTML,
 * except the dashboard's own server-rendered fragment.
 */
import { setupAccounts } from "./admin/accounts";
import { setupCampaignForms } from "./admin/campaign-forms";
import { setupCeremony } from "./admin/ceremony";
import { setupCopyCampaign } from "./admin/copy-campaign";
import { setupLifecycle, setupPolling, setupVoid } from "./admin/dashboard";
import { setupImport } from "./admin/import";
import { setupLogin, setupLogout } from "./admin/login";
import { setupNominees } from "./admin/nominees";
import { setupPrint } from "./admin/notice";
import { setupWithdraw } from "./admin/publication";
import { setupReopen } from "./admin/reopen";
import { setupReview } from "./admin/review";
import { setupSelection } from "./admin/selection";

setupLogin();
setupLogout();
setupCampaignForms();
setupLifecycle();
setupPolling();
setupVoid();
setupNominees();
setupImport();
setupPrint();
setupReview();
setupSelection();
setupAccounts();
setupCeremony();
setupWithdraw();
setupReopen();
setupCopyCampaign();
