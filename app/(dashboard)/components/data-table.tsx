// The dashboard's tables: one frame (scroll wrapper, column headers, an optional hidden "Actions" column) around
// each page's rows, and the option list of its filter and match selects.
import type { ReactNode } from 'react';

/** Column is a header label; `numeric` right-aligns the column. */
export type Column = string | { label: string; numeric: true };

/** DataTable renders a table with `columns` (plus an unlabelled actions column when `actions`) around `children` rows. */
export function DataTable({ columns, actions = false, className, children }: { columns: Column[]; actions?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={className ? `table ${className}` : 'table'}>
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className="num">
                  {column.label}
                </th>
              ),
            )}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** ValueOptions renders one <option> per value, labelled with the value itself. */
export function ValueOptions({ values }: { values: readonly string[] }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {value}
    </option>
  ));
}
