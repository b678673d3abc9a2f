package th.raingan.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import th.raingan.deadline.DailyDigestProcess;
import th.raingan.report.DistrictReportProcess;
import th.raingan.report.ReportDrafts;
import th.raingan.round.ReportingRoundProcess;
import th.raingan.thai.BuddhistDates;
import th.raingan.thai.Clock;
import th.raingan.thai.FiscalYear;

/**
 * What the reliability tests do as users and operators: the round of today (the tests run
 * in real time, so the fiscal year and round follow the calendar), extra projects
 * imported through the catalogue endpoints, opening a round, the officer's draft, the
 * morning digest brought forward, and reading the mails that came out.
 */
final class Rounds {

	private Rounds() {
	}

	static LocalDate today() {
		return LocalDate.now(Clock.ZONE);
	}

	static FiscalYear fiscalYear() {
		return FiscalYear.containing(today());
	}

	static int roundNo() {
		return today().getMonthValue() >= 4 && today().getMonthValue() <= 9 ? 2 : 1;
	}

	/**
	 * Two days ahead (never past the round's end): reminders are due three days before,
	 * so every report's reminder timer is due the moment the report starts, and its due
	 * date has not passed.
	 */
	static LocalDate reportingDeadline() {
		LocalDate end = fiscalYear().roundEnd(roundNo());
		LocalDate wanted = today().plusDays(2);
		return wanted.isAfter(end) ? end : wanted;
	}

	/** The districts of a province, from the organisation the application loads. */
	static List<String> districtsOf(String province) throws IOException {
		List<String> districts = new ArrayList<>();
		try (InputStream in = Rounds.class.getResourceAsStream("/org/org-units.csv")) {
			for (CSVRecord row : CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
				if (row.get("level").equals("district") && row.get("parent_code").equals(province)) {
					districts.add(row.get("code"));
				}
			}
		}
		return districts;
	}

	/**
	 * A synthetic project of this fiscal year: budget code {@code 901-112-R0007-2027-01}.
	 */
	static String budgetCode(int n) {
		int ce = fiscalYear().yearBe() - BuddhistDates.ERA_OFFSET;
		return String.format("901-112-R%04d-%d-01", n, ce);
	}

	/**
	 * Imports projects (per province: budget code, deadline rule) and their assignments
	 * as the administrator does, through {@code /api/catalogue}; asserts nothing was
	 * rejected.
	 */
	static void importCatalogue(Rest rest, Map<String, List<String[]>> projectsByProvince, List<String[]> assignments)
			throws IOException {
		int year = fiscalYear().yearBe();
		StringBuilder projects = new StringBuilder(
				"budget_code,fiscal_year_be,province_code,name_th,budget_source,unit_th,province_target,evaluation_required,deadline_rule\n");
		projectsByProvince.forEach((province,
				list) -> list.forEach(p -> projects.append(p[0])
					.append(',')
					.append(year)
					.append(',')
					.append(province)
					.append(",โครงการทดสอบความทนทาน ")
					.append(p[0])
					.append(",B1,คน,100,N,")
					.append(p[1])
					.append('\n')));
		StringBuilder rows = new StringBuilder(
				"fiscal_year_be,province_code,budget_code,office_code,target,allocation_baht\n");
		assignments.forEach(a -> rows.append(year)
			.append(',')
			.append(a[0])
			.append(',')
			.append(a[1])
			.append(',')
			.append(a[2])
			.append(",10,3000\n"));
		Rest.Response p = rest.postCsv("admin", "/api/catalogue/projects", projects.toString());
		assertThat(p.status()).as("project import: %s", p.body()).isEqualTo(200);
		assertThat(p.body().get("rejected")).as("rejected projects").isEmpty();
		Rest.Response a = rest.postCsv("admin", "/api/catalogue/assignments", rows.toString());
		assertThat(a.status()).as("assignment import: %s", a.body()).isEqualTo(200);
		assertThat(a.body().get("rejected")).as("rejected assignments").isEmpty();
	}

	/**
	 * The province manager opens today's round; returns the round's process instance id.
	 */
	static String openRound(Rest rest, String province, LocalDate deadline) throws IOException {
		Rest.Response round = rest.post("manager" + province,
				"/engine-rest/process-definition/key/" + ReportingRoundProcess.KEY + "/submit-form",
				Rest.variables(Map.of(ReportingRoundProcess.FISCAL_YEAR, Integer.toString(fiscalYear().yearBe()),
						ReportingRoundProcess.ROUND_NO, Integer.toString(roundNo()),
						ReportingRoundProcess.REPORTING_DEADLINE, BuddhistDates.format(deadline))));
		assertThat(round.status()).as("round %s: %s", province, round.body()).isEqualTo(200);
		return round.body().get("id").asText();
	}

	/**
	 * A valid draft of this fiscal year, as Tasklist submits it. The activity ended
	 * today: a project whose reports are due some days after the activity
	 * ({@code days_after_activity}) is then not overdue when it is returned.
	 */
	static Map<String, Object> draft() throws IOException {
		Map<String, Object> draft = ReportDrafts.valid();
		LocalDate start = today().minusDays(7).isBefore(fiscalYear().start()) ? fiscalYear().start()
				: today().minusDays(7);
		draft.put(DistrictReportProcess.START_DATE, BuddhistDates.format(start));
		draft.put(DistrictReportProcess.END_DATE, BuddhistDates.format(today()));
		draft.put(DistrictReportProcess.AREAS, Rest.json((List<?>) draft.get(DistrictReportProcess.AREAS)));
		return Rest.variables(draft);
	}

	/**
	 * Brings the morning digest forward as an operator would in Cockpit: the timer job's
	 * due date set to now ({@code PUT /engine-rest/job/{id}/duedate}). Returns when that
	 * job has run (the next morning's timer replaced it).
	 */
	static void runDigestNow(Rest rest) throws IOException {
		JsonNode jobs = rest.get("admin", "/engine-rest/job?timers=true&processDefinitionKey=" + DailyDigestProcess.KEY)
			.body();
		assertThat(jobs).as("the morning timer").hasSize(1);
		Rest.Response moved = rest.put("admin", "/engine-rest/job/" + jobs.get(0).get("id").asText() + "/duedate",
				Map.of("duedate", engineDate(new Date())));
		assertThat(moved.status()).as("due date moved: %s", moved.body()).isEqualTo(204);
	}

	/** Camunda's REST date format. */
	static String engineDate(Date date) {
		SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
		format.setTimeZone(TimeZone.getTimeZone("UTC"));
		return format.format(date);
	}

	/**
	 * One mail as it was sent: its Message-ID, sender, addressees (To and Cc), subject
	 * and text, and how many times it went out. GreenMail keeps one copy per addressee,
	 * so a mail sent twice shows up as twice the copies.
	 */
	record Mail(String messageId, String from, List<String> to, String subject, String body, int sends) {

		boolean isDigest() {
			return subject.startsWith("แจ้งเตือน:");
		}

		boolean isEscalation() {
			return subject.startsWith("รายงานเลยกำหนดส่ง:");
		}

		/**
		 * The office a digest went to: every member of the district's group gets it
		 * (str4201@, head4201@, cdo4201a@...), each address naming the office's four
		 * digits.
		 */
		String office() {
			return to.stream()
				.map(address -> address.replaceAll("^[a-z]+(\\d{4})[a-z]*@.*$", "$1"))
				.filter(code -> code.matches("\\d{4}"))
				.findFirst()
				.orElse(to.get(0));
		}

		/** The budget codes a digest lists, one per reminder. */
		List<String> budgetCodes() {
			List<String> codes = new ArrayList<>();
			Matcher m = Pattern.compile("รหัสงบประมาณ (\\S+)").matcher(body);
			while (m.find()) {
				codes.add(m.group(1));
			}
			return codes;
		}

	}

	/**
	 * The mails GreenMail received, one entry per Message-ID, with how often each was
	 * sent.
	 */
	static List<Mail> mails(MimeMessage[] received) throws MessagingException, IOException {
		Map<String, List<MimeMessage>> copies = new java.util.LinkedHashMap<>();
		for (MimeMessage message : received) {
			copies.computeIfAbsent(message.getMessageID(), id -> new ArrayList<>()).add(message);
		}
		List<Mail> mails = new ArrayList<>();
		for (List<MimeMessage> same : copies.values()) {
			MimeMessage first = same.get(0);
			List<String> to = java.util.Arrays.stream(first.getAllRecipients()).map(Address::toString).toList();
			mails.add(new Mail(first.getMessageID(), first.getFrom()[0].toString(), to, first.getSubject(),
					first.getContent().toString(), same.size() / to.size()));
		}
		return mails;
	}

}
