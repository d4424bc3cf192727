/**
 * Spreadsheet files every import accepts: .xlsx, and Excel 97-2003 .xls and WPS .et, which main
 * reads through LibreOffice when the machine has it (otherwise it says how to save as .xlsx).
 */
export const SPREADSHEET_ACCEPT = '.xlsx,.xls,.et';

export const SPREADSHEET_HINT = '支持 Excel（.xlsx、.xls）和 WPS 表格（.et）';

/** Refuses, before uploading, a file whose name is not a spreadsheet's; null to go ahead. */
export function notSpreadsheet(file: File): string | null {
  return /\.(xlsx|xls|et)$/i.test(file.name) ? null : `“${file.name}”不是 Excel 或 WPS 表格（.xlsx、.xls、.et），无法导入`;
}
