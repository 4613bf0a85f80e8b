import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, ConfigError, type Config } from '../core/config.js';
import { DatabaseLockedError } from '../core/db/database.js';
import { systemClock } from '../core/clock.js';
import { systemActor } from '../core/permissions/actor.js';
import { verifyAuditChain } from '../core/audit/audit-log.js';
import { importCensus } from '../core/identity/census.js';
import { createAdmin } from './create-admin.js';
import { openPlatform, seedDemoIfWanted } from '../server/platform.js';
import { isEmpty, seedDemo } from '../server/demo.js';
import { modules } from '../server/modules.js';
import { serve } from '../server/serve.js';

const usage = `Usage: civitas <command>

Commands:
  serve                     Start the platform (migrates, seeds the demo on an empty database, builds the web app if missing)
  migrate                   Apply pending database migrations
  seed-demo                 Seed the demo municipality into an empty database
  create-admin --email E --name N [--password P]
                            Create an administrator (or make an existing account one); prints a generated password if none is given
  census import <file.csv>  Import a census file (document_number or document_hash, birth_date, area)
  audit verify              Check the audit log's hash chain; exits 1 naming the first bad row
  pb tally <file.pb> --rule <name> [--explain]
                            Count a Pabulib election with a counting rule; prints JSON { selected, cost, seconds }
  opinions analyze <folder> Run the opinion-map math on a Polis openData folder; prints JSON
  hearings draw <file.json> Re-run a hearing's sortition from its published inputs; prints the draw as JSON

Configuration comes from environment variables (see README.md): DATABASE_URL, DATA_DIR, PORT, HOST, ...`;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** A one-line progress indicator on a terminal, plain lines elsewhere. */
function progress(label: string) {
  let last = 0;
  return (done: number, total?: number) => {
    const now = Date.now();
    if (now - last < 200 && (total === undefined || done < total)) return;
    last = now;
    const text = total ? `${label}: ${done}/${total} (${Math.floor((done / Math.max(total, 1)) * 100)}%)` : `${label}: ${done}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}   ${total !== undefined && done >= total ? '\n' : ''}`);
    else log(text);
  };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      log(error.message);
      return 2;
    }
    throw error;
  }
  switch (command) {
    case 'serve':
      await serve(config, log);
      return -1; // keeps running
    case 'migrate': {
      const database = await openPlatform(config, log);
      await database.close();
      log('database is up to date');
      return 0;
    }
    case 'seed-demo': {
      const database = await openPlatform(config, log);
      try {
        const deps = { db: database.db, clock: systemClock };
        if (!(await isEmpty(deps))) {
          log('the database already has content; the demo is seeded only into an empty database');
          return 1;
        }
        await seedDemo(deps, modules, (step) => log(`seeding ${step}`));
        log('demo municipality seeded');
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } } });
      if (!values.email) {
        log('create-admin needs --email (and --name for a new account)');
        return 2;
      }
      const database = await openPlatform(config, log);
      try {
        const result = await createAdmin({ db: database.db, clock: systemClock }, { email: values.email, name: values.name, password: values.password });
        if (!result.ok) {
          log(`could not create the administrator: ${result.code}`);
          return 1;
        }
        log(result.value.created ? `created administrator ${values.email}` : `${values.email} is now an administrator`);
        if (result.value.generatedPassword) process.stdout.write(`password: ${result.value.generatedPassword}\n`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'census': {
      const [sub, file] = rest;
      if (sub !== 'import' || !file) {
        log('usage: civitas census import <file.csv>');
        return 2;
      }
      if (!fs.existsSync(file)) {
        log(`no such file: ${file}`);
        return 2;
      }
      const csv = fs.readFileSync(file, 'utf8');
      const database = await openPlatform(config, log);
      try {
        const result = await importCensus(
          { db: database.db, clock: systemClock },
          systemActor('cli'),
          { fileName: path.basename(file), csv },
          progress('importing census'),
        );
        if (!result.ok) {
          log(`the file was not imported: ${result.code} (header: ${result.params?.header ?? ''})`);
          return 1;
        }
        const r = result.value;
        log(`batch ${r.batchId}: ${r.total} lines, ${r.inserted} new, ${r.updated} updated, ${r.rejected.length} rejected`);
        for (const bad of r.rejected) log(`  line ${bad.line}: ${bad.code}`);
        return r.rejected.length > 0 ? 1 : 0;
      } finally {
        await database.close();
      }
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        log('usage: civitas audit verify');
        return 2;
      }
      const database = await openPlatform(config, log);
      try {
        const result = await verifyAuditChain(database.db, progress('verifying audit log'));
        if (result.ok) {
          process.stdout.write(`audit log intact: ${result.checked} rows, head ${result.headHash ?? '(empty)'}\n`);
          return 0;
        }
        process.stdout.write(`audit log BROKEN at row ${result.firstBad!.seq}: ${result.firstBad!.problem} (${result.checked} rows before it are intact)\n`);
        return 1;
      } finally {
        await database.close();
      }
    }
    case 'pb': {
      const { runPbCli } = await import('../modules/budgeting/counting/cli.js');
      return runPbCli(rest, { stdout: (text) => process.stdout.write(text), stderr: log });
    }
    case 'hearings': {
      const { runHearingsCli } = await import('../modules/hearings/cli.js');
      return runHearingsCli(rest, { stdout: (text) => process.stdout.write(text), stderr: log });
    }
    case 'opinions': {
      const { runOpinionsCli } = await import('../modules/opinions/math/cli.js');
      return runOpinionsCli(rest, { stdout: (text) => process.stdout.write(text), stderr: log });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    default:
      log(`unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DatabaseLockedError || error instanceof ConfigError) log(error.message);
    else log(`civitas failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);

