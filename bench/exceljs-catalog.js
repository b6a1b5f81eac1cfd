// Peer tool for bench/xlsx.sh: writes the same cells as mpp's catalog (dumped
// to JSON) with exceljs's streaming WorkbookWriter, with a bold header, a
// frozen first row and an autofilter on every sheet.
const ExcelJS = require('exceljs');
const fs = require('fs');
const [, , input, output] = process.argv;
(async () => {
  const sheets = JSON.parse(fs.readFileSync(input, 'utf8'));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true });
  wb.creator = 'exceljs';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const width = s.rows.length ? s.rows[0].length : 1;
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
    s.rows.forEach((r, i) => {
      const row = ws.addRow(r.map((v) => (v !== '' && !isNaN(v) ? Number(v) : v)));
      if (i === 0) row.font = { bold: true };
      row.commit();
    });
    ws.commit();
  }
  await wb.commit();
})();
