import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino, { type Logger, type LoggerOptions } from 'pino';

/*
 * Two audiences. A service (systemd, a container: stdout is not a terminal, or BBT_LOG_FORMAT=json) gets
 * one JSON line per event on stdout at LOG_LEVEL, for the journal or a collector. A person who ran
 * `npm start` in a terminal gets readable lines for what needs her attention (warnings and errors; every
 * request too at LOG_LEVEL=debug), while the full JSON log, request lines included, goes to
 * <data dir>/logs/server.log.
 */

export type LogFormat = 'json' | 'pretty';

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

type LogLine = {
  level: number;
  time: number;
  msg?: string;
  err?: { message?: string; stack?: string };
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
};

/** One JSON log line as a person reads it: `05:12:09 WARN message`, the request or the error after it. */
export const formatLine = (json: string): string => {
  let line: LogLine;
  try {
    line = JSON.parse(json) as LogLine;
  } catch {
    return json;
  }
  const time = new Date(line.time).toLocaleTimeString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });
  const parts = [time, (LEVEL_NAMES[line.level] ?? String(line.level)).padEnd(5), line.msg ?? ''];
  if (line.req?.method) parts.push(`${line.req.method} ${line.req.url ?? ''}`);
  if (line.res?.statusCode) parts.push(`→ ${line.res.statusCode}`);
  if (typeof line.responseTime === 'number') parts.push(`${Math.round(line.responseTime)} ms`);
  let out = parts.filter(Boolean).join(' ');
  if (line.err?.message && !out.includes(line.err.message)) out += `: ${line.err.message}`;
  if (line.level >= 50 && line.err?.stack) out += `\n${line.err.stack}`;
  return out;
};

/** A stream of pino's JSON lines that writes them readable to `out` (the terminal). */
const prettyStream = (out: NodeJS.WritableStream) =>
  new Writable({
    write(chunk, _encoding, done) {
      for (const json of String(chunk).split('\n')) if (json.trim()) out.write(`${formatLine(json)}\n`);
      done();
    },
  });

/** The terminal log file, rotated once past 50 MB (one previous file kept). */
const logFile = (dataDir: string) => {
  const dir = path.join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'server.log');
  if (existsSync(file) && statSync(file).size > 50 * 1024 * 1024) renameSync(file, `${file}.1`);
  return file;
};

export const logFormatFor = (env: string | undefined, isTty: boolean): LogFormat =>
  env === 'json' || env === 'pretty' ? env : isTty ? 'pretty' : 'json';

export type LoggerSettings = {
  level: string;
  format: LogFormat;
  dataDir: string;
  /** Serializers, redaction: what may be written at all (the same for both formats). */
  options?: LoggerOptions;
};

export const createLogger = ({
  level,
  format,
  dataDir,
  options = {},
}: LoggerSettings): { logger: Logger; file?: string } => {
  if (format === 'json' || level === 'silent') return { logger: pino({ ...options, level }, process.stdout) };
  const file = logFile(dataDir);
  const value = pino.levels.values[level] ?? 30;
  // The terminal shows warnings and errors, or everything the level asks for when it is debug/trace.
  const terminal = value < 30 || value >= 40 ? level : 'warn';
  const streams: pino.StreamEntry[] = [
    { level: level as pino.Level, stream: createWriteStream(file, { flags: 'a', mode: 0o600 }) },
    { level: terminal as pino.Level, stream: prettyStream(process.stderr) },
  ];
  return { logger: pino({ ...options, level }, pino.multistream(streams)), file };
};
