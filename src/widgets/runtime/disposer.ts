/**
 * Collects everything a widget makes — listeners, animation frames, timers, charts, elements —
 * so that `dispose()` undoes all of it. Widgets register through it instead of calling the
 * platform directly, which is what makes "destroy() leaves nothing behind" checkable.
 */
export class Disposer {
  private readonly cleanups: (() => void)[] = [];
  private disposed = false;

  /** Runs `cleanup` on dispose (last registered, first run). */
  add(cleanup: () => void): void {
    if (this.disposed) {
      cleanup();
      return;
    }
    this.cleanups.push(cleanup);
  }

  /** addEventListener that is removed on dispose. */
  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  listen(
    target: EventTarget,
    type: string,
    handler: EventListener,
    options?: AddEventListenerOptions,
  ): void;
  listen(
    target: EventTarget,
    type: string,
    handler: EventListener,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, options);
    this.add(() => target.removeEventListener(type, handler, options));
  }

  /** requestAnimationFrame that is cancelled on dispose. */
  frame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((t) => {
      this.frames.delete(id);
      callback(t);
    });
    this.frames.add(id);
    return id;
  }

  /** setTimeout that is cleared on dispose. */
  timeout(callback: () => void, ms: number): number {
    const id = window.setTimeout(() => {
      this.timers.delete(id);
      callback();
    }, ms);
    this.timers.add(id);
    return id;
  }

  /** Cancels one frame or timer early. */
  cancelFrame(id: number): void {
    cancelAnimationFrame(id);
    this.frames.delete(id);
  }

  cancelTimeout(id: number): void {
    window.clearTimeout(id);
    this.timers.delete(id);
  }

  private readonly frames = new Set<number>();
  private readonly timers = new Set<number>();

  /** True once dispose() ran. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Undoes everything, in reverse order; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const id of this.frames) cancelAnimationFrame(id);
    for (const id of this.timers) window.clearTimeout(id);
    this.frames.clear();
    this.timers.clear();
    while (this.cleanups.length > 0) this.cleanups.pop()?.();
  }
}
