/** A promise the test resolves when it chooses: holds a fake's answer back to look at the state in between. */
export class Gate {
  readonly opened: Promise<void>;
  open!: () => void;

  constructor() {
    this.opened = new Promise<void>((resolve) => (this.open = resolve));
  }
}
