package th.raingan.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The project's own endpoints ({@code /api}) refuse a malformed request as they refuse a
 * bad value: HTTP 400 (415 for a body that is not CSV) with a Thai {@code message} naming
 * the parameter, instead of Spring's English error page.
 */
@RestControllerAdvice
class ApiRefusals {

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException ex) {
		return ResponseEntity.badRequest().body(Map.of("message", ex.getParameterName() + ": ยังไม่ได้ระบุ"));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, String>> mismatch(MethodArgumentTypeMismatchException ex) {
		String expected = ex.getRequiredType() == int.class || ex.getRequiredType() == Integer.class
				? "ต้องเป็นตัวเลข เช่น 2569" : "รูปแบบไม่ถูกต้อง";
		return ResponseEntity.badRequest()
			.body(Map.of("message", ex.getName() + ": " + expected + " (ได้รับ \"" + ex.getValue() + "\")"));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> body(HttpMessageNotReadableException ex) {
		return ResponseEntity.badRequest().body(Map.of("message", "ไม่มีเนื้อไฟล์ที่ส่งมา หรืออ่านไม่ได้"));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(Map.of("message", "ส่งไฟล์ได้เฉพาะ CSV (Content-Type: text/csv) ได้รับ " + ex.getContentType()));
	}

}
