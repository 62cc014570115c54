// The part of opsgenie-sdk (0.5, untyped JavaScript) that the tests call.
declare module 'opsgenie-sdk' {
  type Identifier = { identifier: string; identifierType?: 'id' | 'alias' | 'tiny' };
  type Callback = (error: (Record<string, unknown> & { httpStatusCode?: number }) | null, result: Record<string, unknown> | null) => void;
  const opsgenie: {
    configure(options: { api_key?: string; host?: string; maxAttempts?: number }): void;
    alertV2: {
      create(data: unknown, callback: Callback): void;
      acknowledge(identifier: Identifier, data: unknown, callback: Callback): void;
      close(identifier: Identifier, data: unknown, callback: Callback): void;
    };
  };
  export default opsgenie;
}
