import { InvalidInput } from '../errors/domain-errors';

/** Collects every problem of an input before failing, so one answer names them all. */
export class Problems {
  private readonly list: string[] = [];

  add(problem: string): void {
    this.list.push(problem);
  }

  check(ok: boolean, problem: string): void {
    if (!ok) this.list.push(problem);
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new InvalidInput([...this.list]);
  }
}
