/**
 * The few KB of browser code for the public pages (→ public/app.js). Everything here enhances
 * pages that already work without it: the like form (app/like.ts), the search form
 * (app/filters.ts), the ranking and the countdown (app/live.ts), sharing (app/share.ts).
 */
import { setupFilters } from "./app/filters";
import { setupLike } from "./app/like";
import { setupCountdown, setupRanking } from "./app/live";
import { dropSignInMark, setupCopy, setupPoster, setupWeChat } from "./app/share";

dropSignInMark();
setupLike();
setupFilters();
setupRanking();
setupCountdown();
setupCopy();
setupPoster();
setupWeChat();
