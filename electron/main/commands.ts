// Menu commands waiting for the renderer, which asks for them through the contract
// (waitForCommand), so the preload needs no channel of its own.
import type { Command } from '../../shared/contract';

export class CommandQueue {
  private queue: Command[] = [];
  private waiting: ((c: Command | null) => void)[] = [];

  push(command: Command): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(command);
    else this.queue.push(command);
  }

  /** The next command, or null after `timeoutMs` so the renderer's request never hangs for long. */
  next(timeoutMs = 25_000): Promise<Command | null> {
    const ready = this.queue.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const waiter = (c: Command | null) => {
        clearTimeout(timer);
        resolve(c);
      };
      const timer = setTimeout(() => {
        this.waiting = this.waiting.filter((w) => w !== waiter);
        resolve(null);
      }, timeoutMs);
      this.waiting.push(waiter);
    });
  }
}
