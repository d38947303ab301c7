// Host side of the Lambda invoke panel: show the configuration, invoke with a JSON payload, show result and log tail.
import { checkPayload, getFunction, invokeFunction } from '../aws/lambda';
import type { PanelKind } from './panel';
import { requireClients, type PanelDeps } from './deps';
import {
  LAMBDA_VIEW_TYPE,
  lambdaFromView,
  lambdaTarget,
  type LambdaFromView,
  type LambdaTarget,
  type LambdaToView,
} from './protocol/lambda';

export function lambdaPanel(deps: PanelDeps): PanelKind<LambdaTarget, LambdaFromView, LambdaToView> {
  return {
    viewType: LAMBDA_VIEW_TYPE,
    script: 'lambda',
    title: (t) => `Invoke: ${t.functionName}`,
    key: (t) => t.functionName,
    target: lambdaTarget,
    fromView: lambdaFromView,
    create(host, target) {
      const name = target.functionName;
      return {
        async onReady() {
          await host.run(0, `Read function ${name}`, async (signal) => {
            host.post({
              type: 'init',
              target,
              config: await getFunction(await requireClients(deps), name, { signal }),
            });
          });
        },
        async onMessage(m) {
          if (m.type !== 'invoke') return;
          const checked = checkPayload(m.payload);
          if (!checked.ok) {
            host.refuse(m.requestId, checked.error);
            return;
          }
          await host.run(m.requestId, `Invoke ${name}`, async (signal) => {
            const result = await invokeFunction(await requireClients(deps), { name, payload: checked.json, signal });
            host.post({ type: 'result', requestId: m.requestId, result });
          });
        },
      };
    },
  };
}
