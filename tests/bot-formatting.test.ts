import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton, type ButtonAction } from '../src/bot/callback-data.ts';
import { escapeHtml, link, MESSAGE_LIMIT, splitMessage } from '../src/bot/html.ts';
import { RateLimiter } from '../src/bot/rate-limit.ts';
import { safeFileName } from '../src/bot/uploads.ts';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('Telegram HTML', () => {
  it('escapes <, > and & so report text never becomes markup', () => {
    expect(escapeHtml('<b>KT-XH</b> & <script>x()</script>')).toBe(
      '&lt;b&gt;KT-XH&lt;/b&gt; &amp; &lt;script&gt;x()&lt;/script&gt;',
    );
  });

  it('links only web sources, with the address escaped', () => {
    expect(link('Báo cáo <1>', 'https://a.vn/x?p=1&q=2')).toBe(
      '<a href="https://a.vn/x?p=1&amp;q=2">Báo cáo &lt;1&gt;</a>',
    );
    expect(link('Báo cáo', '/data/uploads/bc.md')).toBe('Báo cáo');
  });

  it('keeps a short message whole and splits a long one at paragraph breaks under the limit', () => {
    expect(splitMessage('một\n\nhai')).toEqual(['một\n\nhai']);
    const paragraph = 'Ủy ban nhân dân phường báo cáo kết quả thu ngân sách. '.repeat(30).trim();
    const html = Array.from({ length: 8 }, (_, i) => `<b>${i}</b> ${paragraph}`).join('\n\n');
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(part.startsWith('<b>')).toBe(true);
    }
    expect(parts.join('\n\n')).toBe(html);
  });

  it('cuts a paragraph longer than the limit at spaces, never inside a tag or entity', () => {
    const words = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? '&amp;' : `từ${i}`)).join(' ');
    const parts = splitMessage(words, 500);
    expect(parts.every((part) => part.length <= 500)).toBe(true);
    expect(parts.every((part) => !/&[a-z]*$/.test(part) && !/^[a-z]*;/.test(part))).toBe(true);
    expect(parts.join(' ')).toBe(words);
  });
});

describe('button data', () => {
  it('round-trips every action within 64 bytes', () => {
    const actions: ButtonAction[] = [
      { kind: 'source', questionId: 123456789, n: 3 },
      { kind: 'feedback', questionId: 42, value: 1 },
      { kind: 'feedback', questionId: 42, value: -1 },
      { kind: 'reports', page: 7 },
      { kind: 'example', reportId: 'a1b2c3d4e5f6' },
    ];
    for (const action of actions) {
      const data = encodeButton(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeButton(data)).toEqual(action);
    }
  });

  it('rejects data it did not make', () => {
    for (const data of ['', 'src:1', 'src:x:1', 'src:1:0', 'fb:1:maybe', 'rp:-1', 'ex:../../etc', 'other:1:2'])
      expect(decodeButton(data)).toBeNull();
  });
});

describe('rate limit', () => {
  it('allows the configured questions a minute per person, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([0, 0, 0]);
    now = 20_000;
    expect(limiter.take('a')).toBe(40);
    expect(limiter.take('b')).toBe(0);
    now = 60_001;
    expect(limiter.take('a')).toBe(0);
  });
});

describe('uploaded file names', () => {
  it('keeps Vietnamese names and drops folders and unsafe characters', () => {
    expect(safeFileName('Thông báo kết luận số 15.docx')).toBe('Thông báo kết luận số 15.docx');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\tmp\\bc<1>.pdf')).toBe('bc_1_.pdf');
    expect(safeFileName('...')).toBe('report');
  });
});

describe('bot settings', () => {
  const token = '123456789:AAExampleExampleExample_123';
  it('reads the Telegram variables with their defaults', () => {
    const { telegram } = loadConfig({ TELEGRAM_BOT_TOKEN: token, ADMIN_USER_IDS: '11, 22' });
    expect(telegram).toMatchObject({
      token,
      adminUserIds: [11, 22],
      rateLimitPerMinute: 6,
      followUpMs: 600_000,
      port: 8080,
      webhookUrl: undefined,
    });
  });

  it('names the variable and the fix when a value is wrong', () => {
    const cases: Array<[NodeJS.ProcessEnv, string]> = [
      [{ TELEGRAM_BOT_TOKEN: 'not-a-token' }, 'TELEGRAM_BOT_TOKEN'],
      [{ ADMIN_USER_IDS: '12,abc' }, 'ADMIN_USER_IDS'],
      [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE'],
      [{ WEBHOOK_URL: 'http://bot.example.org/hook' }, 'WEBHOOK_URL'],
      [{ WEBHOOK_SECRET: 'has spaces' }, 'WEBHOOK_SECRET'],
    ];
    for (const [env, variable] of cases) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
    }
    expect(
      loadConfig({ WEBHOOK_URL: 'http://127.0.0.1:9/hook', TELEGRAM_API_ROOT: 'http://127.0.0.1:9000' }).telegram
        .webhookUrl,
    ).toBe('http://127.0.0.1:9/hook');
  });
});
