import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { zuimeiXinfang } from "../../../src/db/seed/zuimei-xinfang";
import { CampaignSettings } from "../../../src/validators/campaign";
import { NomineeRecord } from "../../../src/validators/nominee";

/** The seed is held to the API's schemas: what ships in source could also be sent by an organizer. */
describe("the seed campaign", () => {
  it("is a valid campaign", () => {
    const { nominees: _, description, ...settings } = zuimeiXinfang;
    const parsed = v.parse(CampaignSettings, {
      ...settings,
      description: description.join("\n\n"),
    });
    expect(parsed).toMatchObject(settings);
  });

  it.each(zuimeiXinfang.nominees.map((n) => [n.number, n] as const))(
    "nominee %i is a valid nominee, unchanged by parsing",
    (_, nominee) => {
      expect(v.parse(NomineeRecord, nominee)).toEqual(nominee);
    },
  );

  it("numbers its nominees 1..n without gaps", () => {
    expect(zuimeiXinfang.nominees.map((n) => n.number)).toEqual(
      zuimeiXinfang.nominees.map((_, i) => i + 1),
    );
  });
});
