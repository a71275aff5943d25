import { describe, expect, it } from 'vitest';
import { understandQuestion, inheritScope, scopeOf } from '../src/question/index.ts';
import { assumedScopeNote } from '../src/answer/messages.ts';

const plan = (question: string) => understandQuestion(question, { knownPlaces: ['Từ Sơn', 'Đông Ngàn'] });

describe('follow-up scope', () => {
  const previous = scopeOf(plan('Phiên họp thường kỳ tháng 9/2021 của BTV Thị ủy Từ Sơn kết luận gì về nông nghiệp?'))!;

  it('reads the scope a question names', () => {
    expect(previous.period?.months).toEqual(['2021-09']);
    expect(previous.body?.organ).toBeTruthy();
    expect(scopeOf(plan('còn về giáo dục thì sao?'))).toBeNull();
    expect(scopeOf(plan('and education?'))).toBeNull();
  });

  it('gives a question that names nothing the whole previous scope, keeping its own topic', () => {
    for (const question of ['còn về giáo dục thì sao?', 'con ve giao duc thi sao', 'and education?']) {
      const { question: inherited, inherited: taken } = inheritScope(plan(question), previous);
      expect(taken).toEqual(previous);
      expect(inherited.period?.months).toEqual(['2021-09']);
      expect(inherited.body).toEqual(previous.body);
      expect(inherited.topicTerms.join(' ')).toMatch(/giao duc/);
    }
  });

  it('keeps the previous body when only a new period is named', () => {
    const { question: inherited, inherited: taken } = inheritScope(plan('còn tháng 10/2021 thì sao?'), previous);
    expect(inherited.period?.months).toEqual(['2021-10']);
    expect(inherited.body).toEqual(previous.body);
    expect(taken?.period?.months).toEqual(['2021-10']);
  });

  it('leaves a question that names its own body or session alone, and one with no previous scope', () => {
    expect(inheritScope(plan('HĐND phường Đông Ngàn bàn gì về giáo dục?'), previous).inherited).toBeNull();
    expect(inheritScope(plan('kỳ họp thứ 4 bàn gì?'), previous).inherited).toBeNull();
    expect(inheritScope(plan('còn về giáo dục thì sao?'), null).inherited).toBeNull();
    const periodOnly = scopeOf(plan('tháng 9/2021 có gì mới?'))!;
    expect(inheritScope(plan('còn tháng 10/2021 thì sao?'), periodOnly).inherited).toBeNull();
  });

  it("says in the answer's language which session was assumed", () => {
    expect(assumedScopeNote(previous, 'vi')).toMatch(/^Hiểu theo câu hỏi trước: tháng 9\/2021, .*Thị ủy/);
    expect(assumedScopeNote(previous, 'vi-plain')).toMatch(/^Hiểu theo câu hỏi trước: tháng 9\/2021/);
    expect(assumedScopeNote(previous, 'en')).toMatch(
      /^Read as a follow-up to your previous question: September 2021, /,
    );
    expect(assumedScopeNote(scopeOf(plan('kỳ họp thứ tư của HĐND thành phố'))!, 'en')).toMatch(/HĐND.*, session 4\.$/);
  });
});
