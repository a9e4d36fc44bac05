import { describe, expect, it } from "vitest";
import { actorParts, actorText } from "../../../src/views/admin/actor";

describe("actor labels in the console's words", () => {
  it("turns the role and sign-in way into Chinese", () => {
    expect(actorText("王主任 (admin, session)")).toBe("王主任（管理员 · 内置口令登录）");
    expect(actorText("纪检李 (observer, token)")).toBe("纪检李（观察员 · API 令牌）");
    expect(actorText("临县 (unit, link)")).toBe("临县（推荐单位 · 邀请链接）");
    expect(actorText("李四 (admin, account)")).toBe("李四（管理员 · 个人账号）");
    expect(actorParts("王主任 (admin, session)")).toEqual({
      name: "王主任",
      detail: "管理员 · 内置口令登录",
    });
  });

  it("names the API token and the Cron in Chinese, not by their internal words", () => {
    expect(actorText("token (admin, token)")).toBe("API 调用（管理员 · API 令牌）");
    expect(actorParts("system (retention)")).toEqual({ name: "系统", detail: "到期删除投票明细" });
    // A person who declared a name keeps it.
    expect(actorText("token (admin, session)")).toBe("token（管理员 · 内置口令登录）");
  });

  it("leaves a name with its own brackets alone", () => {
    expect(actorText("系统")).toBe("系统");
    expect(actorText("张三 (市信访局)")).toBe("张三 (市信访局)");
  });
});
