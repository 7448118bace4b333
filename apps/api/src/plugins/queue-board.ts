import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { forbidden, ServiceError } from '@mj/services';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { authHook } from './auth';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

/**
 * The operators' view of the sync queue (Bull Board), production mode only, for the accounts listed in
 * ADMIN_EMAILS. It shows job ids and payloads, which carry ids, never secrets.
 */
export async function registerQueueBoard(app: FastifyInstance, deps: AppDeps, queue: Queue) {
  const admins = new Set(deps.config.auth.adminEmails);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue)], serverAdapter });
  const authenticate = authHook(app, deps);
  await app.register(async (scope) => {
    // Bull Board installs its own error handler for its routes, so the gate answers by itself rather
    // than throwing into it.
    scope.addHook('onRequest', async (request, reply) => {
      try {
        await authenticate(request, reply);
        if (!request.principal || !admins.has(request.principal.email)) {
          throw forbidden('not_an_operator', 'The queue dashboard is for operators listed in ADMIN_EMAILS.');
        }
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reply
          .status(error.kind === 'unauthorized' ? 401 : 403)
          .send({ code: error.code, message: error.message });
      }
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  });
}
