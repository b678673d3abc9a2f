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

/**
 * A dashboard table as an Excel workbook (Thai headers, Buddhist-Era dates, numbers as numbers) or as CSV with a
 * byte order mark, so that Excel reads the Thai.
 */
public final class Exports {

	/** A table: its headers and its rows of cells (String, Number, LocalDate or null). */
	public record Table(String title, List<String> headers, List<List<Object>> rows) {

	}

	private Exports() {
	}

	public static byte[] xlsx(Table table) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(table.title());
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(0);
			for (int c = 0; c < table.headers().size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(table.headers().get(c));
				cell.setCellStyle(bold);
			}
			for (int r = 0; r < table.rows().size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<Object> values = table.rows().get(r);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					Cell cell = row.createCell(c);
					if (value instanceof Number number) {
						cell.setCellValue(number instanceof BigDecimal big ? big.doubleValue() : number.doubleValue());
					}
					else if (value instanceof LocalDate date) {
						cell.setCellValue(BuddhistDates.format(date));
					}
					else if (value != null) {
						cell.setCellValue(value.toString());
					}
				}
			}
			for (int c = 0; c < table.headers().size(); c++) {
				sheet.autoSizeColumn(c);
			}
			workbook.write(out);
			return out.toByteArray();
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
		return quote(value.toString());
	}

	private static String quote(String text) {
		return '"' + text.replace("\"", "\"\"") + '"';
	}

}
