import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const baseUrl = (): string => inject('baseUrl');
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Screenshots land here for a person to look at (not compared: fonts differ across machines). */
export const SHOTS_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

export async function newPage(browser: Browser, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  return { context, page };
}

export async function signIn(page: Page, username: string, password = 'tusoi-demo'): Promise<void> {
  await page.goto(baseUrl());
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: /Tài khoản:/ }).waitFor();
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** Calls the API as a demo user from the test process, to find ids the UI will be asked about. */
export async function apiAs(username: string) {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'tusoi-demo' }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async <T>(url: string): Promise<T> => {
    const res = await fetch(`${baseUrl()}${url}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return (await res.json()) as T;
  };
}

/** Vietnam's date today (UTC+7, no daylight saving), yyyy-mm-dd. */
export const vietnamToday = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** yyyy-mm-dd → dd/mm/yyyy, as the interface writes dates. */
export const ddmmyyyy = (iso: string): string => iso.split('-').reverse().join('/');

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Signs `username` in from the test process and calls the API as them (any method), throwing on anything but 2xx. */
export async function sessionAs(username: string, password = 'tusoi-demo') {
  const login = await fetch(`${baseUrl()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl()}${url}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
}
