// Week 5 — relational databases with a local PostgreSQL. The probes send PostgreSQL's SSLRequest, which any
// PostgreSQL (or PgBouncer) answers with one byte without needing a password; the backup check reads dump files.
import { type Check, done, notYet } from './types';

function pgProbe(port: 'postgres' | 'replica' | 'pooler', role: string): Check {
  return async ({ probes, local }) => {
    const where = `${local.host}:${local[port]}`;
    return (await probes.postgres(local.host, local[port]))
      ? done(`A PostgreSQL server (${role}) answers on ${where}`)
      : notYet(`No PostgreSQL ${role} answers on ${where}`);
  };
}

/** Plain-format dumps start with this comment; custom-format dumps start with the bytes "PGDMP". */
export function isPgDump(text: string): boolean {
  return text.startsWith('PGDMP') || /^--\s*\n-- PostgreSQL database dump/m.test(text.slice(0, 512));
}

const backup: Check = async ({ files }) => {
  const found = (await files.find('**/*.{sql,dump}', 50)).find((f) => isPgDump(f.text));
  return found
    ? done(`${found.path} is a pg_dump backup`)
    : notYet('No pg_dump file (*.sql or *.dump) in the workspace yet');
};

export const week05 = {
  postgres: pgProbe('postgres', 'primary'),
  replica: pgProbe('replica', 'replica'),
  pooler: pgProbe('pooler', 'connection pooler'),
  backup,
};
