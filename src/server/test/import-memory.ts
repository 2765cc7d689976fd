import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { checkCharOf } from '../../contracts/common/id-number';

/*
 * The peak memory of one persons import at the row limit, measured in a process of its own (see
 * import-memory.child.ts): the bench (bench/import-memory.bench.ts) and the budget's test share it.
 */

/** What an import may peak at, whatever the file (issue 12: "peak RSS < 512 MB for any single file"). */
export const IMPORT_RSS_BUDGET = 512 * 1024 * 1024;

/**
 * A persons sheet of `n` fictional people with distinct valid ID numbers and phones, three to a
 * household address, spread over `villages` (an empty name leaves the cell empty: the import's unit).
 */
export const personsSheetOf = async (n: number, villages: string[]) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员信息');
  ws.addRow(['姓名', '性别', '身份证号码', '联系电话', '所属村（社区）', '家庭住址', '门牌号', '人员类别']);
  for (let i = 0; i < n; i++) {
    const y = 1950 + (Math.floor(i / 336) % 50);
    const m = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const d = String(1 + (i % 28)).padStart(2, '0');
    const first17 = `339902${y}${m}${d}${String(Math.floor(i / 16800) + 70).padStart(3, '0')}`;
    ws.addRow([
      `${'王李张刘陈杨黄赵吴周'[i % 10]}${'秀英兰梅芳娟燕霞红玲'[Math.floor(i / 10) % 10]}${'华珍萍丽敏静'[Math.floor(i / 100) % 6]}`,
      Number(first17[16]) % 2 ? '男' : '女',
      first17 + checkCharOf(first17),
      `139${String(i).padStart(8, '0')}`,
      villages[i % villages.length] || null,
      `基准路${Math.floor(i / 3)}`,
      `${i % 3}号`,
      i % 7 === 0 ? '留守妇女' : '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
};

export type MemoryStep = 'read' | 'validate' | 'import';

/** One step's figures: its duration, the RSS before it and the peak during it (sampled every 10 ms). */
export type StepFigures = { ms: number; before: number; peak: number; rows: number };

/** How the child finds the file, the database and who imports. */
export type MemoryChildEnv = {
  file: string;
  step: MemoryStep;
  /** For `import`: the database, the importing user, the unit rows without a village go to. */
  dbUrl?: string;
  username?: string;
  orgUnitId?: string;
};

const CHILD = fileURLToPath(new URL('./import-memory.child.ts', import.meta.url));

/**
 * Runs one step in a fresh Node process (tsx, with `--expose-gc` so it starts from a collected heap):
 * nothing the caller built (the sheet, a test runner's heap) is measured with it.
 */
export const measureInChild = (env: MemoryChildEnv) =>
  new Promise<StepFigures>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD], {
      env: {
        ...process.env,
        MEMORY_FILE: env.file,
        MEMORY_STEP: env.step,
        MEMORY_DB_URL: env.dbUrl ?? '',
        MEMORY_USER: env.username ?? '',
        MEMORY_ORG_UNIT: env.orgUnitId ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last));
      else reject(new Error(`${env.step} exited ${code}: ${out}\n${err}`));
    });
  });
