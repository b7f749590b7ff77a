// /__emulator/*: the switches tests and the workbench use to reset state, inject faults, read the
// request log and change the list view threshold. It needs no user: it is how the harness drives
// the emulator, and the emulator only listens on loopback.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSet } from './faults';
import type { RequestLog } from './request-log';

export interface ControlPlaneDeps {
  faults: FaultSet;
  log: RequestLog;
  reset(): void;
  getThreshold(): number;
  setThreshold(n: number): void;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) { res.writeHead(status); res.end(); return; }
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function parse(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8').trim();
  if (!text) return {};
  const v = JSON.parse(text);
  if (!v || typeof v !== 'object') throw new Error('expected a JSON object');
  return v as Record<string, unknown>;
}

/** Answers a control-plane request; `path` is below /__emulator. */
export function handleControl(deps: ControlPlaneDeps, req: IncomingMessage, path: string, body: Buffer, res: ServerResponse): void {
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    switch (`${method} ${path.replace(/\/+$/, '')}`) {
      case 'GET ':
        return send(res, 200, {
          endpoints: ['POST /__emulator/reset', 'GET|POST|DELETE /__emulator/faults', 'GET|DELETE /__emulator/log', 'GET|POST /__emulator/threshold']
        });
      case 'POST /reset':
        deps.reset();
        return send(res, 204);
      case 'GET /faults':
        return send(res, 200, deps.faults.list());
      case 'POST /faults': {
        const b = parse(body);
        const rule = deps.faults.add({
          match: String(b.match ?? ''),
          status: b.status === undefined ? undefined : Number(b.status),
          retryAfter: b.retryAfter === undefined ? undefined : Number(b.retryAfter),
          times: b.times === undefined ? undefined : Number(b.times),
          latencyMs: b.latencyMs === undefined ? undefined : Number(b.latencyMs),
          drop: b.drop === true,
          dropAfter: b.dropAfter === true,
          probability: b.probability === undefined ? undefined : Number(b.probability),
          seed: b.seed === undefined ? undefined : Number(b.seed)
        });
        return send(res, 201, rule);
      }
      case 'DELETE /faults':
        deps.faults.clear();
        return send(res, 204);
      case 'GET /log':
        return send(res, 200, deps.log.all());
      case 'DELETE /log':
        deps.log.clear();
        return send(res, 204);
      case 'GET /threshold':
        return send(res, 200, { value: deps.getThreshold() });
      case 'POST /threshold': {
        const v = Number(parse(body).value);
        if (!Number.isInteger(v) || v < 0) return send(res, 400, { error: 'value must be a non-negative integer' });
        deps.setThreshold(v);
        return send(res, 200, { value: v });
      }
      default:
        return send(res, 404, { error: `No control endpoint ${method} /__emulator${path}` });
    }
  } catch (err) {
    return send(res, 400, { error: (err as Error).message });
  }
}
