// The composition root's part for the bot: what the bot declares it needs (BotDeps), built from
// the app and each stage's entry point. The bot itself never sees the app.
import path from 'node:path';
import { answer } from './answer/index.ts';
import type { App } from './app.ts';
import type { BotDeps } from './bot/index.ts';
import { ingestPaths } from './ingest/index.ts';
import { loadVietnameseWords } from './question/index.ts';
import { lexicalIndex, reportCatalog } from './retrieve/index.ts';

/** The bot's dependencies, wired to the app's store, embedder, indexes and answerers. */
export function botDependencies(app: App): BotDeps {
  const { config, log, store } = app;
  return {
    telegram: config.telegram,
    log,
    ask: (question, { context }) => answer(question, app, { context }),
    reports: {
      list: () => reportCatalog(store).list,
      get: (id) => reportCatalog(store).byId.get(id),
      counts: () => store.counts(),
    },
    questions: {
      record: (entry) => store.questions.record(entry),
      get: (id) => store.questions.get(id),
      recordFeedback: (questionId, userId, value) => store.questions.recordFeedback(questionId, userId, value),
      stats: () => store.questions.stats(),
    },
    passage: (chunkId) => store.passageById(chunkId),
    ingest: (paths) => ingestPaths(paths, app),
    uploadsDir: path.join(config.dataDir, 'uploads'),
    maxUploadBytes: config.maxFileBytes,
    warmUp: async () => {
      // The embedder and both indexes, and the word list, so the first citizen does not wait seconds for them.
      await app.vectorIndex();
      lexicalIndex(store);
      loadVietnameseWords();
    },
  };
}
