/** An error a user can act on: `message` says what went wrong, `hint` what to do about it. */
export class HeedError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(hint ? `${message}\n  → ${hint}` : message);
    this.name = 'HeedError';
  }
}
