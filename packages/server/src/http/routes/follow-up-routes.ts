/** 整改 (follow-ups): raise from a form, list with filters, counts, read, change with If-Match, history, owner candidates. */
import { FOLLOW_UP_ACTIONS, FOLLOW_UP_SOURCE_KINDS, FOLLOW_UP_STATUSES, GRADES } from '@jixiao/core';
import { z } from 'zod';
import type { FollowUpHistoryView, FollowUpView } from '../../services/follow-up-service.js';
import { createFollowUp, followUpCounts, followUpHistory, followUpOwnerCandidates, getFollowUp, listVisibleFollowUps, updateFollowUp } from '../../services/follow-up-service.js';
import type { App, RouteDeps } from '../app.js';
import { ifMatchVersion, requireActor } from '../request-auth.js';

const id = z.string().min(1).max(100);
const idParams = z.object({ id });
const title = z.string().trim().min(1).max(200);
const dueDate = z.iso.date().describe('YYYY-MM-DD, a day of the calendar in China');
const year = z.coerce.number().int().min(1990).max(2200);
/** The filters the dashboard shares with its follow-up card: a region (outside the caller's reach: nothing) and the grade of the follow-up's form. */
const regionId = id.optional().describe("only follow-ups of this region's departments; a region outside the caller's reach matches nothing");
const grade = z.enum(GRADES).optional().describe('only follow-ups raised on a form of this grade (as last saved)');

/** A follow-up as answered. */
const followUpAnswer = z.object({
  id: z.string(),
  formId: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  year: z.number().int(),
  source: z.object({
    kind: z.enum(FOLLOW_UP_SOURCE_KINDS),
    code: z.string().describe("The finding's rule code; empty for a review comment"),
    path: z.string().describe("The finding's place, or the reviewed indicator's name path"),
    indicatorId: z.string().nullable(),
    quote: z.string().describe('The finding or comment as it read when the follow-up was raised'),
  }),
  title: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  dueDate: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  overdue: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  abilities: z.array(z.enum(FOLLOW_UP_ACTIONS)),
});

/** A follow-up as GET/POST/PATCH /api/follow-ups… answer it (the web app reads this type too). */
export type FollowUpAnswer = z.infer<typeof followUpAnswer>;

function present(v: FollowUpView): z.infer<typeof followUpAnswer> {
  const f = v.followUp;
  return {
    id: f.id,
    formId: f.formId,
    departmentId: f.departmentId,
    departmentName: f.departmentName,
    year: f.year,
    source: { kind: f.sourceKind, code: f.sourceCode, path: f.sourcePath, indicatorId: f.sourceIndicatorId, quote: f.quote },
    title: f.title,
    owner: { id: f.ownerId, name: f.ownerName },
    dueDate: f.dueDate,
    status: f.status,
    overdue: v.overdue,
    version: f.version,
    createdAt: f.createdAt,
    createdBy: f.createdBy,
    updatedAt: f.updatedAt,
    updatedBy: f.updatedBy,
    abilities: v.abilities,
  };
}

const historyAnswer = z.object({
  version: z.number().int(),
  at: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  action: z.string(),
  from: z.enum(FOLLOW_UP_STATUSES).nullable(),
  to: z.enum(FOLLOW_UP_STATUSES),
  note: z.string(),
  changes: z.array(z.object({ field: z.enum(['title', 'ownerId', 'dueDate']), before: z.string(), after: z.string(), beforeText: z.string(), afterText: z.string() })),
});

/** One entry of GET /api/follow-ups/:id/history. */
export type FollowUpHistoryAnswer = z.infer<typeof historyAnswer>;

const summaryAnswer = z.object({ byStatus: z.record(z.enum(FOLLOW_UP_STATUSES), z.number().int()), overdue: z.number().int(), total: z.number().int() });

/** GET /api/follow-ups/summary. */
export type FollowUpSummaryAnswer = z.infer<typeof summaryAnswer>;

function presentHistoryEntry(e: FollowUpHistoryView): z.infer<typeof historyAnswer> {
  return { version: e.version, at: e.at, user: { id: e.userId, name: e.userName }, action: e.action, from: e.fromStatus, to: e.toStatus, note: e.note, changes: e.changes };
}

const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('finding'), code: z.string().min(1).max(100), path: z.string().max(1000) }),
  z.object({ kind: z.literal('review'), indicatorId: id }),
]);

/** /api/forms/:id/follow-ups, /api/follow-ups… */
export function registerFollowUpRoutes(app: App, { ctx }: RouteDeps): void {
  app.post(
    '/api/forms/:id/follow-ups',
    {
      schema: {
        tags: ['follow-ups'],
        summary: 'Raise a follow-up (整改) from a finding or a review comment of the form (reviewers of its region, administrators)',
        params: idParams,
        body: z.object({ source, title, ownerId: id, dueDate }),
        response: { 201: followUpAnswer },
      },
    },
    async (request, reply) => {
      const v = await createFollowUp(ctx, requireActor(request), request.params.id, request.body);
      return reply.status(201).header('etag', `"${v.followUp.version}"`).send(present(v));
    },
  );

  app.get(
    '/api/follow-ups',
    {
      schema: {
        tags: ['follow-ups'],
        summary: 'The follow-ups the caller may see (reviewers: their region; heads and editors: their department), soonest due first',
        querystring: z.object({
          regionId,
          departmentId: id.optional(),
          formId: id.optional(),
          year: year.optional(),
          grade,
          status: z.enum(FOLLOW_UP_STATUSES).optional(),
          overdue: z.enum(['true', 'false']).optional().describe('true: only those still owed past their due date; false: none of those'),
        }),
        response: { 200: z.object({ followUps: z.array(followUpAnswer) }) },
      },
    },
    async (request) => {
      const { overdue, ...query } = request.query;
      const list = await listVisibleFollowUps(ctx, requireActor(request), { ...query, overdue: overdue === undefined ? undefined : overdue === 'true' });
      return { followUps: list.map(present) };
    },
  );

  app.get(
    '/api/follow-ups/summary',
    {
      schema: {
        tags: ['follow-ups'],
        summary: 'How many follow-ups the caller may see, by status, and how many are overdue',
        querystring: z.object({ regionId, departmentId: id.optional(), year: year.optional(), grade }),
        response: { 200: summaryAnswer },
      },
    },
    async (request) => followUpCounts(ctx, requireActor(request), request.query),
  );

  app.get(
    '/api/follow-ups/owners',
    {
      schema: {
        tags: ['follow-ups'],
        summary: "Who may own a department's follow-ups: its heads and editors, its region's reviewers (for those who may raise one)",
        querystring: z.object({ departmentId: id }),
        response: { 200: z.object({ owners: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }) },
      },
    },
    async (request) => ({
      owners: (await followUpOwnerCandidates(ctx, requireActor(request), request.query.departmentId)).map((o) => ({ id: o.id, name: o.displayName, role: o.role })),
    }),
  );

  app.get('/api/follow-ups/:id', { schema: { tags: ['follow-ups'], summary: 'A follow-up, its version also as ETag', params: idParams, response: { 200: followUpAnswer } } }, async (request, reply) => {
    const v = await getFollowUp(ctx, requireActor(request), request.params.id);
    return reply.header('etag', `"${v.followUp.version}"`).send(present(v));
  });

  app.patch(
    '/api/follow-ups/:id',
    {
      schema: {
        tags: ['follow-ups'],
        summary: 'Change the status (with a note), title, owner or due date; If-Match carries the version read (stale → 409)',
        params: idParams,
        body: z
          .object({ status: z.enum(FOLLOW_UP_STATUSES).optional(), note: z.string().max(10_000).optional(), title: title.optional(), ownerId: id.optional(), dueDate: dueDate.optional() })
          .refine((b) => b.status !== undefined || b.title !== undefined || b.ownerId !== undefined || b.dueDate !== undefined, { message: 'status, title, ownerId or dueDate' }),
        response: { 200: followUpAnswer },
      },
    },
    async (request, reply) => {
      const v = await updateFollowUp(ctx, requireActor(request), request.params.id, ifMatchVersion(request), request.body);
      return reply.header('etag', `"${v.followUp.version}"`).send(present(v));
    },
  );

  app.get(
    '/api/follow-ups/:id/history',
    { schema: { tags: ['follow-ups'], summary: 'Every change of a follow-up: who, when, from → to, the note', params: idParams, response: { 200: z.object({ history: z.array(historyAnswer) }) } } },
    async (request) => ({ history: (await followUpHistory(ctx, requireActor(request), request.params.id)).map(presentHistoryEntry) }),
  );
}
