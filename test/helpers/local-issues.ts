import { expect } from 'vitest';
import type { TestApp } from './app.js';
import { COMMUNE, CELL_DONG_THU } from './app.js';
import type { LocalIssueDetail } from '../../src/features/local-issues/schemas.js';
import type { PublicFeedbackForm, PublicFeedbackReceipt } from '../../src/features/citizen-feedback/schemas.js';
import { buildIssue } from './factories.js';

/** The public routes' guards opened wide, so a suite can send many messages from one test address. */
export const openPublicLimits = {
  publicFormMinSeconds: 0,
  publicSendsPerMinute: 100_000,
  publicLookupsPerMinute: 100_000,
  publicFeedbackPerIpPerHour: 100_000,
  publicFeedbackPerContactPerDay: 100_000,
};

let serial = 0;

/** The public form, as a citizen's browser loads it. */
export async function publicForm(t: TestApp): Promise<PublicFeedbackForm> {
  const res = await t.app.inject({ method: 'GET', url: '/api/public/feedback-form' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PublicFeedbackForm;
}

/** A citizen's message (a distinct phone each time unless given), sent through the public form. */
export async function sendCitizen(t: TestApp, body: Record<string, unknown> = {}, village = CELL_DONG_THU): Promise<PublicFeedbackReceipt & { body: Record<string, unknown> }> {
  const form = await publicForm(t);
  const payload = {
    name: 'Nguyễn Thị Thử',
    phone: `0912 ${String(100000 + ++serial).slice(-6)}`,
    villageUnitId: await t.unitId(village),
    topic: 'dat_dai',
    content: `Đề nghị xã sớm giao đất dịch vụ khu Lồng Chấy cho gia đình tôi (lần ${serial}).`,
    consentContact: true,
    formToken: form.formToken,
    ...body,
  };
  const res = await t.app.inject({ method: 'POST', url: '/api/public/feedback', payload });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as PublicFeedbackReceipt), body: payload };
}

/** A new issue on the demo commune's list, by its party committee (see `buildIssue` for a built commune). */
export async function createIssue(t: TestApp, body: Record<string, unknown> = {}): Promise<LocalIssueDetail> {
  return buildIssue(t, { cookie: await t.login('bithu.dangbo'), communeId: await t.unitId(COMMUNE), villageUnitId: await t.unitId(CELL_DONG_THU) }, body);
}

/** Moves an issue on as the party committee: the demo's unless a signed-in cookie is given. */
export async function setStatus(t: TestApp, id: string, body: Record<string, unknown>, cookie?: string): Promise<LocalIssueDetail> {
  const res = await t.app.inject({ method: 'POST', url: `/api/local-issues/${id}/status`, headers: { cookie: cookie ?? (await t.login('bithu.dangbo')) }, payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LocalIssueDetail;
}
