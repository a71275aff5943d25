import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.ts';
import { newestFirst, reportDate } from '../src/store/index.ts';
import { corpusApp } from './helpers/app.ts';

const undated = { meetingDate: null, documentDate: null, publishedDate: null, sessionMonth: null };

describe('the day a report is placed at', () => {
  it('is the meeting, else the notice, else the publication, else the first of the session month', () => {
    const september = {
      ...undated,
      sessionMonth: '2021-09',
      publishedDate: '2021-10-08',
      documentDate: '2021-10-07',
      meetingDate: '2021-10-06',
    };
    expect(reportDate(september)).toBe('2021-10-06');
    expect(reportDate({ ...september, meetingDate: null })).toBe('2021-10-07');
    expect(reportDate({ ...september, meetingDate: null, documentDate: null })).toBe('2021-10-08');
    expect(reportDate({ ...undated, sessionMonth: '2021-09' })).toBe('2021-09-01');
    expect(reportDate(undated)).toBeNull();
  });

  it('orders reports newest first, undated last', () => {
    const reports = [
      { ...undated, id: 'undated' },
      { ...undated, id: 'march', sessionMonth: '2022-03' },
      { ...undated, id: 'september', sessionMonth: '2021-09', meetingDate: '2021-10-06' },
      { ...undated, id: 'april', documentDate: '2022-04-05' },
    ];
    expect(newestFirst(reports).map((r) => r.id)).toEqual(['april', 'march', 'september', 'undated']);
  });
});

describe('the store lists reports in the same order', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await corpusApp());
  });

  it('as newestFirst, so the CLI, the bot and retrieval agree on what is newest', () => {
    const listed = app.store.listReports();
    expect(listed.map((r) => reportDate(r))).toEqual(newestFirst(listed).map((r) => reportDate(r)));
  });
});
