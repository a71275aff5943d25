import { afterEach, describe, expect, it, vi } from 'vitest';
import { skipBecause } from './helpers/skip.ts';

describe('a skipped suite', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says why on stderr, once, and only when it is skipped', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(skipBecause(true, 'poppler-utils not installed')).toBe(true);
    expect(skipBecause(false, 'tesseract-ocr not installed')).toBe(false);
    expect(write.mock.calls).toEqual([['skipped: poppler-utils not installed\n']]);
  });
});
