import { beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from 'i18next';
import { registerMessages, withWords, wordsFor } from './lazyMessages.js';

beforeAll(async () => {
  await i18n.init({ lng: 'vi', fallbackLng: 'vi', resources: { vi: { translation: {} } }, initAsync: false });
});

const en = (key: string) => i18n.getResource('en', 'translation', key) as string | undefined;

describe('feature words', () => {
  it('adds the Vietnamese words at once and fetches the English ones only when English is wanted', async () => {
    const loadEn = vi.fn(async () => ({ title: 'Tasks' }));
    registerMessages('tasks', 'tasks', { title: 'Nhiệm vụ' }, loadEn);
    expect(i18n.t('tasks.title' as never)).toBe('Nhiệm vụ');
    expect(loadEn).not.toHaveBeenCalled();

    await wordsFor('en'); // the switch: every feature loaded so far
    expect(loadEn).toHaveBeenCalledTimes(1);
    expect(en('tasks.title')).toBe('Tasks');
    await wordsFor('en');
    expect(loadEn).toHaveBeenCalledTimes(1);
  });

  it('while English is shown, a lazy chunk resolves only once the words it registered are in', async () => {
    let arrive: (m: { title: string }) => void = () => undefined;
    const loadEn = vi.fn(() => new Promise<{ title: string }>((resolve) => (arrive = resolve)));
    const chunk = Promise.resolve().then(() => {
      registerMessages('meetings', 'meetings', { title: 'Sinh hoạt' }, loadEn); // the chunk's messages.ts
      return { default: 'MeetingPage' };
    });
    let shown = false;
    const page = withWords(chunk).then((m) => {
      shown = true;
      return m;
    });
    await chunk;
    await new Promise((r) => setTimeout(r, 10));
    expect(loadEn).toHaveBeenCalledTimes(1);
    expect(shown).toBe(false);
    arrive({ title: 'Meetings' });
    await expect(page).resolves.toEqual({ default: 'MeetingPage' });
    expect(en('meetings.title')).toBe('Meetings');
  });

  it('offline, the screen still shows (in Vietnamese) and the words are asked for again at the next switch', async () => {
    const loadEn = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ title: 'Local issues' });
    const chunk = Promise.resolve().then(() => registerMessages('local-issues', 'localissues', { title: 'Vấn đề' }, loadEn));
    await withWords(chunk);
    expect(en('localissues.title')).toBeUndefined();
    await wordsFor('en');
    expect(loadEn).toHaveBeenCalledTimes(2);
    expect(en('localissues.title')).toBe('Local issues');
  });
});
