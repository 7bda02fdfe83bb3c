import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { createJsonSchemaTransformObject, jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../core/context.js';
import { AppError, describeIssue, RequestValidationError, type FieldMessage } from '../core/errors.js';
import { fieldLabel, pickLang, translate, type Lang } from '../core/messages.js';
import { authRoutes } from '../features/auth/routes.js';
import { actorFromToken } from '../features/auth/service.js';
import { healthRoutes } from '../features/health/routes.js';
import { unitRoutes } from '../features/units/routes.js';
import { memberRoutes } from '../features/members/routes.js';
import { auditRoutes } from '../features/audit/routes.js';
import { accountRoutes } from '../features/accounts/routes.js';
import { meetingRoutes } from '../features/meetings/routes.js';
import { taskRoutes } from '../features/tasks/routes.js';
import { myWorkRoutes } from '../features/my-work/routes.js';
import { directiveRoutes } from '../features/directives/routes.js';
import { commitmentRoutes } from '../features/commitments/routes.js';
import { checklistRoutes } from '../features/checklist/routes.js';
import { inspectionRuleRoutes } from '../features/inspection-rules/routes.js';
import { ratingRuleRoutes } from '../features/rating-rules/routes.js';
import { inspectionRoutes } from '../features/inspections/routes.js';
import { disciplineRoutes } from '../features/discipline/routes.js';
import { reviewRoutes } from '../features/reviews/routes.js';
import { reviewListRoutes } from '../features/reviews/list-routes.js';
import { overviewRoutes } from '../features/overview/routes.js';
import { selfExamRoutes } from '../features/self-examinations/routes.js';
import { mySelfExamRoutes } from '../features/self-examinations/me-routes.js';
import { correctionPlanRoutes } from '../features/correction-plans/routes.js';
import { ownPlanRoutes } from '../features/correction-plans/own-routes.js';
import { feedbackRoutes } from '../features/feedback/routes.js';
import { localIssueRoutes } from '../features/local-issues/routes.js';
import { localIssueCategoryRoutes } from '../features/local-issues/category-routes.js';
import { citizenFeedbackRoutes } from '../features/citizen-feedback/routes.js';
import { publicRoutes } from '../features/citizen-feedback/public-routes.js';
import { confirmationRoutes } from '../features/citizen-feedback/confirmation-routes.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the whole application without listening, so tests and the benchmark drive it in-process. */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: ctx.config.trustProxy,
    // Our own ids are UUIDs; a longer path segment is bad input, not a lookup.
    routerOptions: { maxParamLength: 200 },
  });

  // Validation keeps zod's issues (with the offending input) so messages can name the field
  // in the caller's language; responses are checked against their schemas too.
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const result = (schema as ZodType).safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  });
  app.setSerializerCompiler(serializerCompiler);

  app.decorateRequest('lang', 'vi');
  app.decorateRequest('actorCache', undefined);
  // Sessions belong to the auth feature; every route reads the caller through core/session.
  app.decorate('resolveActor', (token: string) => actorFromToken(ctx, token));
  app.addHook('onRequest', async (request) => {
    request.lang = pickLang(request.headers['accept-language']);
    request.actorCache = undefined;
  });

  // Cross-site request protection for cookie-authenticated changes: a browser always sends
  // Origin (or Sec-Fetch-Site) on cross-origin writes; it must name this very host.
  app.addHook('onRequest', async (request) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    if (site === 'cross-site') throw new AppError(403, 'cross_site');
    if (origin !== undefined) {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new AppError(403, 'cross_site');
      }
      const forwarded = ctx.config.trustProxy ? request.headers['x-forwarded-host'] : undefined;
      if (host !== request.headers.host && host !== forwarded) throw new AppError(403, 'cross_site');
    }
  });

  await app.register(cookie);
  // Security headers from helmet, its policy parsed once: the Fastify wrapper rebuilt the
  // middleware (and re-parsed the CSP) on every request, 4 % of the server's time on /api/me.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes CSS variables into style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(rateLimit, {
    max: ctx.config.rateLimitPerMinute,
    timeWindow: '1 minute',
    // The limit guards the API. The web app's files are static and cached for a year, but a fresh
    // browser (or a commune office of PCs behind one address) fetches dozens of chunks per page:
    // counting them would lock people out for reading the app itself.
    allowList: (request) => request.method === 'GET' && !request.url.startsWith('/api/'),
    errorResponseBuilder: (request) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: translate(request.lang ?? 'vi', 'rate_limited') },
    }),
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tự Soi API',
        version: ctx.version,
        description: 'Tự soi, tự sửa — API cho Đảng bộ xã và chi bộ. Errors: `{ error: { code, message, fields } }`; send `Accept-Language: en` for English.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tusoi_session' } } },
    },
    transform: jsonSchemaTransform,
    // Schemas given an id in zod's global registry (`.meta({ id })`, e.g. the recursive unit tree)
    // become components that the routes' schemas point to. Same target as the routes' schemas
    // (OpenAPI 3.0: `nullable`, not `type: 'null'`), which the transform picks from the version.
    transformObject: createJsonSchemaTransformObject({ zodToJsonConfig: { target: 'openapi-3.0' } }),
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((error: FastifyError | AppError | RequestValidationError, request, reply) => {
    const lang: Lang = request.lang ?? 'vi';
    const send = (status: number, code: string, message: string, fields?: FieldMessage[]) =>
      reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) } });

    if (error instanceof RequestValidationError) {
      const fields = error.issues.flatMap((issue) => describeIssue(lang, issue));
      const summary = fields.map((f) => f.message).join('; ');
      return send(400, 'validation', translate(lang, 'validation', { summary }), fields);
    }
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      // A `field` parameter is a request field name: say it the way the form labels it.
      const humane = (params: Record<string, string | number> = {}) =>
        params.field === undefined ? params : { ...params, field: fieldLabel(lang, String(params.field)) };
      if (error.code === 'validation' && error.fields) {
        // A rule the schema cannot express (a person not on the list, a date outside the
        // meeting): said like a schema failure, naming the field.
        const labelled = error.fields.map((f) => ({
          field: f.field,
          message: `${fieldLabel(lang, f.field)}: ${translate(lang, f.messageKey, humane(f.params))}`,
        }));
        return send(error.statusCode, 'validation', translate(lang, 'validation', { summary: labelled.map((f) => f.message).join('; ') }), labelled);
      }
      const fields = error.fields?.map((f) => ({ field: f.field, message: translate(lang, f.messageKey, humane(f.params)) }));
      return send(error.statusCode, error.code, translate(lang, error.code, humane(error.params)), fields);
    }
    const code = (error as FastifyError).code;
    const status = (error as FastifyError).statusCode ?? 500;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Routes that take files allow more than the default; say the limit of this one.
      const limit = request.routeOptions.bodyLimit ?? BODY_LIMIT_BYTES;
      return send(413, 'body_too_large', translate(lang, 'body_too_large', { megabytes: Math.floor(limit / (1024 * 1024)) }));
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(415, 'unsupported_media_type', translate(lang, 'unsupported_media_type'));
    }
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return send(400, 'malformed_json', translate(lang, 'malformed_json'), [
        { field: 'body', message: translate(lang, 'malformed_json') },
      ]);
    }
    if (status === 429) return send(429, 'rate_limited', translate(lang, 'rate_limited'));
    // Any other client error Fastify raises (bad Content-Length, …): our words, not Fastify's English.
    if (status >= 400 && status < 500) return send(status, 'bad_request', translate(lang, 'bad_request'));
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'internal', translate(lang, 'internal'));
  });

  await app.register(async (scope) => healthRoutes(scope, ctx));
  await app.register(async (scope) => authRoutes(scope, ctx));
  await app.register(async (scope) => unitRoutes(scope, ctx));
  await app.register(async (scope) => memberRoutes(scope, ctx));
  await app.register(async (scope) => auditRoutes(scope, ctx));
  await app.register(async (scope) => accountRoutes(scope, ctx));
  await app.register(async (scope) => meetingRoutes(scope, ctx));
  await app.register(async (scope) => taskRoutes(scope, ctx));
  await app.register(async (scope) => myWorkRoutes(scope, ctx));
  await app.register(async (scope) => directiveRoutes(scope, ctx));
  await app.register(async (scope) => commitmentRoutes(scope, ctx));
  await app.register(async (scope) => checklistRoutes(scope, ctx));
  await app.register(async (scope) => inspectionRuleRoutes(scope, ctx));
  await app.register(async (scope) => ratingRuleRoutes(scope, ctx));
  await app.register(async (scope) => inspectionRoutes(scope, ctx));
  await app.register(async (scope) => disciplineRoutes(scope, ctx));
  await app.register(async (scope) => reviewRoutes(scope, ctx));
  await app.register(async (scope) => reviewListRoutes(scope, ctx));
  await app.register(async (scope) => overviewRoutes(scope, ctx));
  await app.register(async (scope) => selfExamRoutes(scope, ctx));
  await app.register(async (scope) => mySelfExamRoutes(scope, ctx));
  await app.register(async (scope) => correctionPlanRoutes(scope, ctx));
  await app.register(async (scope) => ownPlanRoutes(scope, ctx));
  await app.register(async (scope) => feedbackRoutes(scope, ctx));
  await app.register(async (scope) => localIssueRoutes(scope, ctx));
  await app.register(async (scope) => localIssueCategoryRoutes(scope, ctx));
  await app.register(async (scope) => citizenFeedbackRoutes(scope, ctx));
  await app.register(async (scope) => publicRoutes(scope, ctx));
  await app.register(async (scope) => confirmationRoutes(scope, ctx));

  const indexFile = path.join(ctx.config.webDir, 'index.html');
  const hasWeb = fs.existsSync(indexFile);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: ctx.config.webDir,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each asset: phones on rural links get the small one.
      preCompressed: true,
      setHeaders(res, filePath) {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) {
          res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'route_not_found', message: translate(request.lang ?? 'vi', 'route_not_found') } });
    }
    // The single-page app owns every other path (deep links such as /members/…).
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
