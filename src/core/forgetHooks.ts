/**
 * What `forget` must delete beyond the core's own records. Each front end registers its user-scoped keys
 * when it starts (Discord: the DM-refusal mark), so the composition root needs to know no adapter.
 */
export type ForgetHook = (userId: string) => Promise<void>;

export class ForgetHooks {
  private readonly hooks = new Set<ForgetHook>();

  add(hook: ForgetHook): void {
    this.hooks.add(hook);
  }

  async run(userId: string): Promise<void> {
    await Promise.all([...this.hooks].map((hook) => hook(userId)));
  }
}
