// After handing the dossier in: the person records the portal's codes and when it was received,
// sees the appointment date and the working days left, adds it to the phone's calendar, and a
// supplement request stops the clock until the supplement restarts it.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";
import { test, expect, open, axeViolations } from "./fixtures.mjs";

test("a submission is recorded, its appointment is counted, goes to the calendar, and a supplement moves it", async ({ page }) => {
  await open(page, "/ho-so/1.004222");
  await expect(page.getByRole("heading", { name: "5. Sau khi nộp" })).toBeVisible();
  // The code is required: nothing is saved without it, and the person is told what to enter.
  await page.getByRole("button", { name: "Lưu thông tin đã nộp" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Hãy nhập mã hồ sơ" })).toBeVisible();
  await page.getByLabel("Mã hồ sơ").fill("H12.34-261125-0001");
  await page.getByLabel("Mã tra cứu (nếu có)").fill("TC-2611");
  // Received now (Wednesday 25/11/2026, 10:00), 7 working days → Friday 4/12.
  await expect(page.getByLabel("Ngày cơ quan tiếp nhận")).toHaveValue("2026-11-25");
  await page.getByRole("button", { name: "Lưu thông tin đã nộp" }).click();
  const state = page.locator(".submission__state");
  await expect(state).toHaveText("Đang giải quyết: hẹn trả kết quả Thứ Sáu, 04/12/2026 (còn 7 ngày làm việc).");
  await expect(page.locator("main")).toContainText("Mã hồ sơ: H12.34-261125-0001 · Mã tra cứu: TC-2611");
  expect(await axeViolations(page)).toEqual([]);

  // The calendar file, read by an independent iCalendar parser (ical.js).
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Thêm vào lịch (tệp .ics)" }).click()]);
  expect(download.suggestedFilename()).toBe("hen-tra-ket-qua.ics");
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(await download.path(), "utf8")));
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent"));
  expect(event.startDate.toString()).toBe("2026-12-04T08:00:00");
  expect(calendar.getFirstSubcomponent("vevent").getFirstProperty("dtstart").getParameter("tzid")).toBe("Asia/Ho_Chi_Minh");
  // With the file's own time zone, 8:00 in Hà Nội is 01:00 UTC.
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent("vtimezone"));
  const start = new ICAL.Event(calendar.getFirstSubcomponent("vevent")).startDate;
  expect(start.toJSDate().toISOString()).toBe("2026-12-04T01:00:00.000Z");
  expect(event.summary).toBe("Hẹn trả kết quả: Đăng ký thường trú");
  expect(event.description).toContain("Mã hồ sơ: H12.34-261125-0001; mã tra cứu: TC-2611");
  const alarm = calendar.getFirstSubcomponent("vevent").getFirstSubcomponent("valarm");
  expect(alarm.getFirstPropertyValue("trigger").toString()).toBe("-P1D");

  // Kept with the dossier.
  await page.reload();
  await expect(state).toHaveText("Đang giải quyết: hẹn trả kết quả Thứ Sáu, 04/12/2026 (còn 7 ngày làm việc).");

  // Friday 27/11: the agency asks for a supplement — the clock stops.
  await page.clock.setFixedTime(new Date("2026-11-27T09:00:00+07:00"));
  await page.getByRole("button", { name: "Cơ quan yêu cầu bổ sung" }).click();
  await expect(state).toContainText("Cơ quan yêu cầu bổ sung hồ sơ: thời hạn tạm dừng");
  await expect(page.getByRole("button", { name: "Thêm vào lịch (tệp .ics)" })).toHaveCount(0);
  // Thursday 3/12, 14:00: the supplement is handed in — 7 working days again, from that day.
  await page.clock.setFixedTime(new Date("2026-12-03T14:00:00+07:00"));
  await page.getByRole("button", { name: "Đã nộp bổ sung" }).click();
  await expect(state).toHaveText("Đang giải quyết: hẹn trả kết quả Thứ Hai, 14/12/2026 (còn 7 ngày làm việc).");
  // "Hồ sơ của tôi" says where it stands.
  await open(page, "/ho-so");
  await expect(page.locator(".my-dossier__state")).toHaveText("Đã nộp, mã hồ sơ H12.34-261125-0001. Đang giải quyết: hẹn trả kết quả Thứ Hai, 14/12/2026 (còn 7 ngày làm việc).");
  await page.getByRole("link", { name: /^Làm tiếp/ }).click();
  await page.getByRole("button", { name: "Đã có kết quả" }).click();
  await expect(state).toContainText("Đã có kết quả");
});
