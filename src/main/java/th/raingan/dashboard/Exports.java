package th.raingan.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import th.raingan.thai.BuddhistDates;
import th.raingan.thai.SafeText;

/**
 * A dashboard table as an Excel workbook people can hand on (a title row saying what,
 * which round and when it was exported in the Buddhist Era; Thai headers, frozen; numbers
 * as numbers with thousands separators; a totals row) or as CSV with a byte order mark,
 * so that Excel reads the Thai (headers and rows only, for further processing).
 */
public final class Exports {

	/**
	 * A table: the sheet's name, the title row (null: none), its headers, its rows of
	 * cells (String, Number, LocalDate or null) and its totals row (null: none).
	 */
	public record Table(String title, String heading, List<String> headers, List<List<Object>> rows,
			List<Object> totals) {

		public Table(String title, List<String> headers, List<List<Object>> rows) {
			this(title, null, headers, rows, null);
		}

	}

	/** Whole numbers: {@code 324,000}. */
	static final String INTEGER_FORMAT = "#,##0";

	/** Baht, percents and scores: {@code 324,000.50}. */
	static final String DECIMAL_FORMAT = "#,##0.00";

	private Exports() {
	}

	public static byte[] xlsx(Table table) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(table.title()));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle titleStyle = workbook.createCellStyle();
			Font titleFont = workbook.createFont();
			titleFont.setBold(true);
			titleFont.setFontHeightInPoints((short) 14);
			titleStyle.setFont(titleFont);
			var format = workbook.createDataFormat();
			CellStyle integer = workbook.createCellStyle();
			integer.setDataFormat(format.getFormat(INTEGER_FORMAT));
			CellStyle decimal = workbook.createCellStyle();
			decimal.setDataFormat(format.getFormat(DECIMAL_FORMAT));
			CellStyle integerBold = workbook.createCellStyle();
			integerBold.cloneStyleFrom(integer);
			integerBold.setFont(font);
			CellStyle decimalBold = workbook.createCellStyle();
			decimalBold.cloneStyleFrom(decimal);
			decimalBold.setFont(font);
			int next = 0;
			if (table.heading() != null) {
				Cell title = sheet.createRow(next++).createCell(0);
				title.setCellValue(table.heading());
				title.setCellStyle(titleStyle);
				if (table.headers().size() > 1) {
					// across the table, so that the columns keep their own widths
					sheet.addMergedRegion(
							new org.apache.poi.ss.util.CellRangeAddress(0, 0, 0, table.headers().size() - 1));
				}
			}
			Row header = sheet.createRow(next++);
			for (int c = 0; c < table.headers().size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(table.headers().get(c));
				cell.setCellStyle(bold);
			}
			// the title and the headers stay in view while scrolling
			sheet.createFreezePane(0, next);
			for (List<Object> values : table.rows()) {
				write(sheet.createRow(next++), values, null, integer, decimal);
			}
			if (table.totals() != null) {
				write(sheet.createRow(next++), table.totals(), bold, integerBold, decimalBold);
			}
			for (int c = 0; c < table.headers().size(); c++) {
				sheet.autoSizeColumn(c);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void write(Row row, List<Object> values, CellStyle text, CellStyle integer, CellStyle decimal) {
		for (int c = 0; c < values.size(); c++) {
			Object value = values.get(c);
			Cell cell = row.createCell(c);
			if (value instanceof Number number) {
				boolean whole = number instanceof BigDecimal big ? big.scale() <= 0
						: !(number instanceof Double || number instanceof Float);
				cell.setCellValue(number instanceof BigDecimal big ? big.doubleValue() : number.doubleValue());
				cell.setCellStyle(whole ? integer : decimal);
			}
			else if (value instanceof LocalDate date) {
				cell.setCellValue(BuddhistDates.format(date));
			}
			else if (value != null) {
				cell.setCellValue(value.toString());
				if (text != null) {
					cell.setCellStyle(text);
				}
			}
		}
	}

	public static String csv(Table table) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(String.join(",", table.headers().stream().map(Exports::quote).toList())).append("\r\n");
		for (List<Object> row : table.rows()) {
			csv.append(String.join(",", row.stream().map(Exports::cell).toList())).append("\r\n");
		}
		return csv.toString();
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal big) {
			return big.toPlainString();
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof LocalDate date) {
			return BuddhistDates.format(date);
		}
		return quote(SafeText.csvCell(value.toString()));
	}

	private static String quote(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
