import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { commandLineOf, isAlive, runningPostmaster, stopOrphanedPostmaster } from './embedded';

/*
 * One Banbiantian process at a time owns a data directory and the embedded PostgreSQL in it: the server,
 * or a CLI command that starts the database itself. The owner writes `<data dir>/server.pid`; a second
 * process is told who holds the directory instead of PostgreSQL's bare lock-file failure. A lock left by a
 * process that was killed (kill -9, OOM) is stale: the next start takes it over and first stops the
 * PostgreSQL that process left running, cleanly, so nothing committed is lost.
 */

export type DataDirOwner = { pid: number; command: string; startedAt: string };

export class DataDirInUseError extends Error {}

const lockFileOf = (dataDir: string) => path.join(dataDir, 'server.pid');

const readOwner = (file: string): DataDirOwner | undefined => {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DataDirOwner>;
    return typeof parsed.pid === 'number'
      ? {
          pid: parsed.pid,
          command: String(parsed.command ?? '?'),
          startedAt: String(parsed.startedAt ?? '?'),
        }
      : undefined;
  } catch {
    return undefined;
  }
};

/** A live process that is a Node program (the pid of a dead owner may since belong to anything else). */
const isLiveNode = (pid: number) => isAlive(pid) && /node|tsx/.test(commandLineOf(pid) || 'node');

/** The parent pid of a process (Linux /proc), or undefined. */
const parentOf = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
};

/** The process holding `dataDir` (this one included), when one is alive. */
export const dataDirOwner = (dataDir: string): DataDirOwner | undefined => {
  const owner = readOwner(lockFileOf(dataDir));
  if (owner && (owner.pid === process.pid || isLiveNode(owner.pid))) return owner;
  // A server of an older version (no lock file) that runs the postmaster as its child.
  const pm = runningPostmaster(path.join(dataDir, 'pg'));
  const parent = pm ? parentOf(pm.pid) : undefined;
  if (parent && parent > 1 && (parent === process.pid || /node|tsx/.test(commandLineOf(parent))))
    return { pid: parent, command: commandLineOf(parent), startedAt: '?' };
  return undefined;
};

export const inUseMessage = (dataDir: string, owner: DataDirOwner) =>
  `数据目录 ${dataDir} 正被另一个半边天进程使用（进程 ${owner.pid}：${owner.command}，启动于 ${owner.startedAt}）。\n` +
  `  · 若它是正在运行的服务：无需再启动，或先停止它（Ctrl-C、systemctl stop banbiantian 或 kill ${owner.pid}）；\n` +
  `  · 若要同时运行另一份：设置 BBT_DATA_DIR 指向另一个目录。\n` +
  `The data directory ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.startedAt}). ` +
  `Stop it first (kill ${owner.pid}) or set BBT_DATA_DIR to another directory.`;

export type DataDirLock = { release: () => void; reclaimed?: { pid: number } };

/**
 * Takes `dataDir` for this process (`command` is what the lock says it is doing), or throws
 * DataDirInUseError naming the process that holds it. A stale lock is taken over, and a PostgreSQL the dead
 * owner left running on the directory is stopped first (`reclaimed` names it).
 */
export const acquireDataDirLock = async (
  dataDir: string,
  command: string,
  log: (m: string) => void = () => {},
): Promise<DataDirLock> => {
  const file = lockFileOf(dataDir);
  const owner = dataDirOwner(dataDir);
  if (owner) throw new DataDirInUseError(inUseMessage(dataDir, owner));
  const mine: DataDirOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify(mine));
      closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
      // Another start may have taken it between our look and now: look again before removing a stale one.
      const now = readOwner(file);
      if (now && (now.pid === process.pid || isLiveNode(now.pid)))
        throw new DataDirInUseError(inUseMessage(dataDir, now));
      unlinkSync(file);
    }
  }
  const release = () => {
    process.removeListener('exit', release);
    if (existsSync(file) && readOwner(file)?.pid === process.pid) unlinkSync(file);
  };
  process.on('exit', release);
  let reclaimed: DataDirLock['reclaimed'];
  const orphan = runningPostmaster(path.join(dataDir, 'pg'));
  if (orphan) {
    log(
      `上次未正常退出：正在停止遗留的 PostgreSQL（进程 ${orphan.pid}），数据不受影响…\n` +
        `The previous run did not stop cleanly: stopping the PostgreSQL it left running (pid ${orphan.pid})…`,
    );
    try {
      await stopOrphanedPostmaster(orphan);
    } catch (e) {
      release();
      throw e;
    }
    reclaimed = { pid: orphan.pid };
  }
  return { release, reclaimed };
};
