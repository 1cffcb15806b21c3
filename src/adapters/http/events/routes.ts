import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EventIngestion, IngestResult, RejectedEvent } from '../../../app/profiles/event-ingestion.js';
import { ProblemSchema, commonProblems } from '../common-schemas.js';
import { isErrorCode } from '../error-catalog.js';
import { findTooDeep, nestingProblem } from '../nesting.js';
import { HttpProblem } from '../problem.js';
import { customerProof } from '../request-customer.js';
import type { TypeBoxRequestProvider } from '../type-provider.js';
import { acceptSegmentBodies } from './body-parsing.js';
import { AnyEvent, BatchEnvelope, IngestAnswer, MAX_BATCH_EVENTS } from './schemas.js';

/** One event up to 128 KB, a batch up to 500 events and 4 MB (docs/api.md, Events). */
const EVENT_BODY_LIMIT = 128 * 1024;
const BATCH_BODY_LIMIT = 4 * 1024 * 1024;

const SINGLE_TYPES = ['track', 'identify', 'page', 'screen', 'group', 'alias'] as const;

/**
 * Segment HTTP Tracking API compatible ingestion: `/v1/track`, `/v1/identify`, `/v1/page`,
 * `/v1/screen`, `/v1/group`, `/v1/alias` and `/v1/batch`. Answers only once accepted events are durable.
 */
export async function registerEventRoutes(parent: FastifyInstance, ingestion: EventIngestion): Promise<void> {
  acceptSegmentBodies(parent);
  const app = parent.withTypeProvider<TypeBoxRequestProvider>();
  const tags = ['events'];

  for (const type of SINGLE_TYPES) {
    app.post(
      `/v1/${type}`,
      {
        bodyLimit: EVENT_BODY_LIMIT,
        config: { scope: 'events:write', keyInBody: true },
        schema: {
          tags,
          summary: `Record one ${type} call`,
          body: AnyEvent,
          response: { 200: IngestAnswer, 413: ProblemSchema, ...commonProblems },
        },
      },
      async (request) => {
        const result = await ingestion.submit([{ ...request.body, type }], {
          fromServer: fromServer(request),
          ...customerTokenOf(request),
        });
        const [problem] = result.rejected;
        if (problem !== undefined) {
          const code = isErrorCode(problem.code) ? problem.code : 'invalid_event';
          throw new HttpProblem(code, problem.detail, { pointer: problem.pointer, in: 'body' });
        }
        return result;
      },
    );
  }

  app.post(
    '/v1/batch',
    {
      bodyLimit: BATCH_BODY_LIMIT,
      // Each event's nesting and text are checked alone, so one bad event does not fail the batch.
      config: {
        scope: 'events:write',
        keyInBody: true,
        nestingCheckedByRoute: true,
        eachEventStandsAlone: true,
      },
      schema: {
        tags,
        summary: `Record up to ${MAX_BATCH_EVENTS} events; each stands alone`,
        description:
          'Valid events are stored, invalid ones are listed by index with a code and pointer (200). ' +
          'A malformed envelope stores nothing (400 or 413).',
        body: BatchEnvelope,
        response: { 200: IngestAnswer, 413: ProblemSchema, ...commonProblems },
      },
    },
    async (request): Promise<IngestResult> => {
      const { batch, sentAt, context } = request.body;
      if (batch.length > MAX_BATCH_EVENTS) {
        throw new HttpProblem('too_many_events', `a batch holds at most ${MAX_BATCH_EVENTS} events`, {
          pointer: '/batch',
          in: 'body',
        });
      }
      const envelopeTooDeep = findTooDeep({ ...request.body, batch: [] });
      if (envelopeTooDeep !== undefined) throw nestingProblem(envelopeTooDeep);
      const { shallow, tooDeep } = setAsideTooDeep(batch);
      const result = await ingestion.submit(
        shallow.map(({ event }) => event),
        { fromServer: fromServer(request), envelope: { sentAt, context }, ...customerTokenOf(request) },
      );
      // Back to each event's position in the batch as sent, and its pointer under it.
      const asSent = <T extends { index: number; pointer: string }>(entry: T): T => {
        const index = shallow[entry.index]?.index ?? entry.index;
        return { ...entry, index, pointer: `/batch/${index}${entry.pointer}` };
      };
      const rejected = [
        ...tooDeep.map((problem) => ({ ...problem, pointer: `/batch/${problem.index}${problem.pointer}` })),
        ...result.rejected.map(asSent),
      ].sort((a, b) => a.index - b.index);
      return {
        accepted: result.accepted,
        rejected,
        ignored: result.ignored.map(asSent),
      };
    },
  );
}

function customerTokenOf(request: FastifyRequest): { customerToken?: string } {
  const { customerToken } = customerProof(request);
  return customerToken === undefined ? {} : { customerToken };
}

/** Splits a batch into events ingestion may read and events that nest too deep (refused by index). */
function setAsideTooDeep(batch: readonly unknown[]): {
  shallow: { event: unknown; index: number }[];
  tooDeep: RejectedEvent[];
} {
  const shallow: { event: unknown; index: number }[] = [];
  const tooDeep: RejectedEvent[] = [];
  batch.forEach((event, index) => {
    const pointer = findTooDeep(event);
    if (pointer === undefined) shallow.push({ event, index });
    else tooDeep.push({ index, pointer, code: 'nesting_too_deep', detail: nestingProblem(pointer).message });
  });
  return { shallow, tooDeep };
}

function fromServer(request: FastifyRequest): boolean {
  return request.principal?.kind === 'secret';
}
