/** Per-chat values that expire: what a follow-up question inherits, for a while. */
export class ChatMemory<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(chatId: string): T | undefined {
    const entry = this.entries.get(chatId);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(chatId);
      return undefined;
    }
    return entry.value;
  }

  set(chatId: string, value: T): void {
    this.entries.set(chatId, { value, at: this.now() });
  }

  forget(chatId: string): void {
    this.entries.delete(chatId);
  }
}
