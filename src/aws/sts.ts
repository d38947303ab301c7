// STS: who the configured credentials are (the emulator's account id).
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from './clients';

/** The account id the credentials belong to, when the service says. */
export async function callerAccount(clients: AwsClients, signal?: AbortSignal): Promise<string | undefined> {
  const out = await clients.sts().send(new GetCallerIdentityCommand({}), signal ? { abortSignal: signal } : {});
  return out.Account;
}
