// The per-record triggers later migrations recreate when a table gains columns: the version
// trigger of 0008 and the case history's update trigger of 0006, over the columns given. Shipped
// migrations keep their own copies (they never change); new ones build theirs here.
import { toCamel } from '../table';

/** After an update that changes a tracked column: the version moves on, the fields are recorded. */
export function versionUpdateTrigger(table: string, columns: readonly string[]): string {
  const changed = columns.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ');
  const fields = columns
    .map((c) => `SELECT '${toCamel(c)}' AS f WHERE old.${c} IS NOT new.${c}`)
    .join(' UNION ALL ');
  return `
CREATE TRIGGER ${table}_versions AFTER UPDATE ON ${table} WHEN ${changed} BEGIN
  UPDATE ${table} SET version = old.version + 1 WHERE id = new.id AND version = old.version;
  INSERT OR REPLACE INTO record_changes (table_name, row_id, version, fields)
    SELECT '${table}', new.id, old.version + 1, json_group_array(f) FROM (${fields});
END;`;
}

/** A deleted record's change list goes with it. */
export function versionDeleteTrigger(table: string): string {
  return `
CREATE TRIGGER ${table}_versions_delete AFTER DELETE ON ${table} BEGIN
  DELETE FROM record_changes WHERE table_name = '${table}' AND row_id = old.id;
END;`;
}

/** One case-history row per changed column of a case record. */
export function historyUpdateTrigger(table: string, columns: readonly string[]): string {
  const updates = columns
    .map(
      (c) =>
        `INSERT INTO case_history (case_id, table_name, record_id, action, field, old_value, new_value, actor)
     SELECT new.case_id, '${table}', new.id, 'update', '${c}', old.${c}, new.${c}, audit_actor() WHERE old.${c} IS NOT new.${c};`,
    )
    .join('\n  ');
  return `
CREATE TRIGGER ${table}_history_update AFTER UPDATE ON ${table} BEGIN
  ${updates}
END;`;
}

/** A case record's creation and deletion in the case's history, as 0006 writes them. */
export function historyInsertDeleteTriggers(table: string, label: string): string {
  const insert = (row: 'new' | 'old', action: string, oldV: string, newV: string) =>
    `INSERT INTO case_history (case_id, table_name, record_id, action, field, old_value, new_value, actor)
     SELECT ${row}.case_id, '${table}', ${row}.id, '${action}', NULL, ${oldV}, ${newV}, audit_actor()`;
  return `
CREATE TRIGGER ${table}_history_insert AFTER INSERT ON ${table} BEGIN
  ${insert('new', 'create', 'NULL', `new.${label}`)};
END;
CREATE TRIGGER ${table}_history_delete AFTER DELETE ON ${table} BEGIN
  ${insert('old', 'delete', `old.${label}`, 'NULL')}
    WHERE EXISTS (SELECT 1 FROM cases WHERE id = old.case_id);
END;`;
}
