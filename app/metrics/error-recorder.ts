import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BusinessMetrics } from './business-metrics.js';
import { ValidationError } from './validation-error.js';

export interface ErrorRecorder {
  /**
   * Records an error a handler raised and returns the HTTP status it stands for:
   * - a ValidationError is counted under timetable_validation_errors_total{field, rule}: 400;
   * - an error carrying a 4xx/5xx `status` or `statusCode` (http-errors, Express) keeps it;
   * - anything else is a 500.
   * The status is what lands in http_requests_total, where the error-rate alerts read it.
   */
  record(error: unknown): number;
  /**
   * Express error middleware (`app.use(...)` after the routes): records the error, sets the
   * response status, and passes the error on, so the app's own error handling still answers.
   */
  expressHandler(): (error: unknown, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}

export function createErrorRecorder(business: BusinessMetrics): ErrorRecorder {
  const recorder: ErrorRecorder = {
    record(error) {
      if (error instanceof ValidationError) {
        business.validationFailed(error.field, error.rule);
        return error.status;
      }
      return carriedStatus(error) ?? 500;
    },
    expressHandler() {
      return (error, _req, res, next) => {
        const status = recorder.record(error);
        if (!res.headersSent) res.statusCode = status;
        next(error);
      };
    },
  };
  return recorder;
}

function carriedStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown };
  const candidate = typeof status === 'number' ? status : statusCode;
  return typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 400 && candidate <= 599 ? candidate : undefined;
}
