/**
 * Thrown synchronously by a `create*Client` call whose options are wrong — before any request is
 * sent. The message says what is wrong and never contains a credential.
 */
export class ScanApiConfigError extends TypeError {
  override readonly name = 'ScanApiConfigError';
  /** The option at fault: `apiKey`, `baseUrl`… */
  readonly option: string;
  constructor(option: string, message: string) {
    super(`${option}: ${message}`);
    this.option = option;
  }
}
