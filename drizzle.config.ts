import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Every table file: a module's tables are found where they are defined, not in a hand-kept index.
  schema: './src/server/**/*.table.ts',
  out: './drizzle',
});
